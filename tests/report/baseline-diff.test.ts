import { describe, expect, it } from 'vitest';
import { diffBaseline } from '../../src/report/index.ts';
import type { Outcome, Verdict } from '../../src/verdict/index.ts';

const expected = { shape: 'records', status: 202, codes: ['RECORD_LOCKED'] } as const;
const v = (caseId: string, outcome: Outcome, extra: Partial<Verdict> = {}): Verdict =>
  ({
    product: 'crm',
    endpoint: 'update-records',
    version: 'v8',
    caseId,
    caseName: caseId,
    outcome,
    expected,
    findings: [],
    ...extra,
  }) as unknown as Verdict;

describe('diffBaseline', () => {
  it('classifies new failures, still failing, fixed, new and removed cases', () => {
    const before = [
      v('a', 'pass'),
      v('b', 'fail'),
      v('e', 'fail'),
      v('c', 'fail'),
      v('d', 'pass'),
      v('gone', 'pass'),
      v('s', 'not-checked'),
    ];
    const after = [
      v('a', 'fail'),
      v('b', 'fail'),
      v('e', 'error'),
      v('c', 'pass'),
      v('d', 'pass'),
      v('new-bad', 'fail'),
      v('new-ok', 'pass'),
      v('s', 'fail'),
    ];
    const diff = diffBaseline('base.json', before, after);
    expect(diff.counts).toEqual({
      'new-failure': 2,
      'changed-failure': 1,
      'lost-coverage': 0,
      'still-failing': 1,
      fixed: 1,
      unchanged: 1,
      'new-case': 2,
      'removed-case': 1,
    });
    expect(diff.entries.map((e) => [e.key.split('/').at(-1), e.change])).toEqual([
      ['a', 'new-failure'],
      ['b', 'still-failing'],
      ['e', 'changed-failure'],
      ['c', 'fixed'],
      ['new-bad', 'new-case'],
      ['new-ok', 'new-case'],
      ['s', 'new-failure'],
      ['gone', 'removed-case'],
    ]);
    expect(diff.newFailures).toBe(4);
  });

  it('counts a failure whose reason changed (status, code or kinds of findings) as new, and keeps both fingerprints', () => {
    const was = v('locked', 'fail', {
      actual: { status: 200, codes: ['RECORD_LOCKED'], shape: 'records' },
      findings: [{ kind: 'status', message: 'expected HTTP 202, got 200' }],
    });
    const sameAgain = {
      ...was,
      findings: [{ kind: 'status', message: 'expected HTTP 202, got 200 (worded otherwise)' }],
    } as Verdict;
    const now = v('locked', 'fail', {
      actual: { status: 202, codes: ['SUCCESS'], shape: 'records' },
      findings: [{ kind: 'code', message: 'expected RECORD_LOCKED, got SUCCESS' }],
    });
    expect(diffBaseline('b', [was], [sameAgain]).entries.map((e) => e.change)).toEqual(['still-failing']);
    const diff = diffBaseline('b', [was], [now]);
    expect(diff.newFailures).toBe(1);
    expect(diff.entries).toEqual([
      expect.objectContaining({
        change: 'changed-failure',
        beforeFingerprint: 'fail; expected 202 RECORD_LOCKED; got 200 RECORD_LOCKED; findings status',
        afterFingerprint: 'fail; expected 202 RECORD_LOCKED; got 202 SUCCESS; findings code',
      }),
    ]);
  });

  it('reports a pass that is now not applicable, not checked or an error as lost coverage, apart from failures', () => {
    const before = [
      v('na', 'pass'),
      v('nc', 'pass'),
      v('err', 'pass'),
      v('kept', 'pass'),
      v('never', 'not-applicable'),
    ];
    const after = [
      v('na', 'not-applicable'),
      v('nc', 'not-checked'),
      v('err', 'error'),
      v('kept', 'pass'),
      v('never', 'not-applicable'),
    ];
    const diff = diffBaseline('b', before, after);
    expect(diff.entries.map((e) => [e.key.split('/').at(-1), e.change, e.before, e.after])).toEqual([
      ['na', 'lost-coverage', 'pass', 'not-applicable'],
      ['nc', 'lost-coverage', 'pass', 'not-checked'],
      ['err', 'lost-coverage', 'pass', 'error'],
    ]);
    expect(diff.counts).toMatchObject({ 'lost-coverage': 3, unchanged: 2, 'new-failure': 0 });
    expect(diff).toMatchObject({ lostCoverage: 3, newFailures: 0 });
    // The same run without the loss: nothing lost.
    expect(diffBaseline('b', before, before).lostCoverage).toBe(0);
  });

  it('never reads a failure that is no longer checked as fixed: it is lost coverage too', () => {
    const before = [v('hidden', 'fail'), v('repaired', 'fail')];
    const after = [v('hidden', 'not-checked'), v('repaired', 'pass')];
    const diff = diffBaseline('b', before, after);
    expect(diff.entries.map((e) => [e.key.split('/').at(-1), e.change])).toEqual([
      ['hidden', 'lost-coverage'],
      ['repaired', 'fixed'],
    ]);
  });

  it("tells a schema break at another path on a failing case from the same one: each finding's path counts", () => {
    const schemaAt = (path: string) => ({ kind: 'schema' as const, message: `${path} must be string`, path });
    const actual = { status: 202, codes: ['RECORD_LOCKED'], shape: 'records' } as const;
    const was = v('locked', 'fail', { actual, findings: [schemaAt('/data/0/status')] });
    const sameAgain = v('locked', 'fail', { actual, findings: [schemaAt('/data/0/status')] });
    const elsewhere = v('locked', 'fail', { actual, findings: [schemaAt('/data/0/status'), schemaAt('/data/0/code')] });
    expect(diffBaseline('b', [was], [sameAgain]).entries.map((e) => e.change)).toEqual(['still-failing']);
    const diff = diffBaseline('b', [was], [elsewhere]);
    expect(diff.entries).toEqual([
      expect.objectContaining({
        change: 'changed-failure',
        beforeFingerprint: 'fail; expected 202 RECORD_LOCKED; got 202 RECORD_LOCKED; findings schema /data/0/status',
        afterFingerprint:
          'fail; expected 202 RECORD_LOCKED; got 202 RECORD_LOCKED; findings schema /data/0/code,schema /data/0/status',
      }),
    ]);
    expect(diff.newFailures).toBe(1);
  });

  it('compares a kind by kind alone where the baseline gave its findings no path (a baseline from before paths)', () => {
    const actual = { status: 202, codes: ['RECORD_LOCKED'], shape: 'records' } as const;
    const old = v('locked', 'fail', { actual, findings: [{ kind: 'echo', message: 'id must echo the URL' }] });
    const now = v('locked', 'fail', {
      actual,
      findings: [{ kind: 'echo', message: 'id must echo the URL', path: '/data/0/details/id' }],
    });
    expect(diffBaseline('b', [old], [now]).entries.map((e) => e.change)).toEqual(['still-failing']);
    // A kind the old baseline did not have at all is still a change.
    const more = { ...now, findings: [...now.findings, { kind: 'status', message: 'expected 202' }] } as Verdict;
    expect(diffBaseline('b', [old], [more]).entries.map((e) => e.change)).toEqual(['changed-failure']);
  });

  it('keys cases by product, endpoint, version and case id', () => {
    const other = { ...v('a', 'fail'), version: 'v2' } as Verdict;
    expect(diffBaseline('b', [v('a', 'pass')], [other]).counts['new-case']).toBe(1);
  });
});
