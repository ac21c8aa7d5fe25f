// Runs collections against a target with newman, in units of work that share a bound on runs in flight, and judges
// every response in Node as its request ends: verdicts stream out, and nothing of a unit's run is kept once they are out.

import type { Case, Endpoint } from '../catalog/index.ts';
import { casesByIds, casesForVersion } from '../catalog/index.ts';
import { buildItem } from '../generate/index.ts';
import { DEFAULT_POLICY, buildVerdict, type CaseResult, type SchemaRegistry } from '../validate/index.ts';
import { caseKey, type Verdict, type VerdictPolicy } from '../verdict/index.ts';
import { judgeExchange } from './judge-exchange.ts';
import { noItem, whyNotSent } from './why-not-sent.ts';
import type { Exchange } from './newman-exchange.ts';
import { runNewman, type RunOutput } from './newman/index.ts';
import { createRunPool, type RunPool } from './run-pool.ts';
import { takeItems, type CollectionItem } from './select-items.ts';
import { MAX_THROTTLE_RETRIES, isThrottled, throttleWaitMs } from './throttle-retry.ts';
import { withRecordFills } from './record-fills.ts';
import { withModuleVariable } from './verdict-module.ts';
import { withReplayHeader } from './replay-case.ts';
import { baseUrlsOf, type Target } from './target.ts';
import { freshTarget, isRejectedToken, renewRejected } from './token-renewal.ts';

/** Everything one collection run needs. */
export interface CollectionRun {
  readonly endpoint: Endpoint;
  readonly version: string;
  /** The collection as parsed from collections/ (unknown: it is outside data). */
  readonly collection: unknown;
  readonly target: Target;
  readonly registry: SchemaRegistry;
  readonly schemaId: string;
  /** Case ids to run; every case of the version when absent. */
  readonly caseIds?: readonly string[];
  /** newman runs in flight at once for this collection (ignored when a shared `pool` is given). */
  readonly concurrency?: number;
  /** Shared by several collections run at once: bounds their newman runs in flight together. */
  readonly pool?: RunPool;
  /**
   * At most this many cases per newman run (the first run's value holds for a batch). Unset, units are sized for speed
   * (see MIN_UNIT_SIZE): a small collection is then one unit, whose cases go one after another. A small size sends the
   * cases of one collection side by side, which is how the concurrency-safety test proves they do not race.
   */
  readonly unitSize?: number;
  /**
   * Case keys sent first (the first run's value holds for a batch): each is dealt as the first case of a unit, so it is
   * answered in the batch's first round (a live run unlocks a record once the cases on it are answered).
   */
  readonly lead?: ReadonlySet<string>;
  readonly timeoutMs?: number;
  /** Also run the collection's own sandbox test scripts (slower; the Node verdict stays authoritative). */
  readonly sandboxTests?: boolean;
  /** Called with every final exchange (full, unredacted: the caller redacts before writing), e.g. to record cassettes. */
  readonly onExchange?: (caseId: string, exchange: Exchange) => void | Promise<void>;
  /** Told how many requests each newman run sent (first sends, resends and throttle retries alike). */
  readonly onSent?: (count: number) => void;
  /** --strict and --clock-skew; the defaults when absent. */
  readonly policy?: VerdictPolicy;
}

/**
 * Cases per newman run. Each run pays ~60 ms of CPU to boot newman's script sandbox (even with no scripts), and inside
 * a run every request waits on a few zero-delay timers: units of MIN_UNIT_SIZE or more amortise the first, units in
 * flight together overlap the second, and MAX_UNIT_SIZE bounds what one run holds in memory.
 */
const MIN_UNIT_SIZE = 16;
const MAX_UNIT_SIZE = 250;

interface Runnable {
  readonly run: CollectionRun;
  /** `product/endpoint/version/caseId`, as the harness files ask for it. */
  readonly key: string;
  readonly testCase: Case;
  readonly item: CollectionItem;
  readonly emit: Emit;
}

type Emit = (testCase: Case, result: CaseResult, throttleRetries?: number) => Promise<void>;

/** Runs the selected cases and returns one verdict per case, in catalog order. */
export async function runCollection(run: CollectionRun): Promise<Verdict[]> {
  const verdicts = new Map<string, Verdict>();
  await streamCollections([run], (verdict) => void verdicts.set(verdict.caseId, verdict));
  const cases = run.caseIds
    ? casesByIds(run.endpoint, run.version, run.caseIds)
    : casesForVersion(run.endpoint, run.version);
  return cases.flatMap((c) => verdicts.get(c.id) ?? []);
}

/** Runs the selected cases and hands over each verdict as soon as it is judged (as its request ends, or after a resend). */
export function streamCollection(
  run: CollectionRun,
  onVerdict: (verdict: Verdict) => void | Promise<void>,
): Promise<void> {
  return streamCollections([run], onVerdict);
}

/**
 * Runs several collections against one target as one batch: their cases are dealt into balanced units that may mix
 * collections (a unit's items are the collections' own items, byte for byte), so a run of seven small collections
 * boots a handful of sandboxes rather than one per collection. With sandbox tests a unit keeps to one collection,
 * whose variables its scripts read. The first run's pool (or concurrency) bounds the batch.
 */
export async function streamCollections(
  runs: readonly CollectionRun[],
  onVerdict: (verdict: Verdict) => void | Promise<void>,
): Promise<void> {
  const first = runs[0];
  if (!first) return;
  const runnable: Runnable[] = [];
  for (const run of runs) runnable.push(...(await prepare(run, onVerdict)));
  const lead = first.lead;
  if (lead) {
    const leads = runnable.filter((r) => lead.has(r.key));
    runnable.splice(0, runnable.length, ...leads, ...runnable.filter((r) => !lead.has(r.key)));
  }
  const pool = first.pool ?? createRunPool(first.concurrency ?? 4);
  const groups = first.sandboxTests ? runs.map((run) => runnable.filter((r) => r.run === run)) : [runnable.splice(0)];
  // A live org answers in hundreds of milliseconds, not microseconds: every slot of its concurrency limit gets a unit.
  const units = groups
    .splice(0)
    .flatMap((group) =>
      splitUnits(
        group,
        pool.limit,
        first.unitSize ?? (first.target.kind === 'live' ? Math.ceil(group.length / pool.limit) : undefined),
      ),
    );
  runnable.length = 0;
  await Promise.all(
    units.map(async (unit, k) => {
      const done = await pool.run(() => runUnit(unit, pool.stopped));
      if (done === undefined) for (const { testCase, emit } of unit) await emit(testCase, INTERRUPTED);
      // Only the units to come are held: a long batch lets go of each unit's items (their requests) once it is done.
      units[k] = [];
    }),
  );
}

const INTERRUPTED: CaseResult = {
  kind: 'not-checked',
  reason: 'not sent: the run was interrupted',
  cause: 'interrupted',
  fix: 'run it again without interrupting it',
};

/** The selected cases of one collection that can run; the others get their not-applicable or not-checked verdict at once. */
async function prepare(run: CollectionRun, onVerdict: (verdict: Verdict) => void | Promise<void>): Promise<Runnable[]> {
  const selected = run.caseIds
    ? casesByIds(run.endpoint, run.version, run.caseIds)
    : casesForVersion(run.endpoint, run.version);
  const items = takeItems(
    run.collection,
    selected.map((c) => c.id),
  );
  // A module variant (`--modules`) has no item in the committed collection: its item is built from its request here.
  for (const testCase of selected)
    if (!items.has(testCase.id)) {
      const json = buildItem(run.endpoint, run.version, testCase);
      items.set(testCase.id, { id: String(json['id']), json });
    }
  const context = {
    product: run.endpoint.product,
    endpoint: run.endpoint.id,
    version: run.version,
    target: run.target.name,
    strict: run.policy?.strict ?? false,
  };
  const emit: Emit = async (testCase, result, throttleRetries = 0) => {
    const verdict = withModuleVariable(buildVerdict(context, testCase, result), testCase, run.target);
    await onVerdict(throttleRetries > 0 ? { ...verdict, throttleRetries } : verdict);
  };
  const runnable: Runnable[] = [];
  for (const testCase of selected) {
    const item = items.get(testCase.id);
    const key = caseKey({
      product: run.endpoint.product,
      endpoint: run.endpoint.id,
      version: run.version,
      caseId: testCase.id,
    });
    const unsent = item ? whyNotSent(testCase, item, run.target, key, run.collection) : noItem(testCase);
    if (unsent || !item) await emit(testCase, unsent ?? noItem(testCase));
    else runnable.push({ run, key, testCase, item, emit });
  }
  return runnable;
}

/**
 * Balanced units of MIN_UNIT_SIZE to MAX_UNIT_SIZE cases, as many as may run in flight where there are cases enough;
 * with a `unitSize`, units of at most that many cases. Where there are more units than run in flight, they are dealt in
 * waves over consecutive cases: the units in flight together cover the next cases in order, so a harness file's
 * verdicts are all out early and handed over, not held by the service until the last unit of a long run.
 */
function splitUnits(runnable: readonly Runnable[], inFlight: number, unitSize?: number): Runnable[][] {
  if (runnable.length === 0) return [];
  const sized = unitSize === undefined ? 0 : Math.ceil(runnable.length / Math.max(1, Math.floor(unitSize)));
  const count = Math.max(
    sized,
    Math.ceil(runnable.length / MAX_UNIT_SIZE),
    Math.min(inFlight, Math.floor(runnable.length / MIN_UNIT_SIZE)),
    1,
  );
  const lanes = Math.min(count, Math.max(1, inFlight));
  const waves = Math.ceil(count / lanes);
  const perWave = Math.ceil(runnable.length / waves);
  const units: Runnable[][] = Array.from({ length: waves * lanes }, () => []);
  runnable.forEach((r, i) => units[Math.floor(i / perWave) * lanes + ((i % perWave) % lanes)]?.push(r));
  return units.filter((unit) => unit.length > 0);
}

/** The collection one newman run is given: the unit's own when it has one, else the items alone (no scripts read variables). */
function unitCollection(unit: readonly Runnable[]): unknown {
  const collections = new Set(unit.map((r) => r.run.collection));
  if (collections.size === 1) return unit[0]?.run.collection;
  return {
    info: {
      name: 'zoho-contract-suite unit',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: [],
  };
}

async function runUnit(unit: readonly Runnable[], stopped: AbortSignal): Promise<true> {
  const head = unit[0] as Runnable;
  let target = await freshTarget(head.run.target);
  const collection = unitCollection(unit);
  const byItem = new Map(unit.map((r) => [r.item.id, r]));
  const judged = new Set<string>();
  const emitted: Promise<void>[] = [];
  const judge = async (
    { run, key, testCase, emit }: Runnable,
    exchange: Exchange | undefined,
    sandboxFailures: readonly string[],
    retries?: number,
  ): Promise<void> => {
    if (exchange && run.onExchange) await run.onExchange(testCase.id, exchange);
    const context = {
      registry: run.registry,
      schemaId: run.schemaId,
      timeoutMs: run.timeoutMs ?? 30_000,
      secrets: target.secrets,
      endpoint: run.endpoint,
      policy: run.policy ?? DEFAULT_POLICY,
      baseUrls: baseUrlsOf(target),
      variables: target.variables,
      // A replay judges echoes against the request its cassette recorded, not the collection's unfilled one.
      ...(target.kind === 'replay' && target.recordings?.[key] ? { recorded: target.recordings[key].request } : {}),
    };
    await emit(testCase, judgeExchange(context, testCase, exchange, sandboxFailures), retries);
  };
  // A final answer is judged as its item ends, so the harness file of its collection can go on while the unit runs;
  // an answer that will be sent again (a rejected token, a throttle) waits for the end of the unit.
  const onItem = (itemId: string, exchange: Exchange | undefined, sandboxFailures: readonly string[]): void => {
    const runnable = byItem.get(itemId);
    if (!runnable || isRejected(runnable, exchange) || isRetried(runnable, exchange)) return;
    judged.add(itemId);
    emitted.push(judge(runnable, exchange, sandboxFailures));
  };
  const send = (part: readonly Runnable[], first = false): Promise<RunOutput> => {
    head.run.onSent?.(part.length);
    return runNewman({
      collection,
      items: part.map((r) =>
        r.run.target.kind === 'replay'
          ? withReplayHeader(r.item.json, r.key)
          : withRecordFills(r.item.json, r.testCase, r.run.endpoint, target),
      ),
      target,
      timeoutMs: head.run.timeoutMs ?? 30_000,
      sandboxTests: head.run.sandboxTests ?? false,
      signal: stopped,
      ...(first ? { onItem } : {}),
    });
  };
  const { exchanges, sandboxFailures, aborted } = await send(unit, true);
  await Promise.all(emitted);
  const rest = unit.filter((r) => !judged.has(r.item.id));
  const merge = (again: RunOutput): void => {
    for (const [id, exchange] of again.exchanges) exchanges.set(id, exchange);
  };
  // Live: the org said INVALID_TOKEN (expired mid-run): get the run's fresh token once and send those requests again.
  const rejected = rest.filter((r) => isRejected(r, exchanges.get(r.item.id)));
  const renewed =
    rejected.length > 0
      ? await renewRejected(target, [...new Set(rejected.map((r) => tokenVariable(r.testCase)))])
      : undefined;
  if (renewed && !stopped.aborted) {
    target = renewed;
    merge(await send(rejected));
  }
  // Throttled answers are sent again (bounded) after the wait the server asks for; a case documenting the throttle is judged on it.
  const retries = new Map<string, number>();
  for (let attempt = 0; attempt < MAX_THROTTLE_RETRIES; attempt += 1) {
    const again = rest.filter((r) => isRetried(r, exchanges.get(r.item.id)));
    if (again.length === 0 || stopped.aborted) break;
    await new Promise((resolve) =>
      setTimeout(
        resolve,
        Math.max(...again.map(({ item }) => throttleWaitMs(exchanges.get(item.id) as Exchange, attempt))),
      ),
    );
    merge(await send(again));
    for (const { item } of again) retries.set(item.id, (retries.get(item.id) ?? 0) + 1);
  }
  for (const runnable of rest) {
    const exchange = exchanges.get(runnable.item.id);
    // Interrupted: a case whose request never went out (or whose answer was to be sent again) was not checked.
    const unsent = aborted
      ? !exchange
      : stopped.aborted && (isRejected(runnable, exchange) || isRetried(runnable, exchange));
    if (unsent) await runnable.emit(runnable.testCase, INTERRUPTED);
    else if (!aborted && (isRetried(runnable, exchange) || (target.tokenBroker && isRejected(runnable, exchange))))
      await runnable.emit(runnable.testCase, unjudgeable(runnable, exchange), retries.get(runnable.item.id));
    else await judge(runnable, exchange, sandboxFailures.get(runnable.item.id) ?? [], retries.get(runnable.item.id));
  }
  return true;
}

/** The org rejected the run's token (expired mid-run), and the case did not document that rejection. */
function isRejected({ testCase }: Runnable, exchange: Exchange | undefined): boolean {
  return (
    !(testCase.expect.shape === 'error' && testCase.expect.code === 'INVALID_TOKEN') &&
    isRejectedToken(exchange?.response)
  );
}

/** The variable whose token the case's request carries (the run's own unless it authenticates as a persona). */
function tokenVariable(testCase: Case): string {
  return 'token' in testCase.request.auth ? testCase.request.auth.token : 'access_token';
}

/**
 * An answer that says nothing of the case's contract: still throttled after every retry (the org's limit is shared
 * with its other integrations), or, live, the token rejected again after its renewal. An error, never a failure.
 */
function unjudgeable(runnable: Runnable, exchange: Exchange | undefined): CaseResult {
  const status = exchange?.response?.status ?? 0;
  const message = isRetried(runnable, exchange)
    ? `throttled: the target still answered HTTP ${status} (TOO_MANY_REQUESTS) after ${MAX_THROTTLE_RETRIES} retries; rerun when the org's other integrations are quieter, or lower --concurrency`
    : `the org rejected the run's token (HTTP ${status} INVALID_TOKEN) after it was renewed; check the refresh token and the client (npm run contract -- doctor)`;
  return { kind: 'transport', message, durationMs: exchange?.response?.timeMs ?? 0 };
}

/** Throttled, and the case did not document the throttle: sent again after the wait. */
function isRetried({ testCase }: Runnable, exchange: Exchange | undefined): boolean {
  return testCase.expect.status !== 429 && isThrottled(exchange);
}
