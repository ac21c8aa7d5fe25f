// newman and the postman-runtime it runs on, as one file: built by the launcher (bin/contract.mjs), loaded by
// load-newman.ts. Plain JavaScript, because the launcher runs it before any TypeScript can load.
//
// Why: `require('newman')` reads, resolves and compiles ~800 modules (8 MB); one file skips the resolving, and V8's code
// cache for it (load-newman.ts) most of the compiling. Whitespace and comments go (a third of the size, less to read);
// names stay, so stack traces still read.

import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the bundle lives, under the project root; it exports `{ newman, Runner, rcFile }`. The name changes with what it
 * exports: a bundle of an older layout is rebuilt, not loaded.
 */
export const NEWMAN_BUNDLE = join('dist', 'newman', 'newman-runtime-rc.cjs');

/**
 * The bundle's entry: newman, the postman-runtime Runner newman runs on (script-free-runs.ts adjusts that Runner), and
 * newman's rc-file loader (no-rc-files.ts empties it), each the very module instance newman uses.
 */
const NEWMAN_ENTRY =
  "module.exports = { newman: require('newman'), Runner: require('postman-runtime').Runner, rcFile: require('newman/lib/config/rc-file') };";

/** Builds the bundle when package-lock.json is newer than it (an install since the last build); else leaves it. */
export async function ensureNewmanBundle(root) {
  const out = join(root, NEWMAN_BUNDLE);
  if (modifiedAt(out) >= modifiedAt(join(root, 'package-lock.json'))) return;
  // Old code caches name the bundle they were made for and are never read again, and bundles of another name are
  // from an older layout: they go with a rebuild.
  for (const name of readdirOptional(dirname(out))) {
    if (name.endsWith('.cache') || (name.endsWith('.cjs') && join(dirname(out), name) !== out))
      rmSync(join(dirname(out), name), { force: true });
  }
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: NEWMAN_ENTRY, resolveDir: root, sourcefile: 'newman-entry.cjs', loader: 'js' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    outfile: out,
    logLevel: 'error',
    minifyWhitespace: true,
    // Required only by postman-sandbox's own build step, never at run time.
    external: ['terser', 'browserify'],
  });
  // Written aside and renamed: two CLIs starting at once never load half a file.
  const temp = `${out}.${process.pid}.tmp`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(temp, asciiOnly(result.outputFiles[0].text));
  renameSync(temp, out);
}

/**
 * The text with every non-ASCII character written as a \u escape. Why: V8 holds a source with even one such character
 * as a two-byte string (22 MB for newman's bundle), slower to read and to compile; esbuild escapes them in strings but
 * leaves them in regular expressions where they follow a backslash. An escaped character (`\é`) is the character
 * itself, so its backslash gives way to the \u escape; escapes are valid in strings, templates, expressions, names.
 */
export function asciiOnly(text) {
  return text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, char) => {
    const escape = `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escape;
  });
}

function modifiedAt(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

function readdirOptional(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
