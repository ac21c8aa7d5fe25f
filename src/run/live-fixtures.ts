// A live run's work on the verdict thread: read the org, pick the concurrency, plan and create the fixtures, send the
// cases with them, unlock and delete the fixtures (always), keep the ledger, and count the calls.
//
// Why on the verdict thread: every call here waits on the one before it (metadata, fixtures, cases, clean-up), and the
// main thread loads and starts vitest meanwhile, whose module evaluation would hold each answer. Here the org client
// and the newman runs also share one bound on calls in flight (the org's limit), so the cases that need no fixture go
// out while the fixtures are made, and a locked record is unlocked once the cases on it are answered.

import { randomUUID } from 'node:crypto';
import { createCallBound } from '../call-bound.ts';
import {
  freshTarget,
  preloadVerdictInputs,
  startVerdictService,
  type Target,
  type VerdictService,
  type CreatedRecord,
  type VerdictServiceOptions,
} from '../harness/index.ts';
import {
  createFixtures,
  createOrgClient,
  deleteFixtures,
  leftovers,
  planFixtures,
  readOrg,
  unlockFixture,
  fixtureSteps,
  givenRecords,
  writeLedger,
  type CallStep,
  type FixtureRecord,
  type OrgClient,
  caseRecordLevel,
  checkModules,
  snapshotOrg,
  type CreditPlan,
  type OrgSnapshot,
} from '../live/index.ts';
import type { ApiUsage } from '../report/index.ts';
import type { Verdict, VerdictRequest } from '../verdict/index.ts';
import {
  caseModules,
  liveCases,
  neededFixtures,
  blockedCases,
  setupErrorLines,
  productsOf,
  firstCases,
  selectionsOf,
  splitByFixtures,
  variablesOf,
  type LiveCase,
} from './live-cases.ts';
import {
  DEFAULT_LIVE_CONCURRENCY,
  blockedPhrase,
  chooseConcurrency,
  describeOrg,
  shareOf,
} from './live-concurrency.ts';
import {
  checkCredits,
  creatingBodiesNameFixtures,
  describePlan,
  fillRequests,
  planRun,
  progressLine,
} from './live-plan.ts';

/** What the verdict thread is given for a live run (plain data). */
export interface LiveRunInput {
  /** The run's target, its tokens refreshed; the fixtures' ids are added to it. */
  readonly target: Target;
  readonly runId: string;
  readonly outDir: string;
  /** Every selected case (with or without the prefetch). */
  readonly selections: readonly VerdictRequest[];
  /** The ZOHO_* values (records given in .env, a locking module). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** --concurrency, when given. */
  readonly concurrency?: number;
  /** --shard k/n: the n shards of a CI matrix share the org's limit, so this one takes its nth of it (at least 1). */
  readonly shards?: number;
  /** --max-credits: a plan that would spend more is refused before anything is written. */
  readonly maxCredits?: number;
  /** --modules: the org's modules the module-generic cases run on; one the org lacks is refused before anything is written. */
  readonly modules?: readonly string[];
  /**
   * Every case is sent by the prefetch and nothing after it (no --retries, --shard or --bail): every case is then
   * registered before vitest starts, the cases that need no fixture go out while the fixtures are made, a locked record
   * is unlocked once its cases are answered, and the clean-up starts once every case is answered.
   */
  readonly prefetchOnly: boolean;
}

/** How the clean-up went, with what the run's usage is counted from. */
export interface LiveCleanup {
  readonly line: string;
  readonly created: readonly FixtureRecord[];
  readonly deleted: readonly FixtureRecord[];
  readonly steps: readonly CallStep[];
  readonly concurrency: ApiUsage['concurrency'];
  /** What the run planned before writing anything. */
  readonly planned?: CreditPlan;
}

/** What the thread tells the main thread (live-run.ts) as the live run goes. */
export type LiveEvent =
  | { readonly type: 'print'; readonly line: string }
  | { readonly type: 'created'; readonly records: readonly FixtureRecord[] }
  /** The org as the run read it, kept with the report for the next run to compare. */
  | { readonly type: 'org'; readonly snapshot: OrgSnapshot }
  | { readonly type: 'cleaned'; readonly cleanup: LiveCleanup };

/** A live run being served: its cases registered, its fixtures being made, and the clean-up (once, whenever asked). */
export interface LiveService {
  readonly service: VerdictService;
  /** Settles once the fixtures exist; rejects with the run's error when they could not be made for want of an answer. */
  readonly fixtures: Promise<void>;
  cleanUp(): Promise<LiveCleanup>;
}

/** How long the cases that need no fixture wait for the fixtures' first calls to be written. */
const EARLY_CASES_AFTER_MS = 25;

/**
 * Reads the org and plans its fixtures, registers every case with the service (those that need no fixture go out at
 * once, beside the fixture calls; the rest once the fixtures exist), and settles: vitest may start then. Without the
 * prefetch it settles once the fixtures exist. A failed org read is the run's error, thrown here.
 */
export async function serveLive(
  options: VerdictServiceOptions,
  input: LiveRunInput,
  emit: (event: LiveEvent) => void,
): Promise<LiveService> {
  const { target, runId, outDir } = input;
  const shards = input.shards ?? 1;
  const bound = createCallBound(shareOf(input.concurrency ?? DEFAULT_LIVE_CONCURRENCY, shards, input.concurrency));
  const client = createOrgClient({
    apiDomain: target.apiDomain,
    accessToken: target.variables['access_token'] ?? '',
    limit: bound,
  });
  let concurrency: ApiUsage['concurrency'] = { limit: bound.limit(), source: input.concurrency ? 'flag' : 'default' };
  let fixtureRecords: readonly FixtureRecord[] = [];
  // The records the cases' own requests created (Insert, Upsert): deleted first, with the fixtures.
  const caseRecords: FixtureRecord[] = [];
  const allCreated = (): FixtureRecord[] => [...fixtureRecords, ...caseRecords];
  // Fixtures already gone when the clean-up comes: deleted before the cases (a deleted id to read), or by a case.
  const gone: FixtureRecord[] = [];
  let planned: CreditPlan | undefined;
  // Where the records the cases create are deleted: beside the first fixtures unless they may look one up.
  let caseLevel = 0;
  const unlocks: Array<Promise<FixtureRecord>> = [];
  const ledger = (deleted: readonly FixtureRecord[]) =>
    writeLedger(outDir, { runId, apiDomain: target.apiDomain, created: allCreated(), deleted });
  let ledgerWrites: Promise<void> = Promise.resolve();
  let cleaning: Promise<LiveCleanup> | undefined;
  let fixtures: Promise<unknown> = Promise.resolve();
  const cleanUp = (): Promise<LiveCleanup> =>
    (cleaning ??= (async () => {
      await fixtures.catch(() => undefined);
      await ledgerWrites;
      const unlocked = await Promise.all(unlocks);
      const created = allCreated();
      const records = created
        .filter((r) => !gone.includes(r))
        .map((r) => unlocked.find((u) => u.id === r.id && u.module === r.module) ?? r);
      // Never a rejection (it would end the thread): what could not be done is said, with the way to finish it.
      const { line, deleted } = await deleteAll(
        client,
        target,
        records,
        created,
        ledger,
        runId,
        () => threadToken(target),
        gone,
      ).catch((error: unknown) => ({
        line: `Fixtures: the clean-up failed (${error instanceof Error ? error.message : String(error)}); run \`npm run contract -- cleanup --run-id ${runId}\``,
        deleted: [] as FixtureRecord[],
      }));
      const cleanup = { line, created, deleted, steps: client.steps(), concurrency, ...(planned ? { planned } : {}) };
      emit({ type: 'cleaned', cleanup });
      return cleanup;
    })());
  const cases = liveCases(selectionsOf(input.selections));
  const needs = neededFixtures(cases);
  const lockingModule = input.env['ZOHO_LOCKING_CUSTOM_MODULE']?.trim() || undefined;
  // The org's metadata is asked first; the service starts and reads its inputs while the answers are on their way.
  const reading = readOrg(client, {
    products: productsOf(cases),
    needs,
    caseModules: caseModules(cases),
    records: givenRecords(
      cases.map((c) => c.testCase),
      input.env,
    ),
    ...(lockingModule ? { lockingModule } : {}),
  });
  reading.catch(() => undefined); // awaited below
  preloadVerdictInputs(options.root, input.selections);
  const onCreated = (records: readonly CreatedRecord[]): void => {
    caseRecords.push(...records.map((r) => ({ ...r, level: caseLevel })));
    emit({ type: 'created', records: allCreated() });
    ledgerWrites = ledgerWrites.then(() => ledger([])).catch(() => undefined);
  };
  const onDeleted = (records: readonly CreatedRecord[]): void => {
    for (const { module, id } of records) {
      const fixture = fixtureRecords.find((r) => r.module === module && r.id === id);
      if (fixture && !gone.includes(fixture)) gone.push(fixture);
    }
  };
  const started = startVerdictService({ ...options, target, bound, prefetch: [], onCreated, onDeleted });
  started.catch(() => undefined); // awaited below
  try {
    const org = await reading;
    concurrency = chooseConcurrency(org, input.concurrency, shards);
    bound.setLimit(concurrency.limit);
    emit({ type: 'print', line: describeOrg(org, concurrency) });
    if (input.modules) checkModules(org, input.modules);
    const plan = planFixtures({
      needs,
      org,
      runId,
      seed: randomUUID(),
      fills: fillRequests(cases),
      ...(lockingModule ? { lockingModule } : {}),
      ...(input.modules ? { modules: input.modules } : {}),
    });
    for (const note of plan.notes) emit({ type: 'print', line: `Org: ${note}` });
    emit({ type: 'org', snapshot: snapshotOrg(org) });
    // Before anything is written: what the run will spend, refused over --max-credits.
    caseLevel = caseRecordLevel(plan, creatingBodiesNameFixtures(cases, plan));
    // What the metadata and the configuration leave unsent, before any fixture: for the plan and the early cases alike.
    const unsent = blockedCases(cases, org, plan, input.env);
    planned = planRun({ client, plan, cases, org, target, env: input.env, caseLevel, blocked: unsent });
    emit({ type: 'print', line: describePlan(planned, client.remaining()) });
    checkCredits(planned, input.maxCredits);
    const { slots, rounds, room } = fixtureRoom(plan, concurrency.limit);
    const share = createCallBound(slots[0] ?? 1, bound);
    let stepsDone = 0;
    // The fixtures' first calls go out before anything else is worked out.
    const making = createFixtures(client, plan, runId, async (sofar) => {
      // The next fixture step needs fewer slots (the locks beside a level of inserts): the early cases take the rest.
      stepsDone += 1;
      share.setLimit(slots[stepsDone] ?? concurrency.limit);
      fixtureRecords = [...sofar];
      emit({ type: 'created', records: allCreated() });
      // Written in order, beside the next fixture step rather than before it (the main thread has the records already).
      ledgerWrites = ledgerWrites.then(() => ledger([])).catch(() => undefined);
    }).then(async (made) => {
      fixtureRecords = made.created;
      gone.push(...made.deleted); // the very records of `made.created` (deleted before the cases)
      share.setLimit(concurrency.limit);
      const blocked = blockedCases(cases, org, { ...plan, unavailable: made.unavailable }, input.env);
      emit({
        type: 'print',
        line: `Fixtures: created ${made.created.length} records tagged "zoho-contract-suite ${runId}" (ledger ${outDir}/fixtures.json)${blockedPhrase(blocked)}`,
      });
      for (const line of setupErrorLines(blocked)) emit({ type: 'print', line });
      emit({ type: 'print', line: progressLine('fixtures ready', client, 0, planned) });
      const full: Target = {
        ...target,
        variables: { ...target.variables, ...made.variables },
        blocked,
        ...(plan.fills ? { fills: plan.fills } : {}),
      };
      (await started).retarget(full);
      return full;
    });
    fixtures = making;
    making.catch(() => undefined); // the run's error: handed over through `fixtures`, never left unhandled meanwhile
    const service = await started;
    // Before any fixture exists, the run has its own variables and the plan's known values; the fixtures' ids (which
    // replace any value .env gave for the same variable) come later.
    const variables = { ...target.variables, ...plan.variables };
    // A value a fixture is planned to hold (a search's email) is known now, but the record holding it is not made yet.
    const exposed = needs.flatMap((n) => [...(n.wants ?? []).map((w) => w.exposes), n.uniqueExposes]);
    const made = [...plan.records.flatMap((r) => [r.variable, r.lockVariable]), ...exposed].filter(
      (v) => v !== undefined,
    );
    const known = new Set([...Object.keys(variables), 'api_domain'].filter((v) => !made.includes(v)));
    const { early: free, late: waiting } = input.prefetchOnly
      ? splitByFixtures(input.selections, known, new Set(Object.keys(plan.fills ?? {})))
      : { early: [], late: [] };
    // As many as fit beside the fixture calls, in the slots the fixtures never need, one case a round each (a slot a
    // fixture call lets go would otherwise be taken by a case, and the CPU its newman run starts with would hold the
    // next fixture step); they are answered by the time the fixtures exist, and the rest go with the others then.
    const { first: early, rest } = firstCases(free, room);
    const late = [...rest, ...waiting];
    // Not before the fixtures' first calls are on the wire: they open connections of their own, and each newman run's
    // start holds this thread for about 10 ms, which would hold those writes.
    await new Promise((resolve) => setTimeout(resolve, EARLY_CASES_AFTER_MS));
    const earlyVerdicts = service.prefetch(early, {
      target: { ...target, variables, blocked: unsent },
      unitSize: rounds,
      bound: share,
    });
    if (input.prefetchOnly) {
      // The cases on a record the run locks go first, so it can be unlocked as early as the cases on it allow.
      const locked = new Set(plan.records.filter((r) => r.lockVariable).flatMap((r) => [r.variable, r.lockVariable]));
      const lead = new Set(cases.filter((c) => variablesOf(c.testCase).some((v) => locked.has(v))).map((c) => c.key));
      // Fixtures that could not be made end the run (its error, from `fixtures`): nothing more goes out, and the cases
      // waiting for them are reported not checked rather than left without a verdict.
      const ready = making.catch(() => {
        service.stop();
        return target;
      });
      const lateVerdicts = service.prefetch(late, { target: ready, lead });
      const verdicts = new Map([...earlyVerdicts, ...lateVerdicts]);
      void making.then(
        (full) => {
          let unlocking = false;
          for (const { record, keys } of casesOnLockedRecords(cases, fixtureRecords, full))
            unlocks.push(
              Promise.allSettled(keys.map((key) => verdicts.get(key))).then(async () => {
                if (!unlocking) client.step('clean-up: unlocks');
                unlocking = true;
                const token = await threadToken(target).catch(() => undefined);
                if (token) client.useToken(token);
                return unlockFixture(client, record);
              }),
            );
          void Promise.allSettled(verdicts.values()).then((settled) => {
            // The cases that were sent (a verdict on an answer); resends after a throttle are not counted here.
            const sent = settled.filter(
              (v) => v.status === 'fulfilled' && ['pass', 'fail', 'error'].includes(v.value.outcome) && v.value.actual,
            ).length;
            emit({ type: 'print', line: progressLine('every case answered', client, sent, planned) });
            return cleanUp();
          });
        },
        () => undefined,
      );
    } else await making;
    return { service, fixtures: making.then(() => undefined), cleanUp };
  } catch (error) {
    await cleanUp();
    await started.then((service) => service.close()).catch(() => undefined);
    throw error;
  }
}

/** The slots each fixture step leaves (at least one), the rounds the fixtures take, and the early cases they fit. */
function fixtureRoom(
  plan: Parameters<typeof fixtureSteps>[0],
  limit: number,
): { slots: number[]; rounds: number; room: number } {
  const slots = fixtureSteps(plan).map((calls) => Math.max(1, limit - calls));
  return { slots, rounds: slots.length, room: slots.reduce((sum, n) => sum + n, 0) };
}

/** Each locked record with the keys of the cases that send its id or its lock's: it stays locked until they are answered. */
function casesOnLockedRecords(
  cases: readonly LiveCase[],
  created: readonly FixtureRecord[],
  target: Target,
): Array<{ record: FixtureRecord; keys: string[] }> {
  return created
    .filter((r) => r.lockId)
    .map((record) => {
      const values = new Set([record.id, record.lockId]);
      const variables = Object.entries(target.variables)
        .filter(([, value]) => values.has(value))
        .map(([name]) => name);
      return {
        record,
        keys: cases.filter((c) => variablesOf(c.testCase).some((v) => variables.includes(v))).map((c) => c.key),
      };
    });
}

/**
 * Unlocks and deletes `records` (what the run created, as it stands now), keeps the ledger of `created`, and returns
 * the line that says how it went. Also the main thread's own clean-up when the verdict thread died before it could.
 */
export async function deleteAll(
  client: OrgClient,
  target: Target,
  records: readonly FixtureRecord[],
  created: readonly FixtureRecord[],
  ledger: (deleted: readonly FixtureRecord[]) => Promise<void>,
  runId: string,
  currentToken: () => Promise<string | undefined>,
  alreadyGone: readonly FixtureRecord[] = [],
): Promise<{ line: string; deleted: FixtureRecord[] }> {
  // The run's token may have expired meanwhile (a newman run renewed it, or it is about to expire).
  const token = await currentToken().catch(() => undefined);
  if (token) client.useToken(token);
  const gone = records.length ? await deleteFixtures(client, records).catch(() => []) : [];
  // As the ledger lists them when created (a record unlocked mid-run is deleted without its lock id).
  // In the ledger's order of creation, as the records are listed there.
  const isGone = (c: FixtureRecord) =>
    alreadyGone.some((d) => d.id === c.id && d.module === c.module) ||
    gone.some((d) => d.id === c.id && d.module === c.module);
  const deleted = created.filter(isGone);
  await ledger(deleted);
  const left = leftovers({ runId, apiDomain: target.apiDomain, created, deleted });
  const line =
    left.length === 0
      ? `Fixtures: deleted all ${deleted.length} records`
      : `Fixtures: ${left.length} records could not be deleted; run \`npm run contract -- cleanup --run-id ${runId}\``;
  return { line, deleted };
}

/** The run's token as this thread knows it: renewed by a newman run that the org told INVALID_TOKEN, or by the broker near its expiry. */
async function threadToken(target: Target): Promise<string | undefined> {
  return (await freshTarget(target)).variables['access_token'];
}
