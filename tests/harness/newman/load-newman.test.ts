// newman from the launcher's one-file bundle with V8's code cache, or from node_modules when that bundle is not current.

import { isAscii } from 'node:buffer';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWMAN_BUNDLE, loadNewman, type Newman } from '../../../src/harness/newman/load-newman.ts';
import { startMock, type MockServer } from '../../../src/mock/index.ts';
import { ROOT } from '../../support/docs.ts';
import { runCli } from '../../support/run-cli.ts';

let root: string;
let mock: MockServer;

beforeAll(async () => {
  // The launcher builds dist/newman/newman-runtime-rc.cjs when package-lock.json is newer than it; --help needs nothing else.
  expect((await runCli(['--help'])).code).toBe(0);
  root = mkdtempSync(join(tmpdir(), 'load-newman-'));
  writeFileSync(join(root, 'package-lock.json'), '{}');
  utimesSync(join(root, 'package-lock.json'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
  mkdirSync(join(root, 'dist', 'newman'), { recursive: true });
  copyFileSync(join(ROOT, NEWMAN_BUNDLE), join(root, NEWMAN_BUNDLE));
  mock = await startMock();
}, 120_000);
afterAll(async () => {
  await mock.close();
  rmSync(root, { recursive: true, force: true });
});

/** Sends one request with `newman` and returns the status it got. */
function statusOf(newman: Newman): Promise<number | undefined> {
  const collection = {
    info: { name: 'probe', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [{ name: 'environment', request: { method: 'GET', url: `${mock.url}/__mock/environment` } }],
  };
  return new Promise((resolve, reject) => {
    newman.run({ collection, reporters: [] }, (error, summary) => {
      if (error) reject(error);
      else resolve(summary.run.executions[0]?.response?.code);
    });
  });
}

describe('loadNewman', () => {
  it('runs the bundle when it is current, and after saving the code cache the next load uses it', async () => {
    const first = await loadNewman(root);
    expect(first.source).toBe('bundle');
    expect(await statusOf(first.newman)).toBe(200);
    first.saveCodeCache();
    expect(readdirSync(join(root, 'dist', 'newman')).filter((name) => name.endsWith('.cache'))).toHaveLength(1);
    const second = await loadNewman(root);
    expect(second.source).toBe('bundle+cache');
    expect(await statusOf(second.newman)).toBe(200);
  }, 60_000);

  it('is the installed newman: the bundle carries the version node_modules has', () => {
    const installed = (
      JSON.parse(readFileSync(join(ROOT, 'node_modules', 'newman', 'package.json'), 'utf8')) as { version: string }
    ).version;
    expect(readFileSync(join(root, NEWMAN_BUNDLE), 'utf8')).toMatch(
      new RegExp(`name: ?"newman",\\s*version: ?"${installed.replaceAll('.', '\\.')}"`),
    );
  });

  it('is written in ASCII, so V8 keeps it one byte a character (non-ASCII characters become \\u escapes)', () => {
    const bundle = readFileSync(join(root, NEWMAN_BUNDLE));
    expect(isAscii(bundle)).toBe(true);
    // One that esbuild leaves as it is: a character after a backslash in a regular expression (faker's slugify).
    expect(bundle.toString('latin1')).toContain('.replace(/[^\\u4e00-\\u9fa0');
  });

  it('never offers a cache made for another bundle: a rebuilt bundle loads without one', async () => {
    utimesSync(join(root, NEWMAN_BUNDLE), new Date(), new Date(Date.now() + 1_000));
    expect((await loadNewman(root)).source).toBe('bundle');
  }, 60_000);

  it('falls back to node_modules when package-lock.json is newer than the bundle (an install since the build)', async () => {
    utimesSync(join(root, 'package-lock.json'), new Date(), new Date(Date.now() + 60_000));
    expect((await loadNewman(root)).source).toBe('node_modules');
    expect((await loadNewman(undefined)).source).toBe('node_modules');
  });

  it('falls back to node_modules, saying why, when a current bundle does not load as { newman, Runner }', async () => {
    const other = mkdtempSync(join(tmpdir(), 'load-newman-'));
    try {
      writeFileSync(join(other, 'package-lock.json'), '{}');
      utimesSync(join(other, 'package-lock.json'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      mkdirSync(join(other, 'dist', 'newman'), { recursive: true });
      writeFileSync(join(other, NEWMAN_BUNDLE), 'module.exports = { Runner: function Runner() {} };');
      const loaded = await loadNewman(other);
      expect([loaded.source, loaded.bundleFailure]).toEqual([
        'node_modules',
        `the newman bundle (${NEWMAN_BUNDLE}) does not load as { newman, Runner }: it exports no newman.run`,
      ]);
      expect(await statusOf(loaded.newman)).toBe(200);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  }, 60_000);
});
