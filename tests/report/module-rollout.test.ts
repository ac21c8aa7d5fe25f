// The rollout report of a run given --modules: per module, what held, what failed (with the finding), what was not
// checked (with the fix) and what is not applicable (with why), in the terminal, report.md and the HTML.

import { describe, expect, it } from 'vitest';
import { renderHtml, renderMarkdown, renderTerminal, summariseRun } from '../../src/report/index.ts';
import type { Verdict } from '../../src/verdict/index.ts';

const base = {
  product: 'crm',
  endpoint: 'insert-records',
  version: 'v8',
  group: 'g',
  target: 'live',
  findings: [],
  expected: { shape: 'records', status: 202, codes: ['DUPLICATE_DATA'] },
  doc: { page: 'crm-insert-records.md', section: 's' },
  durationMs: 1,
} as const;
const verdicts: Verdict[] = [
  { ...base, caseId: 'a__Accounts', caseName: 'held [Accounts]', module: 'Accounts', outcome: 'pass', reason: '' },
  {
    ...base,
    caseId: 'b__Accounts',
    caseName: 'broke [Accounts]',
    module: 'Accounts',
    outcome: 'fail',
    reason: 'expected HTTP 202, got 201',
  },
  {
    ...base,
    caseId: 'c__Projects_Tracker',
    caseName: 'no unique [Projects_Tracker]',
    module: 'Projects_Tracker',
    outcome: 'not-applicable',
    reason: 'Projects_Tracker has no unique field',
  },
  {
    ...base,
    caseId: 'd__Projects_Tracker',
    caseName: 'hidden [Projects_Tracker]',
    module: 'Projects_Tracker',
    outcome: 'not-checked',
    reason: 'Projects_Tracker hides Code',
    notChecked: { cause: 'org-access', fix: 'give the profile access to Code' },
  },
  { ...base, caseId: 'e', caseName: 'elsewhere', module: 'Leads', outcome: 'pass', reason: '' },
];
const facts = {
  runId: 'r1',
  startedAt: new Date(0),
  finishedAt: new Date(1000),
  target: { kind: 'live', name: 'org' },
};

describe('the rollout report', () => {
  const summary = summariseRun({ ...facts, modules: ['Accounts', 'Projects_Tracker'] }, verdicts);

  it('keeps the modules in summary.json, and each verdict its module', () => {
    expect(summary.modules).toEqual(['Accounts', 'Projects_Tracker']);
    expect(summary.verdicts.map((v) => v.module)).toEqual(expect.arrayContaining(['Accounts', 'Projects_Tracker']));
  });

  it('groups the terminal by module, in the order named, with the finding, the fix and the why', () => {
    const lines = renderTerminal(summary);
    const at = lines.indexOf('Rollout by module:');
    expect(lines.slice(at, at + 6)).toEqual([
      'Rollout by module:',
      '  Accounts: 1 held, 1 failed, 0 not checked, 0 not applicable',
      '    ✗ insert-records › v8 › broke [Accounts]: expected HTTP 202, got 201',
      '  Projects_Tracker: 0 held, 0 failed, 1 not checked, 1 not applicable',
      '    ? insert-records › v8 › hidden [Projects_Tracker]: Projects_Tracker hides Code; give the profile access to Code',
      '    - insert-records › v8 › no unique [Projects_Tracker]: Projects_Tracker has no unique field',
    ]);
  });

  it('tables the modules in report.md and lists what each held and did not', () => {
    const text = renderMarkdown(summary)[0]?.content ?? '';
    expect(text).toContain('| Accounts | 1 | 1 | 0 | 0 |');
    expect(text).toContain('| Projects_Tracker | 0 | 0 | 1 | 1 |');
    expect(text).toContain('- **failed**: insert-records › v8 › broke [Accounts]: expected HTTP 202, got 201');
    expect(text).toContain('- held: insert-records › v8 › held [Accounts]');
  });

  it('gives the HTML a section per module', () => {
    const page = renderHtml(summary)[0]?.content ?? '';
    expect(page).toContain('<section id="modules"><h2>Rollout by module</h2>');
    expect(page).toContain('<article data-module="Projects_Tracker">');
  });

  it('lists five not-applicable cases of a module in the terminal and counts the rest', () => {
    const many = Array.from(
      { length: 7 },
      (_, i): Verdict => ({
        ...base,
        caseId: `n${i}`,
        caseName: `mock only ${i}`,
        module: 'Leads',
        outcome: 'not-applicable',
        reason: 'live cannot provoke it (mock only)',
      }),
    );
    const lines = renderTerminal(summariseRun({ ...facts, modules: ['Leads'] }, many));
    expect(lines.filter((l) => l.startsWith('    - insert-records'))).toHaveLength(5);
    expect(lines).toContain('    - ...and 2 more not applicable (report.md)');
  });

  it('is left out of a run not given --modules', () => {
    const plain = summariseRun(facts, verdicts);
    expect(renderTerminal(plain)).not.toContain('Rollout by module:');
    expect(renderMarkdown(plain)[0]?.content).not.toContain('Rollout by module');
  });
});
