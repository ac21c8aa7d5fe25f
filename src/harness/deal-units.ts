// A batch's cases, prepared and dealt into units of work: each collection is read as its cases are prepared (one after
// another), the cases it cannot send get their verdict at once, and the rest are dealt into units, in waves where
// there are more units than run in flight.

import type { Case, Endpoint } from '../catalog/index.ts';
import { casesByIds, casesForVersion } from '../catalog/index.ts';
import { buildItem } from '../generate/index.ts';
import { buildVerdict, type CaseResult, type SchemaRegistry } from '../validate/index.ts';
import { caseKey, type Verdict, type VerdictPolicy } from '../verdict/index.ts';
import { isObject } from '../is-object.ts';
import { shelveItems, takeShelved, type ShelvedItem } from './item-shelf.ts';
import type { Exchange } from './newman-exchange.ts';
import type { RunPool } from './run-pool.ts';
import { takeItems, type CollectionItem } from './select-items.ts';
import type { Target } from './target.ts';
import { withModuleVariable } from './verdict-module.ts';
import { noItem, whyNotSent } from './why-not-sent.ts';

/** Everything one collection run needs: its options, and its collection or how to read it. */
export type CollectionRun = CollectionRunOptions & CollectionSource;

/**
 * The collection as parsed from collections/ (unknown: it is outside data), or how to read it: a batch then reads its
 * collections one after another as it prepares their cases, rather than all of them, whole, before it begins.
 */
export type CollectionSource = { readonly collection: unknown } | { readonly readCollection: () => Promise<unknown> };

export interface CollectionRunOptions {
  readonly endpoint: Endpoint;
  readonly version: string;
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

/** A case to send, with its item in hand or shelved (item-shelf.ts) until its unit starts. */
export interface Runnable<I extends CollectionItem | ShelvedItem = CollectionItem | ShelvedItem> {
  readonly run: CollectionRun;
  /** The run's collection without its items: what a newman run of this case's unit is given beside them. */
  readonly collection: unknown;
  /** `product/endpoint/version/caseId`, as the harness files ask for it. */
  readonly key: string;
  readonly testCase: Case;
  readonly item: I;
  readonly emit: Emit;
}

/** A case whose unit has started: its item in hand. */
export type Sendable = Runnable<CollectionItem>;

export type Emit = (testCase: Case, result: CaseResult, throttleRetries?: number) => Promise<void>;

/**
 * Prepares the runs' cases, in order, and deals those to send into units for `pool`'s runs in flight. The first run's
 * `unitSize`, `lead` and `sandboxTests` hold for the batch.
 */
export async function dealUnits(
  runs: readonly CollectionRun[],
  pool: RunPool,
  onVerdict: (verdict: Verdict) => void | Promise<void>,
): Promise<Runnable[][]> {
  const first = runs[0];
  if (!first) return [];
  // More cases than one wave of units in flight holds: the items of the units to come wait on shelves (item-shelf.ts).
  // (As splitUnits deals them; a live target's own unit size fills exactly one wave.)
  const selected = runs.reduce(
    (n, run) => n + (run.caseIds?.length ?? casesForVersion(run.endpoint, run.version).length),
    0,
  );
  const shelve = selected > pool.limit * Math.min(first.unitSize ?? MAX_UNIT_SIZE, MAX_UNIT_SIZE);
  const runnable: Runnable[] = [];
  for (const run of runs) runnable.push(...(await prepare(run, onVerdict, shelve)));
  const lead = first.lead;
  if (lead) {
    const leads = runnable.filter((r) => lead.has(r.key));
    runnable.splice(0, runnable.length, ...leads, ...runnable.filter((r) => !lead.has(r.key)));
  }
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
  return units;
}

/**
 * The selected cases of one collection that can run; the others get their not-applicable or not-checked verdict at once.
 * With `shelve`, their items are shelved (item-shelf.ts) until their units start.
 */
async function prepare(
  run: CollectionRun,
  onVerdict: (verdict: Verdict) => void | Promise<void>,
  shelve: boolean,
): Promise<Runnable[]> {
  const selected = run.caseIds
    ? casesByIds(run.endpoint, run.version, run.caseIds)
    : casesForVersion(run.endpoint, run.version);
  const read = 'readCollection' in run ? await run.readCollection() : run.collection;
  const items = takeItems(
    read,
    selected.map((c) => c.id),
  );
  // A module variant (`--modules`) has no item in the committed collection: its item is built from its request here.
  for (const testCase of selected)
    if (!items.has(testCase.id)) {
      const json = buildItem(run.endpoint, run.version, testCase);
      items.set(testCase.id, { id: String(json['id']), json });
    }
  // What the units are given beside their items; the items are held by their cases alone.
  const collection = isObject(read) ? { ...read, item: [] } : read;
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
  const runnable: Sendable[] = [];
  for (const testCase of selected) {
    const item = items.get(testCase.id);
    const key = caseKey({
      product: run.endpoint.product,
      endpoint: run.endpoint.id,
      version: run.version,
      caseId: testCase.id,
    });
    const unsent = item ? whyNotSent(testCase, item, run.target, key, read) : noItem(testCase);
    if (unsent || !item) await emit(testCase, unsent ?? noItem(testCase));
    else runnable.push({ run, collection, key, testCase, item, emit });
  }
  if (!shelve) return runnable;
  const shelved = shelveItems(runnable.map((r) => r.item));
  return runnable.map((r, i) => ({ ...r, item: shelved[i] as ShelvedItem }));
}

/** A unit's cases with their items in hand, taken off their shelves as the unit starts. */
export function inHand(unit: readonly Runnable[]): Sendable[] {
  return unit.map((r) => ({ ...r, item: 'shelf' in r.item ? takeShelved(r.item) : r.item }));
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
export function unitCollection(unit: readonly Runnable[]): unknown {
  const collections = new Set(unit.map((r) => r.collection));
  if (collections.size === 1) return unit[0]?.collection;
  return {
    info: {
      name: 'zoho-contract-suite unit',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: [],
  };
}
