// V8 code caches on disk: named by the script and this Node, written whole, and only the newest few of a kind kept.

import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CODE_CACHES_KEPT,
  codeCacheFile,
  readCodeCache,
  writeCodeCache,
} from '../../../src/harness/newman/code-cache.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('code caches on disk', () => {
  it('names a cache by the script and this Node, and reads back what was written', () => {
    dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
    const file = codeCacheFile(dir, 'newman', 'bundle:1');
    expect(file).toMatch(/newman-[0-9a-f]{16}\.cache$/);
    expect(codeCacheFile(dir, 'newman', 'bundle:2')).not.toBe(file);
    expect(readCodeCache(file)).toBeUndefined();
    writeCodeCache(file, Buffer.from('compiled'));
    expect(readCodeCache(file)?.toString()).toBe('compiled');
  });

  it('keeps the newest caches of a kind when it writes one, and leaves other kinds alone', () => {
    dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
    const old = Array.from({ length: 4 }, (_, i) => codeCacheFile(dir, 'newman', `another node ${i}`));
    old.forEach((file, i) => {
      writeFileSync(file, 'old');
      const minutesAgo = new Date(Date.now() - (10 - i) * 60_000);
      utimesSync(file, minutesAgo, minutesAgo);
    });
    writeFileSync(join(dir, 'sandbox-0123456789abcdef.cache'), 'other kind');
    const current = codeCacheFile(dir, 'newman', 'this node');
    writeCodeCache(current, Buffer.from('new'));
    const kept = readdirSync(dir).filter((name) => name.startsWith('newman-'));
    expect(kept.sort()).toEqual(
      [current, ...old.slice(-(CODE_CACHES_KEPT - 1))].map((f) => f.slice(dir.length + 1)).sort(),
    );
    expect(readdirSync(dir)).toContain('sandbox-0123456789abcdef.cache');
  });
});
