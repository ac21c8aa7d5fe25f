// This run against an accepted baseline: which cases newly fail, fail differently, still fail, were fixed, are new or were removed. Pure.

import { caseKey, type Outcome, type Verdict } from '../verdict/index.ts';
import { actualText, expectedText } from './describe-outcome.ts';

/** How a case moved since the baseline; a failure whose fingerprint changed is `changed-failure`, counted as new. */
export type BaselineChange =
  | 'new-failure'
  | 'changed-failure'
  | 'still-failing'
  | 'fixed'
  | 'unchanged'
  | 'new-case'
  | 'removed-case';

/** One case's movement, with the fingerprint of its failure on each side. */
export interface BaselineEntry {
  readonly key: string;
  readonly caseName: string;
  readonly change: BaselineChange;
  readonly before?: Outcome;
  readonly after?: Outcome;
  /** The baseline's failure fingerprint (`failureFingerprint`), when the case failed there. */
  readonly beforeFingerprint?: string;
  readonly afterFingerprint?: string;
}

/** The comparison, with counts per change. */
export interface BaselineDiff {
  readonly source: string;
  readonly counts: Readonly<Record<BaselineChange, number>>;
  /** Every case that moved (unchanged ones are only counted). */
  readonly entries: readonly BaselineEntry[];
  /** Failures the baseline did not have, or had for another reason: what `--fail-on new` exits 1 on. */
  readonly newFailures: number;
}

const failing = (outcome: Outcome | undefined): boolean => outcome === 'fail' || outcome === 'error';

/**
 * What makes a failure the same failure: its outcome, expected vs actual status and code, and the kinds of findings
 * (not their wording, which carries values that vary run to run). Undefined for a case that did not fail.
 */
export function failureFingerprint(
  v: Pick<Verdict, 'outcome' | 'expected' | 'actual' | 'findings'>,
): string | undefined {
  if (!failing(v.outcome)) return undefined;
  const actual = actualText(v, ',') ?? 'no response';
  const kinds = [...new Set((v.findings ?? []).map((f) => f.kind))].sort().join(',');
  return `${v.outcome}; expected ${expectedText(v, ',', 'object')}; got ${actual}; findings ${kinds || 'none'}`;
}

function classify(then: Verdict | undefined, now: Verdict): BaselineChange {
  if (!then) return 'new-case';
  if (failing(now.outcome) && !failing(then.outcome)) return 'new-failure';
  if (failing(now.outcome))
    return failureFingerprint(now) === failureFingerprint(then) ? 'still-failing' : 'changed-failure';
  return failing(then.outcome) ? 'fixed' : 'unchanged';
}

/** Classifies every case of both runs. Cases not checked or not applicable count as not failing. */
export function diffBaseline(source: string, baseline: readonly Verdict[], current: readonly Verdict[]): BaselineDiff {
  const before = new Map(baseline.map((v) => [caseKey(v), v]));
  const after = new Map(current.map((v) => [caseKey(v), v]));
  const entries: BaselineEntry[] = [];
  let unchanged = 0;
  for (const [key, now] of after) {
    const then = before.get(key);
    const change = classify(then, now);
    if (change === 'unchanged') {
      unchanged += 1;
      continue;
    }
    const [beforeFingerprint, afterFingerprint] = [then && failureFingerprint(then), failureFingerprint(now)];
    entries.push({
      key,
      caseName: now.caseName,
      change,
      after: now.outcome,
      ...(then ? { before: then.outcome } : {}),
      ...(beforeFingerprint ? { beforeFingerprint } : {}),
      ...(afterFingerprint ? { afterFingerprint } : {}),
    });
  }
  for (const [key, then] of before)
    if (!after.has(key)) entries.push({ key, caseName: then.caseName, change: 'removed-case', before: then.outcome });
  const count = (change: BaselineChange): number =>
    change === 'unchanged' ? unchanged : entries.filter((e) => e.change === change).length;
  const changes: BaselineChange[] = [
    'new-failure',
    'changed-failure',
    'still-failing',
    'fixed',
    'unchanged',
    'new-case',
    'removed-case',
  ];
  const counts = Object.fromEntries(changes.map((c) => [c, count(c)])) as Record<BaselineChange, number>;
  const newFailures =
    counts['new-failure'] +
    counts['changed-failure'] +
    entries.filter((e) => e.change === 'new-case' && failing(e.after)).length;
  return { source, counts, entries, newFailures };
}
