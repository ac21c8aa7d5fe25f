// The exit code of a finished run: nothing checked is never green, failures outrank gaps, gaps are 2 or 3 by cause.

import { describe, expect, it } from 'vitest';
import { decideExit } from '../../src/cli/exit-code.ts';
import { summariseRun } from '../../src/report/index.ts';
import type { NotChecked, Outcome, Verdict } from '../../src/verdict/index.ts';

const facts = { runId: 'r', startedAt: new Date(0), finishedAt: new Date(1), target: { kind: 'url', name: 'gw' } };
let n = 0;
const v = (outcome: Outcome, notChecked?: NotChecked): Verdict =>
  ({
    product: 'crm',
    endpoint: 'update-records',
    version: 'v8',
    caseId: `case-${(n += 1)}`,
    caseName: `case ${n}`,
    group: 'g',
    target: 'gw',
    outcome,
    reason: notChecked ? `reason of ${notChecked.cause}` : '',
    findings: [],
    expected: { shape: 'records', status: 202, codes: ['RECORD_LOCKED'] },
    doc: { page: 'p.txt', section: 's' },
    durationMs: 1,
    ...(notChecked ? { notChecked } : {}),
  }) as Verdict;
const unset = (name: string): NotChecked => ({ cause: 'configuration', fix: `set ${name}`, variables: [name] });
const lost: NotChecked = { cause: 'no-verdict', fix: 'rerun with --debug' };
const decide = (verdicts: Verdict[], allowPartial = false) =>
  decideExit(summariseRun(facts, verdicts), { failOn: 'any', allowPartial });

describe('decideExit', () => {
  it('is 0 only when every selected case was checked and held, not-applicable ones aside', () => {
    expect(decide([v('pass'), v('not-applicable')])).toEqual({ code: 0 });
  });

  it('is 2 naming every missing variable when cases were not checked for configuration, 0 with --allow-partial', () => {
    const verdicts = [v('pass'), v('not-checked', unset('ZOHO_RECORD_ID')), v('not-checked', unset('ZOHO_BULK_IDS'))];
    const decision = decide(verdicts);
    expect(decision.code).toBe(2);
    expect(decision.error?.toLine()).toBe(
      'error E_NOT_CHECKED: checked 1 of 3 selected, 2 not checked: missing ZOHO_RECORD_ID, ZOHO_BULK_IDS (set those variables (see .env.example); or pass --allow-partial to accept a partial run)',
    );
    expect(decide(verdicts, true)).toEqual({ code: 0 });
  });

  it('is 2 when a replay was recorded by another contract version (record again), as for a missing recording', () => {
    const stale: NotChecked = { cause: 'stale-recording', fix: 'record it again' };
    expect(decide([v('pass'), v('not-checked', stale)]).code).toBe(2);
    expect(decide([v('pass'), v('not-checked', stale), v('not-checked', lost)]).code).toBe(3);
  });

  it('is 3 when a verdict was lost, even beside missing configuration', () => {
    expect(decide([v('pass'), v('not-checked', unset('ZOHO_X')), v('not-checked', lost)]).code).toBe(3);
  });

  it('is 3 when nothing at all was checked, --allow-partial or not', () => {
    const verdicts = [v('not-checked', { cause: 'no-recording', fix: 'record it' }), v('not-applicable')];
    for (const allowPartial of [false, true]) {
      const decision = decide(verdicts, allowPartial);
      expect(decision.code).toBe(3);
      expect(decision.error?.toLine()).toMatch(
        /^error E_NOTHING_CHECKED: nothing was checked \(checked 0 of 2 selected\): reason of no-recording \(record it\)$/,
      );
    }
  });

  it('is 2 when every selected case is one the target cannot provoke', () => {
    expect(decide([v('not-applicable')]).error?.toLine()).toMatch(
      /^error E_NOTHING_CHECKED: nothing was checked: the 1 selected case\(s\) cannot be provoked on a url target/,
    );
    expect(decide([v('not-applicable')]).code).toBe(2);
  });

  it('is 1 on a contract failure, before any gap, and 3 on a transport error', () => {
    expect(decide([v('fail'), v('not-checked', unset('ZOHO_X'))])).toEqual({ code: 1 });
    expect(decide([v('pass'), v('error')])).toEqual({ code: 3 });
  });
});

describe('decideExit against a baseline', () => {
  const withBaseline = (before: Verdict[], after: Verdict[]) =>
    summariseRun({ ...facts, baseline: { source: 'base.json', verdicts: before } }, after);
  const same = (verdict: Verdict, outcome: Outcome, notChecked?: NotChecked): Verdict => ({
    ...verdict,
    outcome,
    ...(notChecked ? { notChecked } : {}),
  });
  const [kept, gone] = [v('pass'), v('pass')];

  it('is 1 with --fail-on new when a case that passed in the baseline is now not applicable; 0 without the loss', () => {
    const lostRun = withBaseline([kept, gone], [kept, same(gone, 'not-applicable')]);
    expect(lostRun.baseline?.lostCoverage).toBe(1);
    expect(decideExit(lostRun, { failOn: 'new', allowPartial: false })).toEqual({ code: 1 });
    const keptRun = withBaseline([kept, gone], [kept, gone]);
    expect(decideExit(keptRun, { failOn: 'new', allowPartial: false })).toEqual({ code: 0 });
  });

  it('is 1 with --fail-on new when a pass is now not checked or an error, --allow-partial or not', () => {
    for (const now of [same(gone, 'not-checked', unset('ZOHO_X')), same(gone, 'error')]) {
      for (const allowPartial of [false, true])
        expect(decideExit(withBaseline([kept, gone], [kept, now]), { failOn: 'new', allowPartial }).code).toBe(1);
    }
  });

  it('is never green on lost coverage with --fail-on any either: 1 where nothing else made the run red', () => {
    const lostRun = withBaseline([kept, gone], [kept, same(gone, 'not-applicable')]);
    expect(decideExit(lostRun, { failOn: 'any', allowPartial: false })).toEqual({ code: 1 });
    const partial = withBaseline([kept, gone], [kept, same(gone, 'not-checked', unset('ZOHO_X'))]);
    expect(decideExit(partial, { failOn: 'any', allowPartial: false }).code).toBe(2);
    expect(decideExit(partial, { failOn: 'any', allowPartial: true }).code).toBe(1);
  });
});
