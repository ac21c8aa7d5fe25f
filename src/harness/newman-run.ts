// One newman run over some items of a collection: every exchange and failed in-collection assertion, by item id.

import { dirname, join } from 'node:path';
import type newmanModule from 'newman';
import { NEWMAN_BUNDLE, loadNewman, type LoadedNewman } from './load-newman.ts';
import { cacheSandboxBootCode } from './sandbox-boot-cache.ts';
import { skipSandboxWithoutScripts } from './script-free-runs.ts';
import { readAssertionFailure, readExchange, readItemId, readScriptException, type Exchange } from './newman-exchange.ts';
import type { CollectionItem } from './select-items.ts';
import { buildEnvironment, type Target } from './target.ts';

/** What one newman run produced, by item id. */
export interface RunOutput {
  readonly exchanges: Map<string, Exchange>;
  /** Failed in-collection assertions (only with sandbox tests). */
  readonly sandboxFailures: Map<string, string[]>;
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
}

/**
 * The old-generation budget for a process or thread that runs newman (the CLI's verdict thread, the bench's memory
 * child). Every newman run boots a vm context of several MB that turns to garbage when the run ends; left to itself
 * V8 grows the heap with the run's length rather than collect, so long runs would look like leaks. The live data is a
 * few units of work and the verdicts not yet handed over, far below this.
 */
export const HARNESS_HEAP_MB = 256;

/** newman is loaded on the first run (or `preloadNewman`), not at import: commands that never send a request skip it. */
let newmanLoaded: Promise<LoadedNewman> | undefined;

/**
 * Starts loading newman now, from the project's bundle when it is current (see load-newman.ts), and has this thread
 * compile the sandbox's boot code once (sandbox-boot-cache.ts): a service calls this first thing, so the load overlaps
 * whatever else starts up. Without it, runs load newman from node_modules and compile the boot code every time.
 */
export function preloadNewman(root: string): void {
  if (newmanLoaded) return;
  cacheSandboxBootCode(join(root, dirname(NEWMAN_BUNDLE)));
  newmanLoaded = loadForRuns(root);
  // A load that fails is reported by the first run that awaits it, not as an unhandled rejection that ends the thread.
  newmanLoaded.catch(() => undefined);
}

/** newman, its runtime set where it can be to skip the sandbox of runs with no script (script-free-runs.ts). */
async function loadForRuns(root: string | undefined): Promise<LoadedNewman> {
  const loaded = await loadNewman(root);
  skipSandboxWithoutScripts(loaded.runtimeRunner);
  return loaded;
}

/**
 * Runs start one after another: a run with scripts boots its sandbox synchronously (~60 ms), so a run starts only once
 * the one before it is sending, and the boot fills the idle time of the runs already going instead of delaying them
 * all. A script-free run boots none (script-free-runs.ts) and is sending within a millisecond or two.
 */
let booting: Promise<void> = Promise.resolve();

/** Runs the items once; newman's own summary of the run is dropped with the emitter when it ends (memory stays flat). */
export async function runNewman(request: NewmanRunRequest): Promise<RunOutput> {
  newmanLoaded ??= loadForRuns(undefined);
  const loaded = await newmanLoaded;
  const { newman } = loaded;
  const previous = booting;
  let booted = (): void => undefined;
  booting = new Promise((resolve) => (booted = resolve));
  await previous;
  const output: RunOutput = { exchanges: new Map(), sandboxFailures: new Map() };
  const item = request.sandboxTests ? request.items : request.items.map((i) => ({ ...i, event: [] }));
  const collection = { ...(request.collection as Record<string, unknown>), item };
  await new Promise<void>((resolve, reject) => {
    let sandbox: { dispose?: () => void } | undefined;
    const emitter = newman.run(
      {
        collection: collection as newmanModule.NewmanRunOptions['collection'],
        environment: buildEnvironment(request.target),
        reporters: [],
        timeoutRequest: request.timeoutMs,
        ignoreRedirects: true,
      },
      (error) => {
        // newman never disposes the run's script sandbox (a vm context of several MB): without this, memory grows
        // with every run of a long batch.
        sandbox?.dispose?.();
        booted();
        // Once, after the first run has compiled what a run needs; after this unit's verdicts are out.
        setImmediate(() => loaded.saveCodeCache());
        if (error) reject(error);
        else resolve();
      },
    );
    emitter.once('beforeRequest', () => booted());
    emitter.once('start', (_error: unknown, args: unknown) => {
      const run = typeof args === 'object' && args !== null ? (args as { run?: { host?: unknown } }).run : undefined;
      if (typeof run?.host === 'object' && run.host !== null) sandbox = run.host as { dispose?: () => void };
    });
    emitter.on('request', (error: unknown, args: unknown) => {
      const exchange = readExchange(error, args);
      if (exchange) output.exchanges.set(exchange.itemId, exchange);
    });
    const addFailure = (itemId: string, message: string): void => void output.sandboxFailures.set(itemId, [...(output.sandboxFailures.get(itemId) ?? []), message]);
    emitter.on('assertion', (error: unknown, args: unknown) => {
      const failure = readAssertionFailure(error, args);
      if (failure) addFailure(failure.itemId, failure.message);
    });
    // A script that throws fails its item: newman's `exception` event names no item, and items run one at a time.
    let running: string | undefined;
    emitter.on('beforeItem', (_error: unknown, args: unknown) => (running = readItemId(args)));
    emitter.on('exception', (_error: unknown, args: unknown) => {
      const message = readScriptException(args);
      if (running !== undefined && message) addFailure(running, message);
    });
    const { onItem } = request;
    if (onItem) {
      emitter.on('item', (_error: unknown, args: unknown) => {
        const itemId = readItemId(args);
        if (itemId !== undefined) onItem(itemId, output.exchanges.get(itemId), output.sandboxFailures.get(itemId) ?? []);
      });
    }
  });
  return output;
}

