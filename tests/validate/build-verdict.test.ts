import { describe, expect, it } from 'vitest';
import { updateRecordLockingInformation, updateRecords, type Case } from '../../src/catalog/index.ts';
import { buildVerdict, formatReason, observeDrift } from '../../src/validate/build-verdict.ts';

const context = { product: 'crm', endpoint: 'update-records', version: 'v2.1', target: 'mock' } as const;
const caseById = (id: string): Case => {
  const found = updateRecords.cases.find((c) => c.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('buildVerdict', () => {
  it('passes with an empty reason when there are no findings', () => {
    const verdict = buildVerdict(context, caseById('success-single'), {
      kind: 'judged',
      findings: [],
      actual: { status: 200, codes: ['SUCCESS'], shape: 'records' },
      durationMs: 3,
    });
    expect(verdict.outcome).toBe('pass');
    expect(verdict.reason).toBe('');
    expect(verdict.caseName).toBe('SUCCESS when one record is updated by the id in the URL');
  });

  it('fails with the findings joined into one line', () => {
    const verdict = buildVerdict(context, caseById('record-locked'), {
      kind: 'judged',
      findings: [
        { kind: 'status', message: 'expected HTTP 202, got 200' },
        {
          kind: 'schema',
          message: '/data/0/status must be equal to one of the allowed values',
          path: '/data/0/status',
          keyword: 'enum',
        },
      ],
      actual: { status: 200, codes: ['RECORD_LOCKED'], shape: 'records' },
      durationMs: 1,
    });
    expect(verdict.outcome).toBe('fail');
    expect(verdict.reason).toBe(
      'expected HTTP 202, got 200; schema: /data/0/status must be equal to one of the allowed values',
    );
    expect(verdict.reason).not.toContain('\n');
  });

  it('marks a transport fault as error, not fail', () => {
    const verdict = buildVerdict(context, caseById('success-single'), {
      kind: 'transport',
      message: 'transport error: connection refused',
      durationMs: 0,
    });
    expect(verdict.outcome).toBe('error');
    expect(verdict.findings).toEqual([{ kind: 'transport', message: 'transport error: connection refused' }]);
  });

  it('keeps the reason of a case the target cannot provoke', () => {
    const verdict = buildVerdict(context, caseById('internal-error'), {
      kind: 'not-applicable',
      reason: 'live cannot provoke it (mock only)',
    });
    expect(verdict).toMatchObject({
      outcome: 'not-applicable',
      reason: 'live cannot provoke it (mock only)',
      findings: [],
    });
  });

  it('keeps why a case was not checked and what to set', () => {
    const verdict = buildVerdict(context, caseById('record-locked'), {
      kind: 'not-checked',
      reason: 'not configured for this target: ZOHO_LOCKED_RECORD_ID',
      cause: 'configuration',
      fix: 'set ZOHO_LOCKED_RECORD_ID',
      variables: ['ZOHO_LOCKED_RECORD_ID'],
    });
    expect(verdict).toMatchObject({
      outcome: 'not-checked',
      notChecked: { cause: 'configuration', fix: 'set ZOHO_LOCKED_RECORD_ID', variables: ['ZOHO_LOCKED_RECORD_ID'] },
    });
  });

  it('records which documented variant of a drift point the target returned', () => {
    const locked = caseById('record-locked');
    const verdict = buildVerdict(context, locked, {
      kind: 'judged',
      findings: [],
      actual: { status: 202, codes: ['RECORD_LOCKED'], shape: 'records' },
      durationMs: 1,
    });
    expect(verdict.drift).toEqual([
      { drift: 'crm-update-records/record-locked-status', variant: 1 },
      { drift: 'crm/record-locked-data-status', variant: 0 },
      // No message observed: neither wording of the point can be said to have come back.
      { drift: 'crm-update-records/record-locked-message', variant: null },
    ]);
  });
});

describe('observeDrift', () => {
  const [point] = caseById('oauth-scope-mismatch').drift ?? [];
  it('matches a message variant case-insensitively', () => {
    if (!point) throw new Error('drift point missing');
    expect(
      observeDrift(point, { status: 401, codes: ['OAUTH_SCOPE_MISMATCH'], shape: 'error', message: 'Unauthorized' }),
    ).toEqual({ drift: point.id, variant: 0 });
    expect(
      observeDrift(point, { status: 401, codes: ['OAUTH_SCOPE_MISMATCH'], shape: 'error', message: 'something else' }),
    ).toEqual({ drift: point.id, variant: null });
  });
});

describe('observeDrift on wordings that differ only by a final full stop', () => {
  const locking = updateRecordLockingInformation.cases.find((c) => c.id === 'invalid-module');
  const point = locking?.drift?.find((d) => d.id === 'crm/message-full-stop');
  const answer = (message: string) => ({ status: 400, codes: ['INVALID_MODULE'], shape: 'error' as const, message });

  it("tells which page's wording came back, though the verdict passes both", () => {
    if (!point) throw new Error('drift point missing');
    expect(observeDrift(point, answer('The module name given seems to be invalid.'))).toEqual({
      drift: point.id,
      variant: 0,
    });
    expect(observeDrift(point, answer('the module name given seems to be invalid'))).toEqual({
      drift: point.id,
      variant: 1,
    });
    expect(observeDrift(point, answer('The module name given seems invalid'))).toEqual({
      drift: point.id,
      variant: null,
    });
  });
});

describe('formatReason', () => {
  it('shows three findings and counts the rest', () => {
    const findings = Array.from({ length: 5 }, (_, i) => ({ kind: 'code' as const, message: `m${i}` }));
    expect(formatReason(findings)).toBe('m0; m1; m2 (+2 more)');
  });
});
