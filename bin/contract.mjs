#!/usr/bin/env node
// Starts the CLI from a pre-built bundle (dist/), rebuilding it first when a source file is newer than the build, and
// has the newman seam build newman's own bundle after an install.
// Why: under a TypeScript loader every import of vitest and newman goes through the loader's hooks, which tripled
// start-up; plain Node loading one bundled file of our code (dependencies left external) starts in a fraction.

import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureNewmanBundle } from '../src/harness/newman/newman-bundle.mjs';

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

function builtAt(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** Builds one bundle with esbuild; written aside and renamed, so two CLIs starting at once never load half a file. */
async function bundle(outfile, options) {
  const { build } = await import('esbuild');
  const result = await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    write: false,
    outfile,
    logLevel: 'error',
    ...options,
  });
  const temp = `${outfile}.${process.pid}.tmp`;
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(temp, result.outputFiles[0].text);
  renameSync(temp, outfile);
}

const installedAt = statSync(join(ROOT, 'package-lock.json')).mtimeMs;
if (builtAt(OUT) < Math.max(newestSource(join(ROOT, 'src')), installedAt)) {
  await bundle(OUT, { entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')], packages: 'external', format: 'esm' });
}
// newman as one file, which the harness's newman seam also loads.
await ensureNewmanBundle(ROOT);

await import(pathToFileURL(OUT).href);
