// This run against an earlier one: which cases newly fail, still fail, were fixed, are new or were removed. Pure.

import { caseKey, type Outcome, type Verdict } from '../verdict/index.ts';

/** How a case moved since the baseline. */
export type BaselineChange = 'new-failure' | 'still-failing' | 'fixed' | 'unchanged' | 'new-case' | 'removed-case';

/** One case's movement. */
export interface BaselineEntry {
  readonly key: string;
  readonly caseName: string;
  readonly change: BaselineChange;
  readonly before?: Outcome;
  readonly after?: Outcome;
}

/** The comparison, with counts per change. */
export interface BaselineDiff {
  readonly source: string;
  readonly counts: Readonly<Record<BaselineChange, number>>;
  /** Every case that moved (unchanged ones are only counted). */
  readonly entries: readonly BaselineEntry[];
  /** Failures the baseline did not have: what `--fail-on new` exits 1 on. */
  readonly newFailures: number;
}

const failing = (outcome: Outcome | undefined): boolean => outcome === 'fail' || outcome === 'error';

/** Classifies every case of both runs. Skipped cases count as not failing. */
export function diffBaseline(source: string, baseline: readonly Verdict[], current: readonly Verdict[]): BaselineDiff {
  const before = new Map(baseline.map((v) => [caseKey(v), v]));
  const after = new Map(current.map((v) => [caseKey(v), v]));
  const entries: BaselineEntry[] = [];
  let unchanged = 0;
  for (const [key, now] of after) {
    const then = before.get(key);
    const change: BaselineChange = !then
      ? 'new-case'
      : failing(now.outcome) && !failing(then.outcome)
        ? 'new-failure'
        : failing(now.outcome)
          ? 'still-failing'
          : failing(then.outcome)
            ? 'fixed'
            : 'unchanged';
    if (change === 'unchanged') unchanged += 1;
    else entries.push({ key, caseName: now.caseName, change, after: now.outcome, ...(then ? { before: then.outcome } : {}) });
  }
  for (const [key, then] of before) if (!after.has(key)) entries.push({ key, caseName: then.caseName, change: 'removed-case', before: then.outcome });
  const count = (change: BaselineChange): number => (change === 'unchanged' ? unchanged : entries.filter((e) => e.change === change).length);
  const counts = { 'new-failure': count('new-failure'), 'still-failing': count('still-failing'), fixed: count('fixed'), unchanged, 'new-case': count('new-case'), 'removed-case': count('removed-case') };
  const newFailures = counts['new-failure'] + entries.filter((e) => e.change === 'new-case' && failing(e.after)).length;
  return { source, counts, entries, newFailures };
}
