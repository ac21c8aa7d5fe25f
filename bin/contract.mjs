#!/usr/bin/env node
// Starts the CLI from a pre-built bundle (dist/), rebuilding it first when a source file is newer than the build.
// Why: under a TypeScript loader every import of vitest and newman goes through the loader's hooks, which tripled
// start-up; plain Node loading one bundled file of our code (dependencies left external) starts in a fraction.

import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'cli', 'main.mjs');
// newman and its dependencies as one file, which src/harness/load-newman.ts loads with V8's code cache. It exports
// newman and the postman-runtime Runner newman runs on (src/harness/script-free-runs.ts adjusts that Runner).
const NEWMAN_OUT = join(ROOT, 'dist', 'newman', 'newman-and-runtime.cjs');
const NEWMAN_ENTRY = "module.exports = { newman: require('newman'), Runner: require('postman-runtime').Runner };";

/** Newest modification time of the files the bundle is built from. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(path) {
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

/** Builds one bundle with esbuild; written aside and renamed, so two CLIs starting at once never load half a file. */
async function bundle(outfile, options, finish = (text) => text) {
  const { build } = await import('esbuild');
  const result = await build({ bundle: true, platform: 'node', target: 'node20', write: false, outfile, logLevel: 'error', ...options });
  const temp = `${outfile}.${process.pid}.tmp`;
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(temp, finish(result.outputFiles[0].text));
  renameSync(temp, outfile);
}

/**
 * The text with every non-ASCII character written as a \u escape. Why: V8 holds a source with even one such character
 * as a two-byte string (22 MB for newman's bundle), slower to read and to compile; esbuild escapes them in strings but
 * leaves them in regular expressions where they follow a backslash. An escaped character (`\é`) is the character
 * itself, so its backslash gives way to the \u escape; escapes are valid in strings, templates, expressions, names.
 */
function asciiOnly(text) {
  return text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, char) => {
    const escape = `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escape;
  });
}

const installedAt = statSync(join(ROOT, 'package-lock.json')).mtimeMs;
if (builtAt(OUT) < Math.max(newestSource(join(ROOT, 'src')), installedAt)) {
  await bundle(OUT, { entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')], packages: 'external', format: 'esm' });
}
if (builtAt(NEWMAN_OUT) < installedAt) {
  // Old code caches name the bundle they were made for and are never read again, and bundles of another name are
  // from an older layout: they go with a rebuild.
  for (const name of readdirOptional(dirname(NEWMAN_OUT))) {
    if (name.endsWith('.cache') || (name.endsWith('.cjs') && join(dirname(NEWMAN_OUT), name) !== NEWMAN_OUT)) rmSync(join(dirname(NEWMAN_OUT), name), { force: true });
  }
  // terser and browserify: required only by postman-sandbox's own build step, never at run time.
  // Whitespace and comments go (a third of the size, less to read); names stay, so stack traces still read.
  const entry = { contents: NEWMAN_ENTRY, resolveDir: ROOT, sourcefile: 'newman-entry.cjs', loader: 'js' };
  await bundle(NEWMAN_OUT, { stdin: entry, format: 'cjs', external: ['terser', 'browserify'], minifyWhitespace: true }, asciiOnly);
}

await import(pathToFileURL(OUT).href);
