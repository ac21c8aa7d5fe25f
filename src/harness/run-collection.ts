// Runs one collection against a target with newman (several runs at once) and judges every response in Node.

import newman from 'newman';
import type { Case, Endpoint } from '../catalog/index.ts';
import { casesForVersion } from '../catalog/index.ts';
import { redactHeaders, redactText } from '../redact.ts';
import { buildVerdict, judgeResponse, type CaseResult, type SchemaRegistry, type Verdict } from '../validate/index.ts';
import { readAssertionFailure, readExchange, type Exchange } from './newman-exchange.ts';
import { selectItems, type CollectionItem } from './select-items.ts';
import { MAX_THROTTLE_RETRIES, isThrottled, throttleWaitMs } from './throttle-retry.ts';
import { buildEnvironment, environmentName, referencedVariables, type Target } from './target.ts';

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
  /** newman runs in flight at once for this collection. */
  readonly concurrency?: number;
  readonly timeoutMs?: number;
  /** Also run the collection's own sandbox test scripts (slower; the Node verdict stays authoritative). */
  readonly sandboxTests?: boolean;
  /** Called with every final exchange (full, unredacted: the caller redacts before writing), e.g. to record cassettes. */
  readonly onExchange?: (caseId: string, exchange: Exchange) => void | Promise<void>;
}

const EXCERPT_LIMIT = 2048;

/** Runs the selected cases and returns one verdict per case, in catalog order. */
export async function runCollection(given: CollectionRun): Promise<Verdict[]> {
  let run = given;
  const selected = casesForVersion(run.endpoint, run.version).filter((c) => !run.caseIds || run.caseIds.includes(c.id));
  const items = selectItems(run.collection, selected.map((c) => c.id));
  const results = new Map<string, CaseResult>();
  const runnable: Array<{ testCase: Case; item: CollectionItem }> = [];
  for (const testCase of selected) {
    const item = items.get(testCase.id);
    const key = `${run.endpoint.product}/${run.endpoint.id}/${run.version}/${testCase.id}`;
    const skip = item ? skipReason(testCase, item, run.target, key) : `collection has no item for case ${testCase.id}: run \`npm run collections\``;
    if (skip || !item) results.set(testCase.id, { kind: 'skipped', reason: skip ?? 'no item' });
    else runnable.push({ testCase, item });
  }
  run = await withFreshToken(withLatestToken(run));
  const { exchanges, sandboxFailures } = await runChunks(run, runnable.map((r) => r.item));
  run = await retryRejectedToken(run, runnable, exchanges);
  const throttled = await retryThrottled(run, runnable, exchanges);
  for (const { testCase, item } of runnable) {
    const exchange = exchanges.get(item.id);
    if (exchange && run.onExchange) await run.onExchange(testCase.id, exchange);
    results.set(testCase.id, judge(run, testCase, exchange, sandboxFailures.get(item.id) ?? []));
  }
  const context = { product: run.endpoint.product, endpoint: run.endpoint.id, version: run.version, target: run.target.name };
  return selected.map((c) => {
    const verdict = buildVerdict(context, c, results.get(c.id) ?? { kind: 'skipped', reason: 'not run' });
    const retries = throttled.get(c.id);
    return retries ? { ...verdict, throttleRetries: retries } : verdict;
  });
}

/** A replay server answers by case: it learns which one from a header (it replays recordings; the mock never reads this). */
function forTarget(run: CollectionRun, item: Record<string, unknown>): Record<string, unknown> {
  if (run.target.kind !== 'replay') return item;
  const request = item['request'] as Record<string, unknown>;
  const header = Array.isArray(request['header']) ? request['header'] : [];
  const caseId = String(item['id']).slice(String(item['id']).lastIndexOf('.') + 1);
  const key = `${run.endpoint.product}/${run.endpoint.id}/${run.version}/${caseId}`;
  return { ...item, request: { ...request, header: [...header, { key: 'X-Replay-Case', value: key }] } };
}

/** Tokens a live run renewed mid-run, by broker URL: later collections in this worker start with the fresh one. */
const renewedTokens = new Map<string, string>();
const renewedExpiry = new Map<string, number>();

/** A token within a minute of expiry is renewed before the collection starts, not after its requests fail. */
async function withFreshToken(run: CollectionRun): Promise<CollectionRun> {
  const broker = run.target.tokenBroker;
  const expiresAt = broker ? (renewedExpiry.get(broker) ?? run.target.tokenExpiresAt) : undefined;
  if (!broker || expiresAt === undefined || expiresAt - Date.now() > 60_000) return run;
  const answer = (await (await fetch(broker, { method: 'POST', body: '{}', signal: AbortSignal.timeout(30_000) })).json()) as { accessToken?: unknown; expiresAt?: unknown };
  if (typeof answer.accessToken !== 'string') return run;
  renewedTokens.set(broker, answer.accessToken);
  if (typeof answer.expiresAt === 'number') renewedExpiry.set(broker, answer.expiresAt);
  return withToken(run, answer.accessToken);
}

function withLatestToken(run: CollectionRun): CollectionRun {
  const fresh = run.target.tokenBroker ? renewedTokens.get(run.target.tokenBroker) : undefined;
  return fresh ? withToken(run, fresh) : run;
}

function withToken(run: CollectionRun, token: string): CollectionRun {
  return { ...run, target: { ...run.target, variables: { ...run.target.variables, access_token: token }, secrets: [...run.target.secrets, token] } };
}

/** Live: when the org says INVALID_TOKEN (expired mid-run), get the run's fresh token once and send those requests again. */
async function retryRejectedToken(run: CollectionRun, runnable: ReadonlyArray<{ testCase: Case; item: CollectionItem }>, exchanges: Map<string, Exchange>): Promise<CollectionRun> {
  const broker = run.target.tokenBroker;
  if (!broker) return run;
  const rejected = runnable.filter(({ testCase, item }) => {
    const response = exchanges.get(item.id)?.response;
    const expectsIt = testCase.expect.shape === 'error' && testCase.expect.code === 'INVALID_TOKEN';
    return !expectsIt && response?.status === 401 && /"code"\s*:\s*"INVALID_TOKEN"/.test(response.body);
  });
  if (rejected.length === 0) return run;
  const answer = await fetch(broker, { method: 'POST', body: JSON.stringify({ stale: run.target.variables['access_token'] }), signal: AbortSignal.timeout(30_000) });
  const fresh = (await answer.json()) as { accessToken?: unknown; expiresAt?: unknown };
  const token = fresh.accessToken;
  if (typeof token !== 'string') return run;
  renewedTokens.set(broker, token);
  if (typeof fresh.expiresAt === 'number') renewedExpiry.set(broker, fresh.expiresAt);
  const renewed = withToken(run, token);
  const again = await runChunks(renewed, rejected.map((r) => r.item));
  for (const { item } of rejected) {
    const exchange = again.exchanges.get(item.id);
    if (exchange) exchanges.set(item.id, exchange);
  }
  return renewed;
}

/** Sends throttled requests again (bounded), after the wait the server asks for; returns retries per case id. */
async function retryThrottled(run: CollectionRun, runnable: ReadonlyArray<{ testCase: Case; item: CollectionItem }>, exchanges: Map<string, Exchange>): Promise<Map<string, number>> {
  const retries = new Map<string, number>();
  for (let attempt = 0; attempt < MAX_THROTTLE_RETRIES; attempt += 1) {
    // A case that documents the throttle itself is judged on it, not retried.
    const again = runnable.filter(({ testCase, item }) => testCase.expect.status !== 429 && isThrottled(exchanges.get(item.id)));
    if (again.length === 0) break;
    const wait = Math.max(...again.map(({ item }) => throttleWaitMs(exchanges.get(item.id) as Exchange, attempt)));
    await new Promise((resolve) => setTimeout(resolve, wait));
    const rerun = await runChunks(run, again.map((r) => r.item));
    for (const { testCase, item } of again) {
      const exchange = rerun.exchanges.get(item.id);
      if (exchange) exchanges.set(item.id, exchange);
      retries.set(testCase.id, (retries.get(testCase.id) ?? 0) + 1);
    }
  }
  return retries;
}

function skipReason(testCase: Case, item: CollectionItem, target: Target, key: string): string | undefined {
  if (target.kind === 'replay') return target.recorded?.includes(key) ? undefined : 'no recorded exchange for this case';
  if (target.kind !== 'url' && !testCase.provocable.includes(target.kind)) return `${target.kind} cannot provoke it (${testCase.provocable.join(' and ')} only)`;
  const known = new Set([...Object.keys(target.variables), 'api_domain']);
  const missing = referencedVariables(JSON.stringify(item.json)).filter((v) => !known.has(v));
  if (missing.length === 0) return undefined;
  const names = [...new Set(missing.map((v) => (v.startsWith('bulk_id_') ? 'ZOHO_BULK_IDS' : environmentName(v))))];
  return `not configured for this target: ${names.join(', ')}`;
}

/** What the newman runs of one collection produced, by item id. */
interface RunOutput {
  readonly exchanges: Map<string, Exchange>;
  /** Failed in-collection assertions (only with sandboxTests). */
  readonly sandboxFailures: Map<string, string[]>;
}

/** Splits the items over `concurrency` newman runs, round-robin, and collects every exchange by item id. */
async function runChunks(run: CollectionRun, items: readonly CollectionItem[]): Promise<RunOutput> {
  const output: RunOutput = { exchanges: new Map(), sandboxFailures: new Map() };
  const chunkCount = Math.max(1, Math.min(run.concurrency ?? 4, items.length));
  const chunks = Array.from({ length: chunkCount }, (_, k) => items.filter((_, i) => i % chunkCount === k));
  await Promise.all(chunks.filter((c) => c.length > 0).map((chunk) => runNewman(run, chunk, output)));
  return output;
}

function runNewman(run: CollectionRun, items: readonly CollectionItem[], output: RunOutput): Promise<void> {
  const collection = { ...(run.collection as Record<string, unknown>), item: items.map((i) => forTarget(run, run.sandboxTests ? i.json : { ...i.json, event: [] })) };
  return new Promise((resolve, reject) => {
    const emitter = newman.run(
      {
        collection: collection as newman.NewmanRunOptions['collection'],
        environment: buildEnvironment(run.target),
        reporters: [],
        timeoutRequest: run.timeoutMs ?? 30_000,
        ignoreRedirects: true,
      },
      (error) => (error ? reject(error) : resolve()),
    );
    emitter.on('request', (error: unknown, args: unknown) => {
      const exchange = readExchange(error, args);
      if (exchange) output.exchanges.set(exchange.itemId, exchange);
    });
    emitter.on('assertion', (error: unknown, args: unknown) => {
      const failure = readAssertionFailure(error, args);
      if (failure) output.sandboxFailures.set(failure.itemId, [...(output.sandboxFailures.get(failure.itemId) ?? []), failure.message]);
    });
  });
}

function judge(run: CollectionRun, testCase: Case, exchange: Exchange | undefined, sandboxFailures: readonly string[]): CaseResult {
  if (!exchange) return { kind: 'transport', message: 'no exchange recorded: newman did not send the request', durationMs: 0 };
  const excerpt = toExcerpt(exchange, run.target.secrets);
  if (!exchange.response) return { kind: 'transport', message: exchange.error ?? 'no response', durationMs: 0, exchange: excerpt };
  const limit = run.timeoutMs ?? 30_000;
  // A body that trickles in under the idle timeout still breaks a client's budget: report it as the transport fault it is.
  if (exchange.response.timeMs > limit) {
    return { kind: 'transport', message: `transport error: slow response, the body took ${exchange.response.timeMs} ms (per-request timeout ${limit} ms)`, durationMs: exchange.response.timeMs, exchange: excerpt };
  }
  const { findings, actual } = judgeResponse(testCase.expect, exchange.response, (shape, body) => run.registry.check(run.schemaId, shape, body));
  // The Node verdict is the authority; a sandbox failure it did not also find is still reported, never dropped.
  const sandbox = sandboxFailures.map((message) => ({ kind: 'sandbox' as const, message: `in-collection test: ${message}` }));
  return { kind: 'judged', findings: [...findings, ...sandbox], actual, durationMs: exchange.response.timeMs, exchange: excerpt };
}

function toExcerpt(exchange: Exchange, secrets: readonly string[]): NonNullable<Verdict['exchange']> {
  const clip = (text: string): string => redactText(text.length > EXCERPT_LIMIT ? `${text.slice(0, EXCERPT_LIMIT)}... (${text.length} bytes)` : text, secrets);
  return {
    method: exchange.method,
    url: redactText(exchange.url, secrets),
    requestHeaders: redactHeaders(exchange.requestHeaders, secrets),
    ...(exchange.requestBody === undefined ? {} : { requestBody: clip(exchange.requestBody) }),
    ...(exchange.response
      ? { status: exchange.response.status, responseHeaders: redactHeaders(exchange.response.headers, secrets), responseBody: clip(exchange.response.body) }
      : {}),
  };
}
