// RunSummary -> junit.xml: one testsuite per harness file, not-checked cases first in each, and the checked count on top. Pure.

import { harnessPath } from '../generate/index.ts';
import type { Verdict } from '../verdict/index.ts';
import type { Artifact } from './artifact.ts';
import { actualText, expectedText } from './describe-outcome.ts';
import { checkedPhrase, countOutcomes, type RunSummary } from './run-summary.ts';

/**
 * A CI reads a not-checked case as an error (it was not proved), a not-applicable one as skipped, a failure with the
 * one-line reason as its message and expected vs actual with every finding as its text.
 */
export function renderJunit(summary: RunSummary): Artifact[] {
  const t = summary.totals;
  const unchecked = summary.verdicts.filter((v) => v.outcome === 'not-checked');
  const suites = summary.collections.map((c) => {
    const file = harnessPath({ product: c.product as Verdict['product'], id: c.endpoint }, c.version);
    const verdicts = summary.verdicts.filter(
      (v) => v.product === c.product && v.endpoint === c.endpoint && v.version === c.version,
    );
    return renderSuite(file, verdicts, summary.finishedAt);
  });
  const lines = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    `<!-- ${comment(`zoho-contract ${summary.runId}: ${checkedPhrase(t)}`)} -->`,
    ...unchecked.map((v) => `<!-- not checked: ${comment(`${title(v)}: ${v.reason}`)} -->`),
    `<testsuites name="zoho-contract: ${attr(checkedPhrase(t))}" tests="${t.cases}" failures="${t.failed}" errors="${t.errors + t.notChecked}" skipped="${t.notApplicable}" time="${seconds(summary)}">`,
    ...suites,
    '</testsuites>',
  ];
  return [{ path: 'junit.xml', content: `${lines.join('\n')}\n` }];
}

function renderSuite(file: string, verdicts: readonly Verdict[], timestamp: string): string {
  const t = countOutcomes(verdicts);
  const time = verdicts.reduce((ms, v) => ms + v.durationMs, 0) / 1000;
  const cases = verdicts.map((v) => renderCase(file, v));
  return [
    `  <testsuite name="${attr(file)}" timestamp="${attr(timestamp)}" hostname="zoho-contract" tests="${t.cases}" failures="${t.failed}" errors="${t.errors + t.notChecked}" skipped="${t.notApplicable}" time="${time}">`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

function renderCase(file: string, v: Verdict): string {
  const open = `    <testcase classname="${attr(file)}" name="${attr(title(v))}" time="${v.durationMs / 1000}"`;
  switch (v.outcome) {
    case 'pass': {
      // A CI shows a pass's output beside it: what it did not check (no printed message, an unread echo) belongs there.
      const notes = [
        ...(v.flaky ? [`flaky: first ${v.attempts?.[0]?.reason ?? 'failed'}`] : []),
        ...(v.unpinned ?? []),
      ];
      return `${open}>${notes.length ? `\n      <system-out>${text(notes.join('\n'))}</system-out>\n    ` : ''}</testcase>`;
    }
    case 'not-applicable':
      return `${open}>\n      <skipped message="${attr(`not applicable: ${v.reason}`)}"/>\n    </testcase>`;
    case 'not-checked':
      return `${open}>\n      <error type="not-checked" message="${attr(`not checked: ${v.reason}`)}">${text(v.notChecked?.fix ?? '')}</error>\n    </testcase>`;
    case 'error':
      return `${open}>\n      <error type="could-not-check" message="${attr(`could not check: ${v.reason}`)}">${text(details(v))}</error>\n    </testcase>`;
    case 'fail':
      return `${open}>\n      <failure type="contract" message="${attr(`contract broken: ${v.reason}`)}">${text(details(v))}</failure>\n    </testcase>`;
  }
}

/** Expected vs actual and every finding, as the failure's text. */
function details(v: Verdict): string {
  const actual = actualText(v, ', ');
  const findings = v.findings.map((f) => `  ${f.kind}${f.path ? ` ${f.path}` : ''}: ${f.message}`);
  return [
    `expected: HTTP ${expectedText(v, ', ', '(object)')}`,
    `actual: ${actual ? `HTTP ${actual}` : 'no response'}`,
    'findings:',
    ...findings,
    `doc: ${v.doc.page} § ${v.doc.section}`,
  ].join('\n');
}

function title(v: Verdict): string {
  return `${v.product} › ${v.endpoint} › ${v.version} › ${v.caseName}`;
}

function seconds(summary: RunSummary): number {
  return Math.max(0, Date.parse(summary.finishedAt) - Date.parse(summary.startedAt)) / 1000;
}

/** XML 1.0 forbids most control characters even escaped: they are dropped. */
function text(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

/** A comment may not hold "--". */
function comment(value: string): string {
  return text(value).replace(/--/g, '- -');
}
