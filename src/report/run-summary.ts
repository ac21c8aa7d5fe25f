// Verdicts -> RunSummary: the documented, stable shape of summary.json. Pure; time and ids are passed in.

import {
  buildCoverage,
  totalCoverage,
  type CoverageRow,
  type CoverageTotals,
  type DriftPoint,
  type Endpoint,
} from '../catalog/index.ts';
import type { Outcome, Verdict } from '../verdict/index.ts';
import { diffBaseline, type BaselineDiff } from './baseline-diff.ts';
import { buildDriftLedger, type DriftLedgerEntry } from './drift-ledger.ts';
import type { OrgDrift } from './org-drift.ts';
import { countPassedUnchecked, passedUncheckedPhrase, type PassedUnchecked } from './unchecked-parts.ts';

/** Counts of outcomes. */
export interface Totals {
  /** Every selected case (of this shard, in a shard's summary). */
  readonly cases: number;
  /** Sent and judged: passed + failed + errors. A run says `checked <checked> of <cases> selected`. */
  readonly checked: number;
  readonly passed: number;
  readonly failed: number;
  readonly errors: number;
  /** Not sent: this kind of target cannot provoke them (not counted against the run). */
  readonly notApplicable: number;
  /** Should have been checked and were not (configuration, recording, a lost verdict, an interrupt): never green. */
  readonly notChecked: number;
  /** Passed only on a retry (also counted in passed). */
  readonly flaky: number;
  /** Passes (counted in passed) with a part not checked: a message no page prints, an echo it could not read. */
  readonly passedUnchecked: PassedUnchecked;
}

/** One collection's (product × endpoint × version) share of the run. */
export interface CollectionTotals extends Totals {
  readonly product: string;
  readonly endpoint: string;
  readonly version: string;
}

/**
 * passed: every selected case was checked (or is not applicable) and held; failed: a contract broke; error: an answer
 * could not be judged; partial: some cases were not checked; empty: nothing at all was checked.
 */
export type RunOutcome = 'passed' | 'failed' | 'error' | 'partial' | 'empty';

/** A shard's place in its run: shard `index` of `count`. */
export interface ShardPlace {
  readonly index: number;
  readonly count: number;
}

/** A live run's API calls and what they cost: Zoho meters 1 credit per call (zoho-notes.md section 3). */
export interface ApiUsage {
  readonly calls: number;
  readonly credits: number;
  /** What the run planned before writing anything (the same phases): spent against planned says no call was wasted. */
  readonly planned?: {
    readonly calls: number;
    readonly credits: number;
    readonly byPhase: {
      readonly metadata: number;
      readonly fixtures: number;
      readonly cases: number;
      readonly cleanup: number;
    };
  };
  readonly byPhase: {
    readonly metadata: number;
    readonly fixtures: number;
    readonly cases: number;
    readonly cleanup: number;
  };
  /** Each step's calls, in order (calls of one step go out side by side): what a minimum wall time is computed from. */
  readonly steps: ReadonlyArray<{ readonly name: string; readonly calls: number }>;
  /** Calls in flight at most, and where the figure came from. */
  readonly concurrency: {
    readonly limit: number;
    readonly source: 'edition' | 'flag' | 'default';
    readonly edition?: string;
    /** Live --shard k/n: the limit is this shard's nth of the org's. */
    readonly shards?: number;
  };
}

/** What summary.json holds (schemaVersion 1). */
export interface RunSummary {
  readonly schemaVersion: 1;
  readonly runId: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly target: { readonly kind: string; readonly name: string };
  /** The git commit the collections were generated at, when known ("abc1234", "+dirty" when changed since). */
  readonly collectionsCommit?: string;
  /** Contract version (collection info.version) of each endpoint the run covered: shards of different versions never merge. */
  readonly contractVersions: Readonly<Record<string, string>>;
  /** True when the run stopped before every selected case ran. */
  readonly interrupted: boolean;
  /** The whole run's selection (`product/endpoint/version/caseId`), also in a shard's summary: what `merge` must account for. */
  readonly selection?: readonly string[];
  /** This summary is shard k of n of that selection. */
  readonly shard?: ShardPlace;
  readonly outcome: RunOutcome;
  readonly totals: Totals;
  readonly collections: readonly CollectionTotals[];
  /** Not-checked cases first, then failures and errors, then the rest in run order (not-applicable last). */
  readonly verdicts: readonly Verdict[];
  /** Documented codes of the run's endpoints and what covers each. */
  readonly coverage: { readonly totals: CoverageTotals; readonly rows: readonly CoverageRow[] };
  /** Contradictions in the docs of the run's endpoints, with what the target returned. */
  readonly drift: readonly DriftLedgerEntry[];
  /** The comparison with an earlier run, when one was given. */
  readonly baseline?: BaselineDiff;
  /** Live runs: the API calls the run made and the credits they cost. */
  readonly apiUsage?: ApiUsage;
  /** Live runs: the org as the run read it (edition, modules, fields), kept so a later run can say what changed. */
  readonly org?: Readonly<Record<string, unknown>>;
  /** Live runs with a baseline that kept its org: what changed in the org since, beside the failures it may explain. */
  readonly orgDrift?: OrgDrift;
  /** --modules: the modules the run's module-generic cases ran on; the rollout report groups the verdicts by them. */
  readonly modules?: readonly string[];
  /** Keys no page documents, over all answers (each an `undocumented-key` finding; failures only under --strict). */
  readonly undocumentedKeys?: number;
}

/** Facts about the run that verdicts do not carry. */
export interface RunFacts {
  readonly runId: string;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly target: { readonly kind: string; readonly name: string };
  readonly interrupted?: boolean;
  readonly selection?: readonly string[];
  readonly shard?: ShardPlace;
  /** The endpoints the run covered (for coverage) and their drift points. */
  readonly endpoints?: readonly Endpoint[];
  readonly driftPoints?: readonly DriftPoint[];
  readonly collectionsCommit?: string;
  readonly modules?: readonly string[];
  /** An earlier run's verdicts to compare with. */
  readonly baseline?: { readonly source: string; readonly verdicts: readonly Verdict[] };
}

/** Builds the summary of a run from its verdicts. */
export function summariseRun(facts: RunFacts, verdicts: readonly Verdict[]): RunSummary {
  const totals = countOutcomes(verdicts);
  const coverage = buildCoverage(facts.endpoints ?? []);
  const keys = [...new Set(verdicts.map((v) => `${v.product}\u0000${v.endpoint}\u0000${v.version}`))];
  const collections = keys.map((key) => {
    const [product = '', endpoint = '', version = ''] = key.split('\u0000');
    return {
      product,
      endpoint,
      version,
      ...countOutcomes(
        verdicts.filter((v) => v.product === product && v.endpoint === endpoint && v.version === version),
      ),
    };
  });
  const rank: Record<Outcome, number> = { 'not-checked': 0, fail: 1, error: 2, pass: 3, 'not-applicable': 4 };
  const ordered = verdicts
    .map((v, i) => ({ v, i }))
    .sort((a, b) => rank[a.v.outcome] - rank[b.v.outcome] || a.i - b.i)
    .map(({ v }) => v);
  return {
    schemaVersion: 1,
    runId: facts.runId,
    startedAt: facts.startedAt.toISOString(),
    finishedAt: facts.finishedAt.toISOString(),
    target: facts.target,
    ...(facts.collectionsCommit ? { collectionsCommit: facts.collectionsCommit } : {}),
    contractVersions: Object.fromEntries(
      (facts.endpoints ?? []).map((e) => [`${e.product}/${e.id}`, e.contractVersion]),
    ),
    interrupted: facts.interrupted ?? false,
    ...(facts.selection ? { selection: facts.selection } : {}),
    ...(facts.shard ? { shard: facts.shard } : {}),
    ...(facts.modules ? { modules: facts.modules } : {}),
    outcome: runOutcome(totals),
    totals,
    collections,
    verdicts: ordered,
    coverage: { totals: totalCoverage(coverage), rows: coverage },
    drift: buildDriftLedger(facts.driftPoints ?? [], verdicts),
    ...(facts.baseline ? { baseline: diffBaseline(facts.baseline.source, facts.baseline.verdicts, verdicts) } : {}),
    ...countUndocumentedKeys(verdicts),
  };
}

/** Verdicts whose answer carried keys no page documents, with those keys' paths: every report lists them. */
export function listUndocumentedKeys(verdicts: readonly Verdict[]): Array<{ verdict: Verdict; paths: string[] }> {
  return verdicts.flatMap((verdict) => {
    const paths = verdict.findings.filter((f) => f.kind === 'undocumented-key').map((f) => f.path ?? '');
    return paths.length ? [{ verdict, paths }] : [];
  });
}

function countUndocumentedKeys(verdicts: readonly Verdict[]): { undocumentedKeys?: number } {
  const count = listUndocumentedKeys(verdicts).reduce((n, { paths }) => n + paths.length, 0);
  return count ? { undocumentedKeys: count } : {};
}

/** Counts each outcome. */
export function countOutcomes(verdicts: readonly Verdict[]): Totals {
  const count = (outcome: Outcome): number => verdicts.filter((v) => v.outcome === outcome).length;
  const [passed, failed, errors] = [count('pass'), count('fail'), count('error')];
  return {
    cases: verdicts.length,
    checked: passed + failed + errors,
    passed,
    failed,
    errors,
    notApplicable: count('not-applicable'),
    notChecked: count('not-checked'),
    flaky: verdicts.filter((v) => v.flaky).length,
    passedUnchecked: countPassedUnchecked(verdicts),
  };
}

/** A contract failure outranks a transport error; nothing checked is "empty" and anything not checked "partial", never "passed". */
export function runOutcome(totals: Totals): RunOutcome {
  if (totals.failed > 0) return 'failed';
  if (totals.errors > 0) return 'error';
  if (totals.checked === 0) return 'empty';
  if (totals.notChecked > 0) return 'partial';
  return 'passed';
}

/** `checked 9 of 114 selected`: the phrase every output carries. */
export function checkedPhrase(totals: Pick<Totals, 'checked' | 'cases'>): string {
  return `checked ${totals.checked} of ${totals.cases} selected`;
}

/** The one-line count every output ends or starts with: checked N of M, then each outcome. */
export function totalsLine(totals: Totals): string {
  const rest = [
    `${totals.passed} passed${passedUncheckedPhrase(totals.passedUnchecked)}`,
    `${totals.failed} failed`,
    `${totals.errors} errors`,
    `${totals.notChecked} not checked`,
    `${totals.notApplicable} not applicable`,
  ];
  return `${checkedPhrase(totals)}: ${rest.join(', ')}${totals.flaky ? `, ${totals.flaky} flaky` : ''}`;
}
