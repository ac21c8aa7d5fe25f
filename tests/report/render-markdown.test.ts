import { describe, expect, it } from 'vitest';
import { renderMarkdown, summariseRun } from '../../src/report/index.ts';
import type { Verdict } from '../../src/verdict/index.ts';

const base = {
  product: 'crm',
  endpoint: 'update-records',
  version: 'v8',
  group: 'g',
  target: 'mock',
  findings: [],
  expected: { shape: 'records', status: 202, codes: ['RECORD_LOCKED'] },
  doc: { page: 'p.txt', section: 's' },
  durationMs: 1,
} as const;
const verdicts: Verdict[] = [
  { ...base, caseId: 'ok', caseName: 'ok case', outcome: 'pass', reason: '' },
  { ...base, caseId: 'bad', caseName: 'bad | case', outcome: 'fail', reason: 'expected HTTP 202, got 200 <b>' },
  { ...base, caseId: 'wobbly', caseName: 'wobbly case', outcome: 'pass', reason: '', flaky: true },
];
const facts = {
  runId: 'r1',
  startedAt: new Date(0),
  finishedAt: new Date(1000),
  target: { kind: 'url', name: 'gw.example' },
};

describe('renderMarkdown', () => {
  it('gives counts, a table of failures with escaped cells, flaky cases, coverage and drift lines', () => {
    const [artifact] = renderMarkdown(summariseRun(facts, verdicts));
    expect(artifact?.path).toBe('report.md');
    const text = artifact?.content ?? '';
    expect(text).toContain('## ❌ Zoho contract run `r1`');
    expect(text).toContain(
      'Target **gw.example** (url): **checked 3 of 3 selected: 2 passed, 1 failed, 0 errors, 0 not checked, 0 not applicable, 1 flaky**.',
    );
    expect(text).toContain(
      '| crm › update-records › v8 › bad \\| case | expected HTTP 202, got 200 &lt;b&gt; | p.txt § s |',
    );
    expect(text).toContain('Flaky (failed, then passed on retry): crm › update-records › v8 › wobbly case');
    expect(text.split('\n').length).toBeLessThan(20);
  });

  it('counts and lists the keys no page documents, on passing cases too', () => {
    const extra: Verdict = {
      ...base,
      caseId: 'extra',
      caseName: 'extra case',
      outcome: 'pass',
      reason: '',
      findings: [{ kind: 'undocumented-key', path: '/data/0/zia', message: '/data/0/zia: a key no page documents' }],
    };
    const summary = summariseRun(facts, [extra]);
    expect(summary.undocumentedKeys).toBe(1);
    const text = renderMarkdown(summary)[0]?.content ?? '';
    expect(text).toContain('Undocumented keys (1; failures only under --strict):');
    expect(text).toContain('- crm › update-records › v8 › extra case: /data/0/zia');
    expect(summariseRun(facts, verdicts).undocumentedKeys).toBeUndefined();
  });

  it('lists what was not checked first, above the failures, with why and what to do', () => {
    const unchecked: Verdict = {
      ...base,
      caseId: 'unset',
      caseName: 'unset case',
      outcome: 'not-checked',
      reason: 'not configured for this target: ZOHO_X',
      notChecked: { cause: 'configuration', fix: 'set ZOHO_X (see .env.example)', variables: ['ZOHO_X'] },
    };
    const text = renderMarkdown(summariseRun(facts, [...verdicts, unchecked]))[0]?.content ?? '';
    expect(text).toContain('checked 3 of 4 selected');
    expect(text).toContain(
      '| crm › update-records › v8 › unset case | not configured for this target: ZOHO_X | set ZOHO_X (see .env.example) |',
    );
    expect(text.indexOf('### Not checked (1)')).toBeLessThan(text.indexOf('### Failures (1)'));
  });

  it('says so when everything passed, with no failure table', () => {
    const text = renderMarkdown(summariseRun(facts, [verdicts[0] as Verdict]))[0]?.content ?? '';
    expect(text).toContain('## ✅');
    expect(text).not.toContain('| case |');
  });
});
