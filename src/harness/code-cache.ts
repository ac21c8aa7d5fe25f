// V8 code caches on disk for the large scripts a newman thread compiles every time (see load-newman.ts and
// sandbox-boot-cache.ts): where a cache lives, and reading and writing one safely.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The cache file for a script `identity` names. V8 checks a cache only against the source's length and its own flags,
 * so the name also carries this Node (version, arch, flags): a stale or foreign cache is never offered.
 */
export function codeCacheFile(dir: string, prefix: string, identity: string): string {
  const key = createHash('sha256').update(`${identity}:${process.version}:${process.arch}:${process.execArgv.join(' ')}`).digest('hex').slice(0, 16);
  return join(dir, `${prefix}-${key}.cache`);
}

export function readCodeCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written aside and renamed: a process starting meanwhile never reads half a cache. A read-only checkout only loses the speed-up. */
export function writeCodeCache(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch {
    // nothing: the next run compiles again
  }
}
