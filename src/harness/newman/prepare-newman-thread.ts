// The one entry that prepares a thread (or process) to run newman: the thread's globals, newman's loading, and the
// runtime's adaptation, each applied only where the assumption it rests on holds (assumptions.ts).

import { dirname, join } from 'node:path';
import { adapted, brokenRunnerAssumption, observed } from './assumptions.ts';
import { loadNewman, type LoadedNewman } from './load-newman.ts';
import { NEWMAN_BUNDLE } from './newman-bundle.mjs';
import { ignoreRcFiles } from './no-rc-files.ts';
import { cacheSandboxBootCode } from './sandbox-boot-cache.ts';
import { skipSandboxWithoutScripts } from './script-free-runs.ts';
import { runZeroDelayTimersAsImmediates } from './zero-delay-timers.ts';

/**
 * The old-generation budget for a process or thread that runs newman (the CLI's verdict thread, the bench's memory
 * child). Every newman run boots a vm context of several MB that turns to garbage when the run ends; left to itself
 * V8 grows the heap with the run's length rather than collect, so long runs would look like leaks. The live data is a
 * few units of work and the verdicts not yet handed over, far below this.
 */
export const HARNESS_HEAP_MB = 256;

export interface PrepareOptions {
  /** How newman is loaded; the seam's test gives one that simulates a changed newman. */
  readonly load?: (root: string | undefined) => Promise<LoadedNewman>;
}

/** newman as this thread's runs get it; loaded once, on `prepareNewmanThread` or the first run. */
let prepared: Promise<LoadedNewman> | undefined;

/**
 * Prepares this thread to run newman, once (later calls do nothing): a zero-delay timeout becomes an immediate and
 * the sandbox's boot code compiles from a cache (zero-delay-timers.ts, sandbox-boot-cache.ts), then, once the caller
 * has had its turn (the load blocks the thread ~0.1 s), newman loads from the bundle (load-newman.ts) and its runtime
 * is set to skip the sandbox of script-free runs (script-free-runs.ts). The CLI's verdict thread and a bare `vitest`'s
 * global setup both come through here, through startVerdictService.
 */
export function prepareNewmanThread(root: string, options: PrepareOptions = {}): void {
  if (prepared) return;
  runZeroDelayTimersAsImmediates();
  adapted('zero-delay timers');
  cacheSandboxBootCode(join(root, dirname(NEWMAN_BUNDLE)));
  adapted('sandbox boot cache');
  const load = options.load ?? loadNewman;
  prepared = new Promise((resolve) => setImmediate(resolve)).then(() => loadAdapted(root, load));
  // A load that fails is reported by the first run that awaits it, not as an unhandled rejection that ends the thread.
  prepared.catch(() => undefined);
}

/**
 * newman for a run: as prepared, or, in a thread nobody prepared (a test that runs collections itself), loaded from
 * node_modules with the runtime adapted and the thread's globals left alone.
 */
export function preparedNewman(): Promise<LoadedNewman> {
  prepared ??= loadAdapted(undefined, loadNewman);
  return prepared;
}

/** Loads newman and adapts its runtime where the Runner is as assumed; otherwise names what changed and leaves it plain. */
async function loadAdapted(
  root: string | undefined,
  load: (root: string | undefined) => Promise<LoadedNewman>,
): Promise<LoadedNewman> {
  const loaded = await load(root);
  if (loaded.bundleFailure) observed('bundle', false, loaded.bundleFailure);
  else if (loaded.source !== 'node_modules') {
    observed('bundle', true);
    adapted('newman bundle');
  }
  if (ignoreRcFiles(loaded.rcFile)) adapted('no rc files');
  else observed('rcFileLoader', false, 'its rc-file module is not { load(callback) }');
  const broken = brokenRunnerAssumption(loaded.runtimeRunner);
  if (broken) observed(broken, false);
  else {
    for (const holds of ['runnerExported', 'runnerRun', 'runnerSignature'] as const) observed(holds, true);
    if (skipSandboxWithoutScripts(loaded.runtimeRunner)) adapted('script-free runs');
  }
  return loaded;
}
