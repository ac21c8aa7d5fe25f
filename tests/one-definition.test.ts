// The shared helpers are written once: no file but src/is-object.ts defines an isObject-style guard, no file but
// src/verdict/case-key.ts spells a case key, and no file but src/loopback-server.ts starts a small loopback server.

import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : /\.ts$/.test(entry.name) ? [path] : [];
  });
}

const sources = filesUnder(join(ROOT, 'src')).map((path) => ({
  path: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

/** Files other than `home` whose text matches `pattern`. */
function elsewhere(home: string, pattern: RegExp, files = sources): string[] {
  return files.filter(({ path, text }) => path !== home && pattern.test(text)).map(({ path }) => path);
}

/** A function whose whole body is the object guard, whatever it is named. */
const OBJECT_GUARD =
  /function \w+\((\w+): unknown\): \1 is Record<string, unknown> \{\s*return typeof \1 === 'object' && \1 !== null[^;]*;\s*\}/;
/** A template literal that spells product/endpoint/version/caseId. */
const CASE_KEY = /`\$\{[\w.]*product\}\/\$\{[\w.]*endpoint\}\/\$\{[\w.]*version\}\/\$\{[\w.]*caseId\}`/;
/** A server listening on loopback at a free port. */
const LOOPBACK_LISTEN = /\.listen\(0, '127\.0\.0\.1'/;

describe('the shared helpers', () => {
  it('isObject is defined once, in src/is-object.ts', () => {
    expect(elsewhere('src/is-object.ts', OBJECT_GUARD)).toEqual([]);
  });

  it('a case key is spelled once, in src/verdict/case-key.ts', () => {
    expect(elsewhere('src/verdict/case-key.ts', CASE_KEY)).toEqual([]);
  });

  it('a small loopback server is started once, in src/loopback-server.ts (the mock keeps its own)', () => {
    expect(
      elsewhere('src/loopback-server.ts', LOOPBACK_LISTEN).filter((path) => !path.startsWith('src/mock/')),
    ).toEqual([]);
  });

  it('are recognised where they are written again', () => {
    const copies = [
      {
        path: 'a.ts',
        text: "function isRecord(value: unknown): value is Record<string, unknown> {\n  return typeof value === 'object' && value !== null;\n}",
      },
      { path: 'b.ts', text: 'const key = `${v.product}/${v.endpoint}/${v.version}/${v.caseId}`;' },
      { path: 'c.ts', text: "await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));" },
    ];
    expect([OBJECT_GUARD, CASE_KEY, LOOPBACK_LISTEN].map((pattern) => elsewhere('', pattern, copies))).toEqual([
      ['a.ts'],
      ['b.ts'],
      ['c.ts'],
    ]);
  });
});
