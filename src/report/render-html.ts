// RunSummary -> report.html: one self-contained page (inline CSS and script, no fetches) that works opened from disk. Pure.

import { describeDocRef, expectedVariants, messageCoverage } from '../catalog/index.ts';
import { caseKey, type Verdict } from '../verdict/index.ts';
import { piecedArtifact, type Artifact } from './artifact.ts';
import { actualText, expectedText } from './describe-outcome.ts';
import { html, raw, type SafeHtml } from './html-template.ts';
import { REPORT_SCRIPT, REPORT_STYLE } from './html-assets.ts';
import { renderRolloutHtml, rolloutByModule } from './module-rollout.ts';
import { checkedPhrase, type RunSummary } from './run-summary.ts';

/** The HTML report of a run, written in pieces: the page down to the case table, a row per case, the rest. */
export function renderHtml(summary: RunSummary): Artifact[] {
  return [piecedArtifact('report.html', () => htmlPieces(summary))];
}

function* htmlPieces(summary: RunSummary): Generator<string> {
  yield pageTop(summary).text;
  for (const verdict of summary.verdicts) yield caseRow(verdict).text;
  yield html`</tbody></table></section>
${renderDrift(summary)}
<script>${raw(REPORT_SCRIPT)}</script>
</body></html>
`.text;
}

/** The page from its head to the case table's open body. */
function pageTop(summary: RunSummary): SafeHtml {
  const t = summary.totals;
  return html`<!doctype html>
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
  <nav>${sections(summary.verdicts)}</nav>
</header>
${renderFailures(summary.verdicts, new Set((summary.baseline?.entries ?? []).filter((e) => e.change === 'still-failing').map((e) => e.key)))}
${renderNotChecked(summary.verdicts)}
${renderRolloutHtml(rolloutByModule(summary))}
${renderCoverage(summary)}
${casesTableTop()}`;
}

/** Cases whose contract the run did not prove: not checked (configuration, recording, a lost verdict) or an answer it could not judge. */
function isNotChecked(verdict: Verdict): boolean {
  return verdict.outcome === 'not-checked' || verdict.outcome === 'error';
}

/** Links to the sections, in page order, with the counts a reader looks for first. */
function sections(verdicts: readonly Verdict[]): SafeHtml {
  const failures = verdicts.filter((v) => v.outcome === 'fail').length;
  const unchecked = verdicts.filter(isNotChecked).length;
  return html`<a href="#failures">Failures (${failures})</a> · <a href="#not-checked">Not checked (${unchecked})</a> · <a href="#coverage">Coverage</a> · <a href="#cases">All cases</a> · <a href="#drift">Doc drift</a>`;
}

/** Every contract failure, open: what was expected, what came back, each finding, the doc section, the exchange folded. */
function renderFailures(verdicts: readonly Verdict[], known: ReadonlySet<string>): SafeHtml {
  const failures = verdicts
    .filter((v) => v.outcome === 'fail')
    .map(
      (
        v,
      ) => html`<article class="failure" data-case="${v.caseId}"><h3>${v.product} › ${v.endpoint} › ${v.version} › ${v.caseName}${known.has(caseKey(v)) ? ' (known: in the baseline)' : ''}</h3>
<p class="reason">${v.reason}</p><p>Expected ${expectation(v)}; got ${observation(v)}</p>
${v.findings.length ? html`<ul>${v.findings.map((f) => html`<li><b>${f.kind}</b>${f.path ? html` <code>${f.path}</code>` : ''}: ${f.message}</li>`)}</ul>` : ''}
<p class="doc">${v.doc.page} § ${v.doc.section}</p>${v.exchange ? html`<details><summary>Request and response</summary>${exchange(v)}</details>` : ''}</article>`,
    );
  const undocumented = verdicts.reduce((n, v) => n + v.findings.filter((f) => f.kind === 'undocumented-key').length, 0);
  const keys = undocumented
    ? html`<p class="undocumented">Undocumented keys: ${undocumented} (failures only under --strict; each listed under its case)</p>`
    : '';
  return html`<section id="failures"><h2>Failures</h2>${failures.length ? failures : html`<p>No contract failures.</p>`}${keys}</section>`;
}

/** The selected cases the run did not check, with why: never silently green. */
function renderNotChecked(verdicts: readonly Verdict[]): SafeHtml {
  const rows = verdicts
    .filter(isNotChecked)
    .map(
      (v) =>
        html`<tr class="unchecked" data-outcome="${v.outcome}"><td class="cell ${v.outcome}">${v.outcome}</td><td>${v.product} › ${v.endpoint} › ${v.version}</td><td>${v.caseName}</td><td>${v.reason}</td><td>${v.notChecked?.fix ?? ''}</td></tr>`,
    );
  return html`<section id="not-checked"><h2>Not checked</h2>${
    rows.length
      ? html`<table><thead><tr><th>outcome</th><th>collection</th><th>case</th><th>why</th><th>what to do</th></tr></thead><tbody>${rows}</tbody></table>`
      : html`<p>Every selected case was checked.</p>`
  }</section>`;
}

function expectation(v: Verdict): string {
  return `HTTP ${expectedText(v, ', ', '(object)')}`;
}

function observation(v: Verdict): string {
  const actual = actualText(v, ', ');
  return actual ? `HTTP ${actual}` : 'no response';
}

function exchange(v: Verdict): SafeHtml {
  if (!v.exchange) return html``;
  const e = v.exchange;
  return html`<pre>${e.method} ${e.url}\n${Object.entries(e.requestHeaders).map(([k, h]) => `${k}: ${h}\n`)}\n${e.requestBody ?? ''}</pre>
    <pre>HTTP ${e.status ?? '-'}\n${e.responseBody ?? ''}</pre>`;
}

/** Endpoint × documented code, coloured by what this run saw of the cases covering it. */
function renderCoverage(summary: RunSummary): SafeHtml {
  const cell = (product: string, endpoint: string, cases: readonly string[]): { state: string; label: string } => {
    if (cases.length === 0) return { state: 'uncovered', label: 'not covered' };
    const seen = summary.verdicts
      .filter((v) => v.product === product && v.endpoint === endpoint && cases.includes(v.caseId))
      .map((v) => v.outcome);
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
      <td>${r.schema ? 'yes' : 'no'}</td><td>${r.mock ? 'yes' : 'no'}</td><td>${r.live ? 'yes' : 'mock only'}</td><td>${messageCoverage(r)}</td><td>${r.cases.join(', ')}</td></tr>`;
  });
  const c = summary.coverage.totals;
  return html`<section id="coverage"><h2>Coverage</h2>
<p>${c.withCase}/${c.documented} documented codes have a case, ${c.withSchema}/${c.documented} a schema, ${c.live}/${c.documented} can be provoked live, ${c.withMessage}/${c.documented} have their message checked by every case.</p>
<table><thead><tr><th>endpoint</th><th>code</th><th>this run</th><th>schema</th><th>mock</th><th>live</th><th>message</th><th>cases</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** One case's row of the case table (every case, failing first); details folded under it. */
function caseRow(v: Verdict): SafeHtml {
  const outcome = v.flaky ? 'flaky' : v.outcome;
  return html`<tr class="case" data-outcome="${v.outcome}" data-flaky="${v.flaky ? 'yes' : 'no'}">
  <td class="cell ${v.outcome}">${outcome}</td><td>${v.product} › ${v.endpoint} › ${v.version}</td>
  <td><details><summary>${v.caseName}</summary>
    <p>Expected ${expectation(v)}; got ${observation(v)}</p>
    ${v.reason ? html`<p class="reason">${v.reason}</p>` : ''}
    ${v.findings.length ? html`<ul>${v.findings.map((f) => html`<li><b>${f.kind}</b>${f.path ? html` <code>${f.path}</code>` : ''}: ${f.message}</li>`)}</ul>` : ''}
    ${v.unpinned?.length ? html`<p>Not checked (no page fixes it): ${v.unpinned.join('; ')}</p>` : ''}
    ${v.attempts?.length ? html`<p>Earlier attempts: ${v.attempts.map((a) => html`<span class="chip">${a.outcome}: ${a.reason}</span>`)}</p>` : ''}
    ${exchange(v)}
    <p class="doc">${v.doc.page} § ${v.doc.section}</p>
  </details></td><td>${v.reason}</td></tr>`;
}

/** The case table, filterable by outcome and text, down to its open body (the rows follow one by one). */
function casesTableTop(): SafeHtml {
  return html`<section id="cases"><h2>All cases</h2>
<p class="filters"><label>Show <select id="outcome-filter"><option value="all">all</option><option value="failing">failing</option><option value="pass">passed</option><option value="not-checked">not checked</option><option value="not-applicable">not applicable</option><option value="flaky">flaky</option></select></label>
<label>Search <input id="text-filter" type="search" placeholder="case, code, reason"></label> <span id="shown"></span></p>
<table><thead><tr><th>outcome</th><th>collection</th><th>case</th><th>reason</th></tr></thead><tbody>`;
}

/** The drift ledger with what the target returned. */
function renderDrift(summary: RunSummary): SafeHtml {
  const mark = (by: readonly string[] | undefined): string =>
    by === undefined ? '' : by.length === 0 ? ' — expected' : ` — expected by ${by.join(', ')}`;
  const entries = summary.drift.map((d) => {
    const expected = expectedVariants(d);
    return html`<article><h3>${d.topic}</h3><ol>${d.variants.map((v, i) => html`<li class="${expected.has(i) ? 'expected' : ''}">${v.says} <small>(${describeDocRef(v.source)})</small>${mark(expected.get(i))}</li>`)}</ol>
<p>${d.why}</p>${d.observed.length ? html`<p>Observed: ${d.observed.map((o) => html`<span class="chip">${o.version} ${o.caseId}: ${o.variant === null ? 'no documented variant' : `variant ${o.variant + 1}`}</span>`)}</p>` : ''}</article>`;
  });
  return html`<section id="drift"><h2>Doc drift</h2>${entries}</section>`;
}
