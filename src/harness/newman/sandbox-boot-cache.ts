// In a thread that runs newman, large scripts given to vm.runInContext (the script sandbox's boot code) are compiled
// once, from V8's code cache on disk, and the compiled script is run in each new context.
//
// Why: every newman run boots a script sandbox (postman-sandbox through uvm), which runs ~2.3 MB of boot code with
// vm.runInContext in a fresh context. Compiling it was about half of a process's first boot (~80 ms of CPU, on the
// path to the first request). uvm takes no compiled script, so the thread's vm.runInContext does it: same code, same
// context, same options; only the compiling is shared. A vm.Script is not tied to a context, so one serves every run.

import { createHash } from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import vm from 'node:vm';
import { codeCacheFile, readCodeCache, writeCodeCache } from './code-cache.ts';

/** Sources at least this long are compiled once; the small scripts uvm runs per dispatch are left as they are. */
const LARGE_SCRIPT = 1_000_000;

export interface BootCacheState {
  /** Large scripts compiled in this thread: from the cache on disk, or from source (their cache then written). */
  readonly fromCache: number;
  readonly fromSource: number;
}

/** This thread's counts, once the substitution is installed. */
let installed: { fromCache: number; fromSource: number } | undefined;

/** This thread's counts, or undefined when the substitution is not installed here. */
export function bootCacheState(): BootCacheState | undefined {
  return installed;
}

/** Installs the substitution in this thread (once), with its caches in `dir`; returns what it has done so far. */
export function cacheSandboxBootCode(dir: string): BootCacheState {
  if (installed) return installed;
  const state = (installed = { fromCache: 0, fromSource: 0 });
  const original = vm.runInContext;
  const scripts = new Map<string, vm.Script>();
  const patched = (code: string, context: vm.Context, options?: vm.RunningScriptOptions | string): unknown => {
    if (typeof code !== 'string' || code.length < LARGE_SCRIPT)
      return original(code, context, options as vm.RunningScriptOptions);
    const { filename, lineOffset, columnOffset, ...running } =
      typeof options === 'string' ? { filename: options } : (options ?? {});
    const origin = {
      filename: filename ?? 'evalmachine.<anonymous>',
      ...(lineOffset === undefined ? {} : { lineOffset }),
      ...(columnOffset === undefined ? {} : { columnOffset }),
    };
    const key = `${origin.filename}:${origin.lineOffset ?? 0}:${origin.columnOffset ?? 0}:${code}`;
    let script = scripts.get(key);
    if (!script) {
      // Named by a hash of the source itself: V8 would accept a cache made for any source of the same length.
      const file = codeCacheFile(dir, 'sandbox', createHash('sha256').update(key).digest('hex'));
      const cachedData = readCodeCache(file);
      const compiled = new vm.Script(code, { ...origin, ...(cachedData ? { cachedData } : {}) });
      if (cachedData && !compiled.cachedDataRejected) state.fromCache += 1;
      else {
        state.fromSource += 1;
        // After this first run: the cache then holds the functions the boot compiled too.
        setImmediate(() => writeCodeCache(file, compiled.createCachedData()));
      }
      scripts.set(key, (script = compiled));
    }
    return script.runInContext(context, running);
  };
  (vm as { runInContext: typeof original }).runInContext = patched as typeof original;
  // The same for `import { runInContext } from 'node:vm'` as for require('node:vm') (what uvm uses).
  syncBuiltinESMExports();
  return state;
}
