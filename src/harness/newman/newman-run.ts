// One newman run over some items of a collection: every exchange and failed in-collection assertion, by item id.

import type { EventEmitter } from 'node:events';
import type newmanModule from 'newman';
import {
  readAssertionFailure,
  readExchange,
  readItemId,
  readScriptException,
  type Exchange,
} from '../newman-exchange.ts';
import { buildEnvironment, referencedVariables, type Target } from '../target.ts';
import { isObject } from '../../is-object.ts';
import { isAdapted, observed } from './assumptions.ts';
import type { Newman } from './load-newman.ts';
import { preparedNewman } from './prepare-newman-thread.ts';
import { rcFileLoads } from './no-rc-files.ts';
import { bootCacheState } from './sandbox-boot-cache.ts';
import { isInertHost, scriptFreeRunnerCalls } from './script-free-runs.ts';
import { zeroDelayTimeoutsSubstituted } from './zero-delay-timers.ts';

/** What one newman run produced, by item id. */
export interface RunOutput {
  readonly exchanges: Map<string, Exchange>;
  /** Failed in-collection assertions (only with sandbox tests). */
  readonly sandboxFailures: Map<string, string[]>;
  /** Cut short by the request's signal: the items without an exchange were never sent. */
  aborted: boolean;
}

export interface NewmanRunRequest {
  /** The whole collection as parsed (its variables and info are kept; its items are replaced). */
  readonly collection: unknown;
  readonly items: readonly Record<string, unknown>[];
  readonly target: Target;
  readonly timeoutMs: number;
  /** Keep the items' test scripts (the sandbox) rather than stripping them. */
  readonly sandboxTests: boolean;
  /** Called as each item ends (its request and its scripts done), with what the run has of it so far. */
  readonly onItem?: (itemId: string, exchange: Exchange | undefined, sandboxFailures: readonly string[]) => void;
  /** Aborted on an interrupt: the run stops once the request on the wire is answered, and sends no other. */
  readonly signal?: AbortSignal;
}

/**
 * Runs start one after another: a run with scripts boots its sandbox synchronously (~60 ms), so a run starts only once
 * the one before it is sending, and the boot fills the idle time of the runs already going instead of delaying them
 * all. A script-free run boots none (script-free-runs.ts) and starts in 7 to 20 ms; those go one after another too, as
 * against a remote target their answers then come back spread out rather than all at once, each waiting on the
 * others' CPU (started side by side, a live rehearsal took 0.2 s longer).
 */
let booting: Promise<void> = Promise.resolve();

/** Runs the items once; newman's own summary of the run is dropped with the emitter when it ends (memory stays flat). */
export async function runNewman(request: NewmanRunRequest): Promise<RunOutput> {
  const loaded = await preparedNewman();
  const previous = booting;
  let booted = (): void => undefined;
  booting = new Promise((resolve) => (booted = resolve));
  await previous;
  // Interrupted while waiting its turn: nothing of it goes out.
  if (request.signal?.aborted) {
    booted();
    return { exchanges: new Map(), sandboxFailures: new Map(), aborted: true };
  }
  try {
    return await runOnce(loaded.newman, request, booted);
  } finally {
    booted();
    // Once, after the first run has compiled what a run needs; after this unit's verdicts are out.
    setImmediate(() => loaded.saveCodeCache());
  }
}

function runOnce(newman: Newman, request: NewmanRunRequest, booted: () => void): Promise<RunOutput> {
  const output: RunOutput = { exchanges: new Map(), sandboxFailures: new Map(), aborted: false };
  const { collection, environment } = request.sandboxTests
    ? {
        collection: { ...(request.collection as Record<string, unknown>), item: request.items },
        environment: buildEnvironment(request.target),
      }
    : requestsOnly(request);
  const watch = watchAssumptions(!request.sandboxTests && !hasEvents(collection));
  return new Promise<RunOutput>((resolve, reject) => {
    let sandbox: { dispose?: () => void } | undefined;
    const options = {
      environment,
      reporters: [],
      timeoutRequest: request.timeoutMs,
      ignoreRedirects: true,
    };
    const emitter = newman.run(
      { ...options, collection: collection as newmanModule.NewmanRunOptions['collection'] },
      (error) => {
        // newman never disposes the run's script sandbox (a vm context of several MB): without this, memory grows
        // with every run of a long batch.
        sandbox?.dispose?.();
        watch.ended(output.exchanges.size > 0);
        if (error) reject(error);
        else resolve(output);
      },
    );
    emitter.once('beforeRequest', () => booted());
    emitter.once('start', (_error: unknown, args: unknown) => {
      const host = isObject(args) && isObject(args['run']) ? args['run']['host'] : undefined;
      if (watch.started(host)) sandbox = host as { dispose?: () => void };
    });
    emitter.on('request', (error: unknown, args: unknown) => {
      const exchange = readExchange(error, args);
      observed('itemEvents', exchange !== undefined);
      if (exchange) output.exchanges.set(exchange.itemId, exchange);
    });
    collectSandboxFailures(emitter, output.sandboxFailures);
    abortOnSignal(emitter, request.signal, () => (output.aborted = true));
    const { onItem } = request;
    if (onItem) {
      emitter.on('item', (_error: unknown, args: unknown) => {
        const itemId = readItemId(args);
        if (itemId !== undefined)
          onItem(itemId, output.exchanges.get(itemId), output.sandboxFailures.get(itemId) ?? []);
      });
    }
  });
}

/**
 * What a run without scripts needs of its collection and target: each item's request (no scripts, saved examples or
 * description, which only scripts and readers see), the collection variables and the target's variables its requests
 * reference. Why: newman builds an SDK object of everything it is given, at every run's start; a live target holds a few
 * hundred variables (bulk ids), and the saved examples and a collection's schema are most of a collection's size.
 */
function requestsOnly(request: NewmanRunRequest): {
  collection: Record<string, unknown>;
  environment: ReturnType<typeof buildEnvironment>;
} {
  const item = request.items.map(({ response: _examples, description: _text, event: _scripts, ...rest }) => ({
    ...rest,
    event: [],
  }));
  const whole = request.collection as Record<string, unknown>;
  const used = new Set(referencedVariables(JSON.stringify(item)));
  const declared = Array.isArray(whole['variable']) ? (whole['variable'] as unknown[]) : [];
  // A collection variable is named by its key, or by its id where it has none (Postman's v2.1 format allows both).
  const variable = declared.filter((v) => isObject(v) && used.has(String(v['key'] ?? v['id'])));
  for (const v of variable) for (const name of referencedVariables(JSON.stringify(v))) used.add(name);
  const environment = buildEnvironment(request.target);
  return {
    collection: { ...whole, variable, item },
    environment: { ...environment, values: environment.values.filter((v) => used.has(v.key)) },
  };
}

/**
 * Aborts the run when the signal is (every run checks it could): postman-runtime's run (newman hands it over with its start event) then finishes the
 * instruction in progress, the request on the wire and its answer, and clears the rest, so no other request goes out.
 */
function abortOnSignal(emitter: EventEmitter, signal: AbortSignal | undefined, aborted: () => void): void {
  emitter.once('start', (_error: unknown, args: unknown) => {
    const run = isObject(args) ? args['run'] : undefined;
    const abortable = isObject(run) && typeof run['abort'] === 'function';
    observed('runAbort', abortable);
    if (!abortable || !signal) return;
    const abort = (): void => {
      aborted();
      (run['abort'] as () => void).call(run);
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    emitter.once('done', () => signal.removeEventListener('abort', abort));
  });
}

/** Failed `pm.test`s and scripts that threw, by item, from the run's events. */
function collectSandboxFailures(emitter: EventEmitter, failures: Map<string, string[]>): void {
  const add = (itemId: string, message: string): void =>
    void failures.set(itemId, [...(failures.get(itemId) ?? []), message]);
  emitter.on('assertion', (error: unknown, args: unknown) => {
    const failure = readAssertionFailure(error, args);
    if (failure) add(failure.itemId, failure.message);
  });
  // A script that throws fails its item: newman's `exception` event names no item, and items run one at a time.
  let running: string | undefined;
  emitter.on('beforeItem', (_error: unknown, args: unknown) => (running = readItemId(args)));
  emitter.on('exception', (_error: unknown, args: unknown) => {
    const message = readScriptException(args);
    if (running !== undefined && message) add(running, message);
  });
}

/** True when the collection (its items already stripped or kept) has an event at its top level or on an item. */
function hasEvents(collection: Record<string, unknown>): boolean {
  const some = (value: unknown): boolean => Array.isArray(value) && value.length > 0;
  return (
    some(collection['event']) ||
    (Array.isArray(collection['item']) && collection['item'].some((i: unknown) => isObject(i) && some(i['event'])))
  );
}

/**
 * What one run shows of the seam's assumptions (assumptions.ts): at its start, whether newman asked the emptied rc
 * loader, and whether the runtime took the inert host a script-free run was given, or booted a sandbox it can dispose;
 * at its end, whether the thread's substitutions were used.
 */
function watchAssumptions(scriptFree: boolean): {
  started: (host: unknown) => boolean;
  ended: (sent: boolean) => void;
} {
  const runnerCalls = scriptFreeRunnerCalls();
  const rcLoads = rcFileLoads();
  let sandboxBooted = false;
  return {
    started(host) {
      // newman has read its options (and asked for its rc files) by the time the run starts.
      if (isAdapted('no rc files')) observed('rcFileLoader', rcFileLoads() > rcLoads);
      const patched = isAdapted('script-free runs');
      if (patched) observed('sameRunner', scriptFreeRunnerCalls() > runnerCalls);
      if (patched && scriptFree && scriptFreeRunnerCalls() > runnerCalls) observed('externalHost', isInertHost(host));
      if (isInertHost(host)) return false;
      sandboxBooted = isObject(host) && typeof host['dispose'] === 'function';
      observed('startHost', sandboxBooted);
      return sandboxBooted;
    },
    ended(sent) {
      if (sent && isAdapted('zero-delay timers')) observed('zeroDelayYields', zeroDelayTimeoutsSubstituted() > 0);
      const boot = bootCacheState();
      if (sandboxBooted && boot) observed('sandboxBoot', boot.fromCache + boot.fromSource > 0);
    },
  };
}
