// This run against an accepted baseline: which cases newly fail, fail differently, still fail, lost coverage, were
// fixed, are new or were removed. Pure.

import { caseKey, type FindingKind, type Outcome, type Verdict } from '../verdict/index.ts';
import { actualText, expectedText } from './describe-outcome.ts';

/**
 * How a case moved since the baseline; a failure whose fingerprint changed is `changed-failure`, counted as new; a case
 * checked there (a pass, or a failure) that is now not applicable, not checked or an error is `lost-coverage`.
 */
export type BaselineChange =
  | 'new-failure'
  | 'changed-failure'
  | 'lost-coverage'
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
  /** Failures the baseline did not have, or had for another reason: `--fail-on new` exits 1 on them. */
  readonly newFailures: number;
  /** Cases that passed in the baseline and were not checked and held this time: never green (exit 1). */
  readonly lostCoverage: number;
}

const CHANGES: readonly BaselineChange[] = [
  'new-failure',
  'changed-failure',
  'lost-coverage',
  'still-failing',
  'fixed',
  'unchanged',
  'new-case',
  'removed-case',
];

const failing = (outcome: Outcome | undefined): boolean => outcome === 'fail' || outcome === 'error';

/**
 * What makes a failure the same failure: its outcome, expected vs actual status and code, and each finding's kind and
 * path (not its wording, which carries values that vary run to run). Kinds in `pathless` are compared by kind alone:
 * what a baseline written before findings carried paths can still be compared with. Undefined for a case that did not
 * fail.
 */
export function failureFingerprint(
  v: Pick<Verdict, 'outcome' | 'expected' | 'actual' | 'findings'>,
  pathless: ReadonlySet<FindingKind> = new Set(),
): string | undefined {
  if (!failing(v.outcome)) return undefined;
  const actual = actualText(v, ',') ?? 'no response';
  const findings = (v.findings ?? []).map((f) => (f.path && !pathless.has(f.kind) ? `${f.kind} ${f.path}` : f.kind));
  const parts = [...new Set(findings)].sort().join(',');
  return `${v.outcome}; expected ${expectedText(v, ',', 'object')}; got ${actual}; findings ${parts || 'none'}`;
}

/**
 * Kinds of the baseline's findings none of which has a path. A baseline from before findings carried paths (or a kind
 * that never has one, as `status`) is compared by kind for those kinds, so an old baseline does not turn every known
 * failure into a changed one; a kind the baseline gave a path to is compared path by path.
 */
function pathlessKinds(then: Verdict): ReadonlySet<FindingKind> {
  const findings = then.findings ?? [];
  const kinds = new Set(findings.map((f) => f.kind));
  return new Set([...kinds].filter((kind) => findings.every((f) => f.kind !== kind || !f.path)));
}

/** Both fingerprints, compared at the baseline's precision. */
function fingerprints(then: Verdict | undefined, now: Verdict): [string | undefined, string | undefined] {
  if (!then) return [undefined, failureFingerprint(now)];
  const pathless = pathlessKinds(then);
  return [failureFingerprint(then, pathless), failureFingerprint(now, pathless)];
}

/** A pass that now proves less: sent and not judged (error), or not sent at all. */
const LOST: ReadonlySet<Outcome> = new Set(['error', 'not-applicable', 'not-checked']);

function classify(then: Verdict | undefined, now: Verdict): BaselineChange {
  if (!then) return 'new-case';
  if (then.outcome === 'pass' && LOST.has(now.outcome)) return 'lost-coverage';
  if (failing(now.outcome) && !failing(then.outcome)) return 'new-failure';
  if (failing(now.outcome)) {
    const [before, after] = fingerprints(then, now);
    return before === after ? 'still-failing' : 'changed-failure';
  }
  // A failure that is no longer checked is not fixed: what showed it is gone, so it is lost coverage too.
  if (failing(then.outcome)) return now.outcome === 'pass' ? 'fixed' : 'lost-coverage';
  return 'unchanged';
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
    const [beforeFingerprint, afterFingerprint] = fingerprints(then, now);
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
  const counts = Object.fromEntries(CHANGES.map((c) => [c, count(c)])) as Record<BaselineChange, number>;
  const newFailures =
    counts['new-failure'] +
    counts['changed-failure'] +
    entries.filter((e) => e.change === 'new-case' && failing(e.after)).length;
  return { source, counts, entries, newFailures, lostCoverage: counts['lost-coverage'] };
}
