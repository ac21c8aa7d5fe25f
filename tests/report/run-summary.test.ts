import { describe, expect, it } from 'vitest';
import type { Outcome, Verdict } from '../../src/verdict/index.ts';
import { renderSummaryJson, renderTerminal, runOutcome, summariseRun } from '../../src/report/index.ts';

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
    reason: outcome === 'fail' ? 'expected HTTP 202, got 200' : outcome === 'skipped' ? 'not configured for this target: ZOHO_X' : '',
    findings: outcome === 'fail' ? [{ kind: 'status', message: 'expected HTTP 202, got 200' }, { kind: 'schema', message: '/data/0/status must be equal to one of the allowed values', path: '/data/0/status', keyword: 'enum' }] : [],
    expected: { shape: 'records', status: 202, codes: ['RECORD_LOCKED'] },
    doc: { page: 'crm-update-records.txt', section: 'Possible Errors: RECORD_LOCKED' },
    durationMs: 2,
    ...extra,
  };
}

const facts = { runId: 'run-1', startedAt: new Date('2026-11-24T10:00:00Z'), finishedAt: new Date('2026-11-24T10:00:05Z'), target: { kind: 'mock', name: 'mock' } };
const verdicts = [verdict('s-one', 'pass'), verdict('locked', 'fail'), verdict('other', 'skipped'), verdict('down', 'error', { reason: 'transport error: connection refused' })];

describe('summariseRun', () => {
  it('counts outcomes, lists failures first, and keeps the stable shape', () => {
    const summary = summariseRun(facts, verdicts);
    expect(summary).toMatchObject({ schemaVersion: 1, runId: 'run-1', startedAt: '2026-11-24T10:00:00.000Z', outcome: 'failed', interrupted: false });
    expect(summary.totals).toEqual({ cases: 4, passed: 1, failed: 1, errors: 1, skipped: 1, flaky: 0 });
    expect(summary.verdicts.map((v) => v.caseId)).toEqual(['locked', 'down', 's-one', 'other']);
    expect(summary.collections).toEqual([{ product: 'crm', endpoint: 'update-records', version: 'v2.1', cases: 4, passed: 1, failed: 1, errors: 1, skipped: 1, flaky: 0 }]);
  });

  it('ranks outcomes: failure over error over pass, and nothing run is empty', () => {
    expect(runOutcome({ cases: 2, passed: 1, failed: 1, errors: 1, skipped: 0, flaky: 0 })).toBe('failed');
    expect(runOutcome({ cases: 2, passed: 1, failed: 0, errors: 1, skipped: 0, flaky: 0 })).toBe('error');
    expect(runOutcome({ cases: 1, passed: 1, failed: 0, errors: 0, skipped: 0, flaky: 0 })).toBe('passed');
    expect(runOutcome({ cases: 1, passed: 0, failed: 0, errors: 0, skipped: 1, flaky: 0 })).toBe('empty');
  });
});

describe('renderers', () => {
  it('renders summary.json as the summary itself', () => {
    const summary = summariseRun(facts, verdicts);
    const [artifact] = renderSummaryJson(summary);
    expect(artifact?.path).toBe('summary.json');
    expect(JSON.parse(artifact?.content ?? '')).toEqual(JSON.parse(JSON.stringify(summary)));
  });

  it('prints one line per group, then failures with reason, schema path and doc, then skips and totals', () => {
    const lines = renderTerminal(summariseRun(facts, verdicts), 'reports/run-1');
    expect(lines).toContain('  ✗ crm › update-records › v2.1 › record errors: 0/2 passed, 1 failed, 1 could not be checked, 1 skipped');
    expect(lines).toContain('  ✓ crm › update-records › v2.1 › success: 1/1 passed');
    expect(lines).toContain('      expected HTTP 202, got 200');
    expect(lines).toContain('      schema: /data/0/status must be equal to one of the allowed values');
    expect(lines).toContain('      doc: crm-update-records.txt § Possible Errors: RECORD_LOCKED');
    expect(lines).toContain('  - crm › update-records › v2.1 › other name: not configured for this target: ZOHO_X');
    expect(lines).toContain('1 passed, 1 failed, 1 errors, 1 skipped (4 cases)');
    expect(lines.at(-1)).toBe('Report: reports/run-1');
  });
});
