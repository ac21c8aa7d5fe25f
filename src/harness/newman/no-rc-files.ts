// newman's `run` reads three rc files on every run (/etc/postman/newmanrc, ~/.postman/newmanrc and ./.newmanrc) and
// merges their options under the ones it is given. A file on the user's machine could then change what a contract run
// is: `folder` or `iterationCount` (which requests go out), `insecure` (TLS left unverified), `exportEnvironment` (the
// run's tokens written to disk). The seam makes newman's rc loader find nothing, so a run is only what the harness asks.

/** Calls of the replaced loader in this thread: none after a run means newman no longer reads its rc files through it. */
let loads = 0;

/** The rc loader newman's config module calls (newman/lib/config/rc-file), as the bundle or node_modules exposes it. */
interface RcFileModule {
  load: (callback: (error: null, options: Record<string, unknown>) => void) => void;
}

const EMPTY = Symbol.for('zoho-contract.no-rc-files');

/** Makes newman's rc loader answer "no options"; false when the module is not shaped as assumed (assumptions.ts). */
export function ignoreRcFiles(rcFile: unknown): boolean {
  if (typeof rcFile !== 'object' || rcFile === null) return false;
  const module = rcFile as Partial<RcFileModule> & { [EMPTY]?: true };
  if (typeof module.load !== 'function' || module.load.length !== 1) return false;
  if (module[EMPTY]) return true;
  module.load = (callback) => {
    loads += 1;
    // Answered on a later turn, as the file reads were: the run's start is not made one longer synchronous stretch.
    setImmediate(() => callback(null, {}));
  };
  module[EMPTY] = true;
  return true;
}

/** How many times newman has asked for its rc files in this thread since the loader was replaced. */
export function rcFileLoads(): number {
  return loads;
}
