// Loads newman once per process or thread: from the one-file bundle (newman-bundle.mjs, built by the launcher) with
// V8's code cache when that bundle is current, else from node_modules.
//
// Why: `require('newman')` reads, resolves and compiles ~800 modules (8 MB) and took ~0.4 s, the largest single part of
// a small run's start-up. One bundled file skips the resolution, and V8's cached compilation (which Node 20 offers only
// through vm.Script, not for modules) skips most of the compiling: ~0.13 s. The bundle is built from the installed
// newman: its code with whitespace and comments taken out and non-ASCII characters escaped; the plain newman CLI and
// node_modules stay as they are.

import { isAscii } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type newmanModule from 'newman';
import { isObject } from '../../is-object.ts';
import { codeCacheFile, readCodeCache, writeCodeCache } from './code-cache.ts';
import { NEWMAN_BUNDLE } from './newman-bundle.mjs';

export { NEWMAN_BUNDLE };

export type Newman = typeof newmanModule;

export interface LoadedNewman {
  readonly newman: Newman;
  /** The postman-runtime `Runner` this newman runs on (the same module instance), as found: unknown until checked. */
  readonly runtimeRunner: unknown;
  /** newman's rc-file loader module (the one its config reads), as found: unknown until checked. */
  readonly rcFile: unknown;
  /** 'bundle' with the code cache accepted, 'bundle' without (first use, or Node changed), or node_modules. */
  readonly source: 'bundle+cache' | 'bundle' | 'node_modules';
  /** Why a current bundle was not used (it did not load, or not as `{ newman, Runner }`), if so. */
  readonly bundleFailure?: string;
  /** Writes V8's code cache for the bundle, once, when it had none that fit; call it after a run (the run's functions are compiled by then). */
  saveCodeCache(): void;
}

/**
 * The bundle when it is at least as new as package-lock.json (so it holds the installed newman), else node_modules;
 * node_modules too, with the reason, when the bundle does not load as `{ newman, Runner }`.
 */
export async function loadNewman(root: string | undefined): Promise<LoadedNewman> {
  const bundle = root === undefined ? undefined : currentBundle(root);
  if (bundle) {
    try {
      return fromBundle(bundle);
    } catch (error) {
      const bundleFailure = `the newman bundle (${NEWMAN_BUNDLE}) does not load as { newman, Runner }: ${error instanceof Error ? error.message : String(error)}`;
      return { ...(await fromNodeModules()), source: 'node_modules', bundleFailure, saveCodeCache: () => undefined };
    }
  }
  return { ...(await fromNodeModules()), source: 'node_modules', saveCodeCache: () => undefined };
}

function fromBundle(bundle: { path: string; mtimeMs: number }): LoadedNewman {
  // The launcher writes the bundle in ASCII (V8 then keeps it one byte a character); latin1 reads that without UTF-8
  // decoding, and is the same text. Any other file is read as UTF-8.
  const bytes = readFileSync(bundle.path);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const dir = dirname(bundle.path);
  const cacheFile = codeCacheFile(dir, 'newman', `${bundle.mtimeMs}:${source.length}`);
  const cachedData = readCodeCache(cacheFile);
  const script = new Script(Module.wrap(source), { filename: bundle.path, ...(cachedData ? { cachedData } : {}) });
  const loaded: { exports: unknown } = { exports: {} };
  const compiled = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: unknown,
    filename: string,
    dirname: string,
  ) => void;
  compiled.call(loaded.exports, loaded.exports, createRequire(bundle.path), loaded, bundle.path, dir);
  const accepted = cachedData !== undefined && !script.cachedDataRejected;
  let saved = accepted;
  const exported = loaded.exports as { newman?: Newman; Runner?: unknown; rcFile?: unknown };
  if (typeof exported.newman?.run !== 'function') throw new Error('it exports no newman.run');
  return {
    newman: exported.newman,
    runtimeRunner: exported.Runner,
    rcFile: exported.rcFile,
    source: accepted ? 'bundle+cache' : 'bundle',
    saveCodeCache() {
      if (saved) return;
      saved = true;
      writeCodeCache(cacheFile, script.createCachedData());
    },
  };
}

/** newman from node_modules, and the runtime it requires (resolved from newman, so the very instance it uses). */
async function fromNodeModules(): Promise<{ newman: Newman; runtimeRunner: unknown; rcFile: unknown }> {
  const newman = (await import('newman')).default;
  const fromNewman = createRequire(createRequire(import.meta.url).resolve('newman'));
  const runtime: unknown = fromNewman('postman-runtime');
  // newman's own module (resolved from its entry), so the very instance its config reads.
  const rcFile: unknown = (() => {
    try {
      return fromNewman('./lib/config/rc-file') as unknown;
    } catch {
      return undefined;
    }
  })();
  return { newman, runtimeRunner: isObject(runtime) ? runtime['Runner'] : undefined, rcFile };
}

function currentBundle(root: string): { path: string; mtimeMs: number } | undefined {
  const path = join(root, NEWMAN_BUNDLE);
  try {
    const mtimeMs = statSync(path).mtimeMs;
    return mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs ? { path, mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}
