// The headless browser of the HTML report test: the Chromium that @sparticuz/chromium ships inside its npm package.

import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './docs.ts';

const PACKAGE_JSON = join(ROOT, 'node_modules', '@sparticuz', 'chromium', 'package.json');
const PACKAGE_VERSION = String((JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version?: unknown }).version);
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', `sparticuz-chromium-${PACKAGE_VERSION}`);

/** Flags for a closed network: no GPU, no QUIC, nothing that phones home or updates itself. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The path of a Chromium binary: CHROMIUM_PATH when set, else the package's brotli-packed binary,
 * unpacked once into node_modules/.cache. The package unpacks into os.tmpdir() and trusts any file
 * already there, so it unpacks into a private staging folder that is then renamed into place:
 * two runs unpacking at once never launch a half-written binary.
 */
export async function chromiumExecutable(): Promise<string> {
  const override = process.env['CHROMIUM_PATH'];
  if (override !== undefined && override !== '') return override;
  const binary = join(CACHE_DIR, 'chromium');
  if (existsSync(binary)) return binary;
  await mkdir(join(CACHE_DIR, '..'), { recursive: true });
  const staging = await mkdtemp(`${CACHE_DIR}.partial-`);
  const tmpdir = process.env['TMPDIR'];
  process.env['TMPDIR'] = staging;
  try {
    await sparticuz.executablePath();
  } finally {
    if (tmpdir === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = tmpdir;
  }
  await rename(staging, CACHE_DIR).catch(async (error: unknown) => {
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(binary)) throw error;
  });
  return binary;
}

/** A headless Chromium with a fresh profile (playwright's launch makes one per browser and removes it on close). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumExecutable(), args: FLAGS });
}
