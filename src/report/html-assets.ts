// The HTML report's inline style and script: no fetches, so the file works opened from disk.

/** Colours by outcome; readable in print. */
export const REPORT_STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1rem 2rem; color: #1d2330; }
h1 { font-size: 1.4rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #dde; } code { font-size: 0.92em; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eef; vertical-align: top; }
.cell.pass { background: #dff5e3; } .cell.fail { background: #fbd9d9; } .cell.error { background: #fde7c7; }
.cell.not-applicable, .cell.notrun { background: #eceff3; } .cell.not-checked { background: #ffe08a; } .cell.uncovered { background: #f6c1f0; }
.count.pass { color: #17753a; } .count.fail { color: #b3261e; } .count.error { color: #9a5b00; } .count.not-applicable { color: #667; } .count.not-checked { color: #8a5a00; }
.chip { display: inline-block; background: #eef1f7; border-radius: 10px; padding: 0 8px; margin: 1px; }
.reason { color: #b3261e; } .doc { color: #667; } li.expected { font-weight: 600; }
pre { background: #f6f8fa; padding: 6px; overflow-x: auto; white-space: pre-wrap; }
.filters label { margin-right: 1rem; } tr.hidden { display: none; }
.failure { border-left: 4px solid #b3261e; padding: 0 0 0 10px; margin: 0.8rem 0; } .failure h3 { font-size: 1rem; margin: 0.3rem 0; }
nav { color: #667; }
`;

/** Filters the case table by outcome and text, and says how many rows are shown. */
export const REPORT_SCRIPT = `
(function () {
  var select = document.getElementById('outcome-filter');
  var search = document.getElementById('text-filter');
  var shown = document.getElementById('shown');
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.case'));
  function keep(row, outcome, text) {
    var o = row.getAttribute('data-outcome');
    var ok = outcome === 'all' || (outcome === 'failing' ? (o === 'fail' || o === 'error' || o === 'not-checked') : outcome === 'flaky' ? row.getAttribute('data-flaky') === 'yes' : o === outcome);
    return ok && (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
  }
  function apply() {
    var outcome = select.value, text = search.value.trim().toLowerCase(), n = 0;
    rows.forEach(function (row) { var k = keep(row, outcome, text); row.classList.toggle('hidden', !k); if (k) n += 1; });
    shown.textContent = n + ' of ' + rows.length + ' cases shown';
  }
  select.addEventListener('change', apply);
  search.addEventListener('input', apply);
  apply();
})();
`;
