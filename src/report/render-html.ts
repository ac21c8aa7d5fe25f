// RunSummary -> report.html: one self-contained page (inline CSS and script, no fetches) that works opened from disk. Pure.

import type { Verdict } from '../validate/index.ts';
import type { Artifact } from './artifact.ts';
import { html, raw, type SafeHtml } from './html-template.ts';
import { REPORT_SCRIPT, REPORT_STYLE } from './html-assets.ts';
import { checkedPhrase, type RunSummary } from './run-summary.ts';

/** The HTML report of a run. */
export function renderHtml(summary: RunSummary): Artifact[] {
  const t = summary.totals;
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Zoho contract run ${summary.runId}</title><style>${raw(REPORT_STYLE)}</style></head>
<body>
<header>
  <h1>Zoho contract run <code>${summary.runId}</code>${summary.interrupted ? ' (interrupted)' : ''}</h1>
  <p>Target <strong>${summary.target.name}</strong> (${summary.target.kind}) · ${summary.startedAt} → ${summary.finishedAt}${summary.collectionsCommit ? html` · collections at <code>${summary.collectionsCommit}</code>` : ''}</p>
  <p>Collections: ${summary.collections.map((c) => html`<span class="chip">${c.product} › ${c.endpoint} › ${c.version}</span> `)}</p>
  <p class="totals" data-outcome="${summary.outcome}">
    <strong data-count="checked-phrase">${checkedPhrase(t)}</strong>${summary.shard ? ` (shard ${summary.shard.index}/${summary.shard.count})` : ''}:
    <span class="count pass" data-count="passed">${t.passed}</span> passed ·
    <span class="count fail" data-count="failed">${t.failed}</span> failed ·
    <span class="count error" data-count="errors">${t.errors}</span> errors ·
    <span class="count not-checked" data-count="not-checked">${t.notChecked}</span> not checked ·
    <span class="count not-applicable" data-count="not-applicable">${t.notApplicable}</span> not applicable ·
    <span class="count" data-count="flaky">${t.flaky}</span> flaky ·
    <span data-count="cases">${t.cases}</span> cases
  </p>
</header>
${renderNotChecked(summary)}
${renderCoverage(summary)}
${renderCases(summary.verdicts)}
${renderDrift(summary)}
<script>${raw(REPORT_SCRIPT)}</script>
</body></html>
`;
  return [{ path: 'report.html', content: page.text }];
}

/** What was not checked, with why and what to do, above everything else (failures follow in the case table). */
function renderNotChecked(summary: RunSummary): SafeHtml {
  const unchecked = summary.verdicts.filter((v) => v.outcome === 'not-checked');
  if (unchecked.length === 0) return html``;
  const rows = unchecked.map((v) => html`<tr><td>${v.product} › ${v.endpoint} › ${v.version} › ${v.caseName}</td><td>${v.reason}</td><td>${v.notChecked?.fix ?? ''}</td></tr>`);
  return html`<section id="not-checked"><h2>Not checked (${unchecked.length} of ${summary.totals.cases} selected)</h2>
<table><thead><tr><th>case</th><th>why</th><th>what to do</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** Endpoint × documented code, coloured by what this run saw of the cases covering it. */
function renderCoverage(summary: RunSummary): SafeHtml {
  const cell = (product: string, endpoint: string, cases: readonly string[]): { state: string; label: string } => {
    if (cases.length === 0) return { state: 'uncovered', label: 'not covered' };
    const seen = summary.verdicts.filter((v) => v.product === product && v.endpoint === endpoint && cases.includes(v.caseId)).map((v) => v.outcome);
    if (seen.length === 0) return { state: 'notrun', label: 'not run' };
    if (seen.includes('fail')) return { state: 'fail', label: 'fail' };
    if (seen.includes('error')) return { state: 'error', label: 'error' };
    if (seen.includes('pass')) return { state: 'pass', label: 'pass' };
    if (seen.includes('not-checked')) return { state: 'not-checked', label: 'not checked' };
    return { state: 'not-applicable', label: 'not applicable' };
  };
  const rows = summary.coverage.rows.map((r) => {
    const { state, label } = cell(r.product, r.endpoint, r.cases);
    return html`<tr><td>${r.product} › ${r.endpoint}</td><td><code>${r.code}</code></td><td class="cell ${state}">${label}</td>
      <td>${r.schema ? 'yes' : 'no'}</td><td>${r.mock ? 'yes' : 'no'}</td><td>${r.live ? 'yes' : 'mock only'}</td><td>${r.cases.join(', ')}</td></tr>`;
  });
  const c = summary.coverage.totals;
  return html`<section id="coverage"><h2>Coverage</h2>
<p>${c.withCase}/${c.documented} documented codes have a case, ${c.withSchema}/${c.documented} a schema, ${c.live}/${c.documented} can be provoked live.</p>
<table><thead><tr><th>endpoint</th><th>code</th><th>this run</th><th>schema</th><th>mock</th><th>live</th><th>cases</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** Every case, failing first, filterable by outcome and text; details folded under each row. */
function renderCases(verdicts: readonly Verdict[]): SafeHtml {
  const rows = verdicts.map((v) => {
    const expected = v.expected.shape === 'records' ? v.expected.codes.join(', ') : v.expected.shape === 'error' ? v.expected.code : '(object)';
    const outcome = v.flaky ? 'flaky' : v.outcome;
    return html`<tr class="case" data-outcome="${v.outcome}" data-flaky="${v.flaky ? 'yes' : 'no'}">
  <td class="cell ${v.outcome}">${outcome}</td><td>${v.product} › ${v.endpoint} › ${v.version}</td>
  <td><details><summary>${v.caseName}</summary>
    <p>Expected HTTP ${v.expected.status} ${expected}; got ${v.actual ? `HTTP ${v.actual.status} ${v.actual.codes.join(', ') || v.actual.shape}` : 'no response'}</p>
    ${v.reason ? html`<p class="reason">${v.reason}</p>` : ''}
    ${v.findings.length ? html`<ul>${v.findings.map((f) => html`<li><b>${f.kind}</b>${f.path ? html` <code>${f.path}</code>` : ''}: ${f.message}</li>`)}</ul>` : ''}
    ${v.attempts?.length ? html`<p>Earlier attempts: ${v.attempts.map((a) => html`<span class="chip">${a.outcome}: ${a.reason}</span>`)}</p>` : ''}
    ${v.exchange ? html`<pre>${v.exchange.method} ${v.exchange.url}\n${Object.entries(v.exchange.requestHeaders).map(([k, h]) => `${k}: ${h}\n`)}\n${v.exchange.requestBody ?? ''}</pre>
    <pre>HTTP ${v.exchange.status ?? '-'}\n${v.exchange.responseBody ?? ''}</pre>` : ''}
    <p class="doc">${v.doc.page} § ${v.doc.section}</p>
  </details></td><td>${v.reason}</td></tr>`;
  });
  return html`<section id="cases"><h2>Cases</h2>
<p class="filters"><label>Show <select id="outcome-filter"><option value="all">all</option><option value="failing">failing</option><option value="pass">passed</option><option value="not-checked">not checked</option><option value="not-applicable">not applicable</option><option value="flaky">flaky</option></select></label>
<label>Search <input id="text-filter" type="search" placeholder="case, code, reason"></label> <span id="shown"></span></p>
<table><thead><tr><th>outcome</th><th>collection</th><th>case</th><th>reason</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** The drift ledger with what the target returned. */
function renderDrift(summary: RunSummary): SafeHtml {
  const entries = summary.drift.map(
    (d) => html`<article><h3>${d.topic}</h3><ol>${d.variants.map((v, i) => html`<li class="${i === d.expected ? 'expected' : ''}">${v.says} <small>(${v.source.page} § ${v.source.section})</small>${i === d.expected ? ' — expected' : ''}</li>`)}</ol>
<p>${d.why}</p>${d.observed.length ? html`<p>Observed: ${d.observed.map((o) => html`<span class="chip">${o.version} ${o.caseId}: ${o.variant === null ? 'no documented variant' : `variant ${o.variant + 1}`}</span>`)}</p>` : ''}</article>`,
  );
  return html`<section id="drift"><h2>Doc drift</h2>${entries}</section>`;
}
