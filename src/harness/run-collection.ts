// Runs collections against a target with newman, in units of work that share a bound on runs in flight, and judges
// every response in Node as its request ends: verdicts stream out, and nothing of a unit's run is kept once they are out.

import type { Case } from '../catalog/index.ts';
import { casesByIds, casesForVersion } from '../catalog/index.ts';
import { DEFAULT_POLICY, type CaseResult } from '../validate/index.ts';
import type { Verdict } from '../verdict/index.ts';
import { dealUnits, inHand, unitCollection, type CollectionRun, type Runnable, type Sendable } from './deal-units.ts';
import { judgeExchange } from './judge-exchange.ts';
import type { Exchange } from './newman-exchange.ts';
import { runNewman, type RunOutput } from './newman/index.ts';
import { createRunPool } from './run-pool.ts';
import { MAX_THROTTLE_RETRIES, isThrottled, throttleWaitMs } from './throttle-retry.ts';
import { withRecordFills } from './record-fills.ts';
import { withReplayHeader } from './replay-case.ts';
import { baseUrlsOf } from './target.ts';
import { freshTarget, isRejectedToken, renewRejected } from './token-renewal.ts';

export type { CollectionRun, CollectionRunOptions, CollectionSource } from './deal-units.ts';

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
  const pool = first.pool ?? createRunPool(first.concurrency ?? 4);
  const units = await dealUnits(runs, pool, onVerdict);
  await Promise.all(
    units.map(async (unit, k) => {
      const done = await pool.run(() => runUnit(inHand(unit), pool.stopped));
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

async function runUnit(unit: readonly Sendable[], stopped: AbortSignal): Promise<true> {
  const head = unit[0] as Sendable;
  let target = await freshTarget(head.run.target);
  const collection = unitCollection(unit);
  const byItem = new Map(unit.map((r) => [r.item.id, r]));
  const judged = new Set<string>();
  const emitted: Promise<void>[] = [];
  const judge = async (
    { run, key, testCase, emit }: Sendable,
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
  const send = (part: readonly Sendable[], first = false): Promise<RunOutput> => {
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
