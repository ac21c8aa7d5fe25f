// A newman run whose collection holds no script at all gets no script sandbox.
//
// Why: postman-runtime boots a sandbox for every run (a fresh vm context running ~2.3 MB of boot code, then disposed),
// whether or not anything will run in it: about an eighth of the harness's CPU on the default path, where the test
// scripts are stripped and the Node-side verdict is the authority. The runtime takes an external host
// (`options.host = { external: true, instance }`) and touches it only to execute a script, so a run without scripts is
// given an inert one. newman does not pass that option through, so the runtime's Runner.run adds it; a run with any
// script (`--sandbox-tests`, or a collection run as it is) boots its sandbox as before.

/** What the runtime keeps as the run's host when no script can run; nothing ever calls it. */
const NO_SANDBOX = Object.freeze({ external: true, instance: Object.freeze({ scriptFree: true }) });

const PATCHED = Symbol.for('zoho-contract.script-free-runs');

/** Calls of the patched Runner.run in this thread: none after a newman run means newman runs on another Runner. */
let runCalls = 0;

/** The parts of a postman-collection Collection (or ItemGroup, Item) this reads; anything else counts as scripted. */
interface EventHolder {
  readonly events?: { count?: () => number };
  readonly forEachItem?: (each: (item: EventHolder) => void) => void;
  readonly forEachItemGroup?: (each: (group: EventHolder) => void) => void;
}

type RunMethod = (this: unknown, collection: unknown, options: unknown, callback: unknown) => unknown;

/** True when neither the collection nor any folder or item in it has an event (a script to run). */
export function isScriptFree(collection: unknown): boolean {
  if (typeof collection !== 'object' || collection === null) return false;
  const tree = collection as EventHolder;
  if (typeof tree.forEachItem !== 'function' || typeof tree.forEachItemGroup !== 'function') return false;
  const noEvents = (holder: EventHolder): boolean =>
    typeof holder.events?.count === 'function' && holder.events.count() === 0;
  let free = noEvents(tree);
  if (free) tree.forEachItemGroup((group) => (free &&= noEvents(group)));
  if (free) tree.forEachItem((item) => (free &&= noEvents(item)));
  return free;
}

/** True for the host a script-free run is given (what the runtime keeps as `run.host` when it takes it). */
export function isInertHost(host: unknown): boolean {
  return host === NO_SANDBOX.instance;
}

/** How many times the patched Runner.run has been called in this thread. */
export function scriptFreeRunnerCalls(): number {
  return runCalls;
}

/**
 * Makes the runtime's Runner (postman-runtime's export `Runner`) skip the sandbox for script-free runs, once per Runner.
 * False when the runtime is not shaped as expected (assumptions.ts names how): runs then boot their sandboxes as newman
 * does, slower but the same, rather than not run at all.
 */
export function skipSandboxWithoutScripts(runner: unknown): boolean {
  if (typeof runner !== 'function') return false;
  const prototype = runner.prototype as Record<PropertyKey, unknown>;
  const original = prototype['run'];
  if (typeof original !== 'function') return false;
  if (prototype[PATCHED] === true) return true;
  const run: RunMethod = function (this: unknown, collection, options, callback) {
    runCalls += 1;
    const scriptFree =
      isScriptFree(collection) && typeof options === 'object' && options !== null && !('host' in options);
    return (original as RunMethod).call(
      this,
      collection,
      scriptFree ? { ...options, host: NO_SANDBOX } : options,
      callback,
    );
  };
  prototype['run'] = run;
  prototype[PATCHED] = true;
  return true;
}
