#!/usr/bin/env node
// Starts the CLI from a pre-built bundle (dist/), rebuilding it first when a source file is newer than the build.
// Why: under a TypeScript loader every import of vitest and newman goes through the loader's hooks, which tripled
// start-up; plain Node loading one bundled file of our code (dependencies left external) starts in a fraction.

import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'cli', 'main.mjs');

/** Newest modification time of the files the bundle is built from. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(OUT).mtimeMs;
  } catch {
    return -1;
  }
}

if (builtAt() < Math.max(newestSource(join(ROOT, 'src')), statSync(join(ROOT, 'package-lock.json')).mtimeMs)) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile: OUT,
    logLevel: 'error',
  });
  // Written aside and renamed: two CLIs starting at once never load a half-written bundle.
  const temp = `${OUT}.${process.pid}.tmp`;
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(temp, result.outputFiles[0].contents);
  renameSync(temp, OUT);
}

await import(pathToFileURL(OUT).href);
