import { describe, expect, it } from 'vitest';
import type { Outcome, Verdict } from '../../src/verdict/index.ts';
import { renderSummaryJson, renderTerminal, runOutcome, summariseRun, type Totals } from '../../src/report/index.ts';

function verdict(caseId: string, outcome: Outcome, extra: Partial<Verdict> = {}): Verdict {
  return {
    product: 'crm',
    endpoint: 'update-records',
    version: 'v2.1',
    caseId,
    caseName: `${caseId} name`,
    group: caseId.startsWith('s') ? 'success' : 'record errors',
    target: 'mock',
    outcome,
    reason:
      outcome === 'fail'
        ? 'expected HTTP 202, got 200'
        : outcome === 'not-checked'
          ? 'not configured for this target: ZOHO_X'
          : outcome === 'not-applicable'
            ? 'url cannot provoke it (mock only)'
            : '',
    ...(outcome === 'not-checked'
      ? { notChecked: { cause: 'configuration', fix: 'set ZOHO_X (see .env.example)', variables: ['ZOHO_X'] } }
      : {}),
    findings:
      outcome === 'fail'
        ? [
            { kind: 'status', message: 'expected HTTP 202, got 200' },
            {
              kind: 'schema',
              message: '/data/0/status must be equal to one of the allowed values',
              path: '/data/0/status',
              keyword: 'enum',
            },
          ]
        : [],
    expected: { shape: 'records', status: 202, codes: ['RECORD_LOCKED'] },
    doc: { page: 'crm-update-records.txt', section: 'Possible Errors: RECORD_LOCKED' },
    durationMs: 2,
    ...extra,
  };
}

const facts = {
  runId: 'run-1',
  startedAt: new Date('2026-11-24T10:00:00Z'),
  finishedAt: new Date('2026-11-24T10:00:05Z'),
  target: { kind: 'mock', name: 'mock' },
};
const verdicts = [
  verdict('s-one', 'pass'),
  verdict('locked', 'fail'),
  verdict('other', 'not-checked'),
  verdict('fault', 'not-applicable'),
  verdict('down', 'error', { reason: 'transport error: connection refused' }),
];
const totals = (counts: Partial<Totals>): Totals => ({
  cases: 0,
  checked: 0,
  passed: 0,
  failed: 0,
  errors: 0,
  notApplicable: 0,
  notChecked: 0,
  flaky: 0,
  passedUnchecked: { message: 0, echo: 0, other: 0 },
  ...counts,
});

describe('summariseRun', () => {
  it('counts outcomes (checked = passed + failed + errors), lists not-checked cases first, then failures, and keeps the stable shape', () => {
    const summary = summariseRun(
      { ...facts, selection: ['crm/update-records/v2.1/s-one'], shard: { index: 1, count: 2 } },
      verdicts,
    );
    expect(summary).toMatchObject({
      schemaVersion: 1,
      runId: 'run-1',
      startedAt: '2026-11-24T10:00:00.000Z',
      outcome: 'failed',
      interrupted: false,
      selection: ['crm/update-records/v2.1/s-one'],
      shard: { index: 1, count: 2 },
    });
    expect(summary.totals).toEqual({
      cases: 5,
      checked: 3,
      passed: 1,
      failed: 1,
      errors: 1,
      notApplicable: 1,
      notChecked: 1,
      flaky: 0,
      passedUnchecked: { message: 0, echo: 0, other: 0 },
    });
    expect(summary.verdicts.map((v) => v.caseId)).toEqual(['other', 'locked', 'down', 's-one', 'fault']);
    expect(summary.collections).toEqual([
      { product: 'crm', endpoint: 'update-records', version: 'v2.1', ...summary.totals },
    ]);
  });

  it('ranks outcomes: failure over error; nothing checked is empty, anything not checked partial, never passed', () => {
    expect(runOutcome(totals({ cases: 2, checked: 2, passed: 1, failed: 1 }))).toBe('failed');
    expect(runOutcome(totals({ cases: 2, checked: 2, passed: 1, errors: 1 }))).toBe('error');
    expect(runOutcome(totals({ cases: 2, checked: 1, passed: 1, notApplicable: 1 }))).toBe('passed');
    expect(runOutcome(totals({ cases: 2, checked: 1, passed: 1, notChecked: 1 }))).toBe('partial');
    expect(runOutcome(totals({ cases: 1, notChecked: 1 }))).toBe('empty');
    expect(runOutcome(totals({ cases: 1, notApplicable: 1 }))).toBe('empty');
  });
});

describe('renderers', () => {
  it('renders summary.json as the summary itself', () => {
    const summary = summariseRun(facts, verdicts);
    const [artifact] = renderSummaryJson(summary);
    expect(artifact?.path).toBe('summary.json');
    expect(JSON.parse(artifact?.content ?? '')).toEqual(JSON.parse(JSON.stringify(summary)));
  });

  it('writes summary.json in pieces that join to exactly the summary as JSON.stringify prints it, with or without verdicts', () => {
    for (const summary of [summariseRun(facts, verdicts), summariseRun(facts, [])]) {
      const [artifact] = renderSummaryJson(summary);
      expect(artifact?.pieces).toBeDefined();
      expect([...(artifact?.pieces?.() ?? [])].join('')).toBe(`${JSON.stringify(summary, null, 2)}\n`);
      expect(artifact?.content).toBe(`${JSON.stringify(summary, null, 2)}\n`);
    }
  });

  it('prints one line per group, what was not checked, failures with reason, schema path and doc, and ends with the checked count', () => {
    const lines = renderTerminal(summariseRun(facts, verdicts), 'reports/run-1');
    expect(lines).toContain(
      '  ✗ crm › update-records › v2.1 › record errors: 0/3 passed, 1 failed, 1 could not be checked, 1 not checked, 1 not applicable',
    );
    expect(lines).toContain('  ✓ crm › update-records › v2.1 › success: 1/1 passed');
    expect(lines).toContain('      expected HTTP 202, got 200');
    expect(lines).toContain('      schema: /data/0/status must be equal to one of the allowed values');
    expect(lines).toContain('      doc: crm-update-records.txt § Possible Errors: RECORD_LOCKED');
    expect(lines).toContain('Not checked (1 of 5 selected):');
    expect(lines).toContain('  missing configuration: ZOHO_X (see .env.example)');
    expect(lines).toContain('  ? crm › update-records › v2.1 › other name: not configured for this target: ZOHO_X');
    expect(lines.indexOf('Not checked (1 of 5 selected):')).toBeLessThan(lines.indexOf('Failures:'));
    expect(lines).toContain('Report: reports/run-1');
    expect(lines.at(-1)).toBe('checked 3 of 5 selected: 1 passed, 1 failed, 1 errors, 1 not checked, 1 not applicable');
  });
});
