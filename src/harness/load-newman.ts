// Loads newman once per process or thread: from the one-file bundle the launcher builds (dist/newman/newman.cjs) with
// V8's code cache when that bundle is current, else from node_modules.
//
// Why: `require('newman')` reads, resolves and compiles ~800 modules (8 MB) and took ~0.4 s, the largest single part of
// a small run's start-up. One bundled file skips the resolution, and V8's cached compilation (which Node 20 offers only
// through vm.Script, not for modules) skips most of the compiling: ~0.17 s. The bundle is built from the installed
// newman, byte for byte its code; the plain newman CLI and node_modules stay as they are.

import { readFileSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type newmanModule from 'newman';
import { codeCacheFile, readCodeCache, writeCodeCache } from './code-cache.ts';

export type Newman = typeof newmanModule;

/** Where the launcher writes the bundle, under the project root. */
export const NEWMAN_BUNDLE = join('dist', 'newman', 'newman.cjs');

export interface LoadedNewman {
  readonly newman: Newman;
  /** 'bundle' with the code cache accepted, 'bundle' without (first use, or Node changed), or node_modules. */
  readonly source: 'bundle+cache' | 'bundle' | 'node_modules';
  /** Writes V8's code cache for the bundle, once, when it had none that fit; call it after a run (the run's functions are compiled by then). */
  saveCodeCache(): void;
}

/** The bundle when it is at least as new as package-lock.json (so it holds the installed newman), else node_modules. */
export async function loadNewman(root: string | undefined): Promise<LoadedNewman> {
  const bundle = root === undefined ? undefined : currentBundle(root);
  if (!bundle) return { newman: (await import('newman')).default, source: 'node_modules', saveCodeCache: () => undefined };
  const source = readFileSync(bundle.path, 'utf8');
  const dir = dirname(bundle.path);
  const cacheFile = codeCacheFile(dir, 'newman', `${bundle.mtimeMs}:${source.length}`);
  const cachedData = readCodeCache(cacheFile);
  const script = new Script(Module.wrap(source), { filename: bundle.path, ...(cachedData ? { cachedData } : {}) });
  const loaded = { exports: {} as unknown };
  const compiled = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  compiled.call(loaded.exports, loaded.exports, createRequire(bundle.path), loaded, bundle.path, dir);
  const accepted = cachedData !== undefined && !script.cachedDataRejected;
  let saved = accepted;
  return {
    newman: loaded.exports as Newman,
    source: accepted ? 'bundle+cache' : 'bundle',
    saveCodeCache() {
      if (saved) return;
      saved = true;
      writeCodeCache(cacheFile, script.createCachedData());
    },
  };
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
