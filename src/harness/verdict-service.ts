// The verdict service: one place per contract run that sends every case through newman (all collections sharing one
// bound on runs in flight) and hands the verdicts to the vitest harness files over loopback. The CLI starts it before
// vitest and asks it to begin at once, so the requests go out while vitest is still starting.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { CallBound } from '../call-bound.ts';
import { findCollectionEndpoint, type Endpoint } from '../catalog/index.ts';
import { cassetteRecorder } from '../live/index.ts';
import { collectionPath, schemaId } from '../generate/index.ts';
import { loadSchemaRegistry, type SchemaRegistry } from '../validate/index.ts';
import { caseKey, type Verdict, type VerdictPolicy, type VerdictRequest } from '../verdict/index.ts';
import { isObject } from '../is-object.ts';
import { readBody, startLoopbackServer } from '../loopback-server.ts';
import { loadCollection } from './load-collection.ts';
import { slimCollection } from './select-items.ts';
import type { Exchange } from './newman-exchange.ts';
import { streamCollections, type CollectionRun } from './run-collection.ts';
import { prepareNewmanThread } from './newman/index.ts';
import { createRunPool } from './run-pool.ts';
import { createdRecords, deletedRecords, type CreatedRecord } from './created-records.ts';
import { collectionVersion } from './replay-case.ts';
import { baseUrlsOf, type Target } from './target.ts';

export interface VerdictServiceOptions {
  readonly root: string;
  readonly target: Target;
  /** newman runs in flight at once, over all collections. */
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly sandboxTests: boolean;
  /** --strict and --clock-skew; the defaults when absent. */
  readonly policy?: VerdictPolicy;
  /** --record: write every final exchange (redacted) as a cassette here. */
  readonly recordDir?: string;
  /** Sent at once, before any harness file asks. */
  readonly prefetch?: readonly VerdictRequest[];
  /** Where the newman runs take their slots when they share them with other calls (a live run's org client); else `concurrency`. */
  readonly bound?: CallBound;
  /** Live: told of the records a case's own request created (Insert, Upsert), for the run to delete with its fixtures. */
  readonly onCreated?: (records: readonly CreatedRecord[]) => void;
  /** Live: told of the records a case's own request deleted (Delete Records), which the clean-up then leaves out. */
  readonly onDeleted?: (records: readonly CreatedRecord[]) => void;
}

/** How one prefetched batch is sent, where it differs from the service's own options. */
export interface PrefetchBatch {
  /**
   * The target these cases are sent with: a live run's cases that need no fixture go out before the fixtures exist,
   * and the others are registered at once but sent once their target (with the fixtures' ids) settles.
   */
  readonly target?: Target | Promise<Target>;
  /** At most this many cases per newman run (see CollectionRun.unitSize). */
  readonly unitSize?: number;
  /** Case keys dealt first (see CollectionRun.lead). */
  readonly lead?: ReadonlySet<string>;
  /** Where this batch's newman runs take their slots, when not from the service's own bound (a share of it). */
  readonly bound?: CallBound;
}

export interface VerdictService {
  readonly url: string;
  /** Starts sending these cases now; their verdicts wait for the harness file that asks, and are returned by case key. */
  prefetch(requests: readonly VerdictRequest[], batch?: PrefetchBatch): ReadonlyMap<string, Promise<Verdict>>;
  /** The target of what is sent from now on (a live run's, once its fixtures exist): retries and cases not prefetched. */
  retarget(target: Target): void;
  /** Settles once every case of the start-up prefetch has its verdict: all of their requests have been answered. */
  readonly prefetched: Promise<void>;
  /** Interrupted: nothing more is sent; cases not yet sent get a not-checked verdict. */
  stop(): void;
  close(): Promise<void>;
}

/** What each final exchange is handed to: the cassette recorder, the records a creating case made or a deleting one removed. */
function exchangeHook(
  record: ((caseId: string, exchange: Exchange) => Promise<void>) | undefined,
  onCreated: VerdictServiceOptions['onCreated'],
  onDeleted: VerdictServiceOptions['onDeleted'],
): Pick<CollectionRun, 'onExchange'> {
  if (!record && !onCreated && !onDeleted) return {};
  return {
    onExchange: async (caseId, exchange) => {
      if (onCreated) {
        const created = createdRecords(exchange);
        if (created.length > 0) onCreated(created);
      }
      if (onDeleted) {
        const deleted = deletedRecords(exchange);
        if (deleted.length > 0) onDeleted(deleted);
      }
      await record?.(caseId, exchange);
    },
  };
}

/** Collections and the schema registry being read ahead of the service (a live run's fixtures are still being made). */
const preloaded = new Map<string, Promise<unknown>>();

/** Starts reading what these cases' service will need (their collections, the compiled schemas), to be taken once it starts. */
export function preloadVerdictInputs(root: string, requests: readonly VerdictRequest[]): void {
  const registry =
    preloaded.get(`registry:${root}`) ?? loadSchemaRegistry(join(root, 'schemas'), join(root, 'dist', 'validators'));
  preloaded.set(`registry:${root}`, registry);
  for (const request of requests) {
    const path = join(root, collectionPath(findEndpoint(request), request.version));
    if (!preloaded.has(path)) preloaded.set(path, loadCollection(path));
  }
  // Read errors surface when the service takes them, as they would have without the preload.
  for (const promise of preloaded.values()) promise.catch(() => undefined);
}

/** What was preloaded under `key` (given up: the service holds it from then on), else a fresh read. */
function takePreloaded<T>(key: string, read: () => Promise<T>): Promise<T> {
  const ready = preloaded.get(key) as Promise<T> | undefined;
  preloaded.delete(key);
  return ready ?? read();
}

/** Starts the service on this thread (the CLI's verdict thread, or a bare `vitest`'s global setup) and begins its prefetch. */
export async function startVerdictService(options: VerdictServiceOptions): Promise<VerdictService> {
  // Both ways of starting a run come through here: the CLI's thread has prepared itself already (this does nothing).
  prepareNewmanThread(options.root);
  const onExchange = options.recordDir ? cassetteRecorder(options.recordDir, options.target.secrets) : undefined;
  const pool = createRunPool(options.bound ?? options.concurrency);
  const pools = [pool];
  let target = options.target;
  let registry: Promise<SchemaRegistry> | undefined;
  const ready = new Map<string, Promise<Verdict>>();
  // Requests sent to the target (resends and throttle retries included): a live run's API calls, for its credits.
  let sent = 0;
  /** Sends the requests as one batch (units may mix collections); returns a verdict promise per case key. */
  const send = (requests: readonly VerdictRequest[], batch: PrefetchBatch = {}): Map<string, Promise<Verdict>> => {
    const sentTo = batch.target ?? target;
    const batchPool = batch.bound ? createRunPool(batch.bound) : pool;
    if (batchPool !== pool) pools.push(batchPool);
    const settle = new Map<string, { resolve: (v: Verdict) => void; reject: (e: unknown) => void }>();
    const promises = new Map<string, Promise<Verdict>>();
    for (const request of requests) {
      for (const id of request.caseIds) {
        const key = caseKey({ ...request, caseId: id });
        const promise = new Promise<Verdict>((resolve, reject) => settle.set(key, { resolve, reject }));
        promise.catch(() => undefined); // a rejection reaches whoever asks, never the process
        promises.set(key, promise);
      }
    }
    registry ??= takePreloaded(`registry:${options.root}`, () =>
      loadSchemaRegistry(join(options.root, 'schemas'), join(options.root, 'dist', 'validators')),
    );
    void (async () => {
      const to = await sentTo;
      const runs = await Promise.all(
        requests.map(async (request): Promise<CollectionRun> => {
          const endpoint = findEndpoint(request);
          const key = (caseId: string): string => caseKey({ ...request, caseId });
          const path = join(options.root, collectionPath(endpoint, request.version));
          // What a cassette carries beside the exchange: the contract that sent it and where the target's paths begin.
          let facts: { contractVersion?: string; baseUrls: readonly string[] } = { baseUrls: baseUrlsOf(to) };
          // Read as the batch prepares this collection's cases, one collection after another: read side by side, every
          // collection of a large catalog was parsed whole at once (44 MB of JSON at 10,000 cases).
          const readCollection = async (): Promise<unknown> => {
            const collection = await takePreloaded(path, () => loadCollection(path));
            const contractVersion = collectionVersion(collection);
            if (contractVersion) facts = { ...facts, contractVersion };
            return slimCollection(collection, request.caseIds, options.sandboxTests);
          };
          return {
            endpoint,
            version: request.version,
            readCollection,
            target: to,
            ...(batch.unitSize ? { unitSize: batch.unitSize } : {}),
            ...(batch.lead ? { lead: batch.lead } : {}),
            registry: await (registry as Promise<SchemaRegistry>),
            schemaId: schemaId(endpoint),
            caseIds: request.caseIds,
            pool: batchPool,
            timeoutMs: options.timeoutMs,
            sandboxTests: options.sandboxTests,
            onSent: (count: number) => void (sent += count),
            ...(options.policy ? { policy: options.policy } : {}),
            ...exchangeHook(
              onExchange ? (caseId, exchange) => onExchange(key(caseId), exchange, facts) : undefined,
              endpoint.creates ? options.onCreated : undefined,
              endpoint.deletes ? options.onDeleted : undefined,
            ),
          };
        }),
      );
      // A settled case is let go here: its promise, held until a harness file asks, is then the verdict's only holder.
      await streamCollections(runs, (verdict) => {
        const key = caseKey(verdict);
        settle.get(key)?.resolve(verdict);
        settle.delete(key);
      });
    })().catch((error: unknown) => {
      for (const { reject } of settle.values()) reject(error);
    });
    return promises;
  };
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' && req.url === '/stats')
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ sent }));
    try {
      const request = readRequest(await readBody(req));
      const key = (caseId: string): string => caseKey({ ...request, caseId });
      const taken = new Map(
        request.again
          ? []
          : request.caseIds.flatMap((id) =>
              ready.has(key(id)) ? [[id, ready.get(key(id)) as Promise<Verdict>] as const] : [],
            ),
      );
      for (const id of taken.keys()) ready.delete(key(id));
      const missing = request.caseIds.filter((id) => !taken.has(id));
      const sent = missing.length > 0 ? send([{ ...request, caseIds: missing }]) : new Map<string, Promise<Verdict>>();
      const verdicts = await Promise.all(
        request.caseIds.map((id) => taken.get(id) ?? (sent.get(key(id)) as Promise<Verdict>)),
      );
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(verdicts));
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(error instanceof Error ? error.message : String(error));
    }
  }
  const server = await startLoopbackServer((req, res) => void answer(req, res));
  const prefetch = (requests: readonly VerdictRequest[], batch?: PrefetchBatch): Map<string, Promise<Verdict>> => {
    const sent = send(requests, batch);
    for (const [key, promise] of sent) ready.set(key, promise);
    return sent;
  };
  const prefetched = allSettled(prefetch(options.prefetch ?? []).values());
  return {
    url: server.url,
    prefetch,
    retarget: (next) => void (target = next),
    prefetched,
    stop: () => {
      for (const each of pools) each.stop();
    },
    close: server.close,
  };
}

/**
 * Settles once every promise has, keeping none of their values: Promise.allSettled held every verdict of the prefetch
 * until the last one was out, long after the harness files had taken them (10,000 verdicts at 10,000 cases).
 */
function allSettled(promises: Iterable<Promise<unknown>>): Promise<void> {
  return new Promise((done) => {
    let pending = 1;
    const settled = (): void => {
      pending -= 1;
      if (pending === 0) done();
    };
    for (const promise of promises) {
      pending += 1;
      promise.then(settled, settled);
    }
    settled();
  });
}

function findEndpoint(request: VerdictRequest): Endpoint {
  const endpoint = findCollectionEndpoint(request.product, request.endpoint, request.version);
  if (!endpoint)
    throw new Error(`no collection ${request.product}/${request.endpoint}/${request.version} in the catalog`);
  return endpoint;
}

function readRequest(body: string): VerdictRequest {
  const value: unknown = JSON.parse(body);
  const record = isObject(value) ? value : {};
  const text = (name: string): string => (typeof record[name] === 'string' ? (record[name] as string) : '');
  const caseIds = Array.isArray(record['caseIds'])
    ? record['caseIds'].filter((id): id is string => typeof id === 'string')
    : [];
  return {
    product: text('product'),
    endpoint: text('endpoint'),
    version: text('version'),
    caseIds,
    again: record['again'] === true,
  };
}
