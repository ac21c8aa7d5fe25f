// V8 code caches on disk for the large scripts a newman thread compiles every time (see load-newman.ts and
// sandbox-boot-cache.ts): where a cache lives, and reading and writing one safely.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The cache file for a script `identity` names. V8 checks a cache only against the source's length and its own flags,
 * so the name also carries this Node (version, arch, flags): a stale or foreign cache is never offered.
 */
export function codeCacheFile(dir: string, prefix: string, identity: string): string {
  const key = createHash('sha256')
    .update(`${identity}:${process.version}:${process.arch}:${process.execArgv.join(' ')}`)
    .digest('hex')
    .slice(0, 16);
  return join(dir, `${prefix}-${key}.cache`);
}

export function readCodeCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** How many caches of one prefix stay on disk: one per Node and set of flags in use, each several MB. */
export const CODE_CACHES_KEPT = 3;

/**
 * Written aside and renamed: a process starting meanwhile never reads half a cache. A read-only checkout only loses
 * the speed-up. Caches of the same prefix beyond the newest few go: each Node version or set of flags (a profiler's,
 * say) writes its own, and nothing else would ever remove them.
 */
export function writeCodeCache(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, file);
    pruneCodeCaches(dirname(file), basename(file).slice(0, basename(file).lastIndexOf('-')));
  } catch {
    // nothing: the next run compiles again
  }
}

function pruneCodeCaches(dir: string, prefix: string): void {
  const caches = readdirSync(dir)
    .filter((name) => name.startsWith(`${prefix}-`) && name.endsWith('.cache'))
    .map((name) => ({ path: join(dir, name), mtimeMs: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const old of caches.slice(CODE_CACHES_KEPT)) rmSync(old.path, { force: true });
}
