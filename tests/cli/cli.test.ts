// The spawned CLI: help, bad input with one-line errors and exit 2, unreachable targets with exit 3.

import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('contract CLI', () => {
  it('prints help generated from the option table and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const flag of [
      '--product',
      '--endpoint',
      '--api-version',
      '--case',
      '--target',
      '--base-url',
      '--concurrency',
      '--bail',
      '--out',
    ])
      expect(result.stdout).toContain(flag);
  });

  it.each([
    [['--no-such-flag'], /^error E_USAGE: unknown option --no-such-flag \(see `npm run contract -- --help`\)$/],
    [['--concurrency'], /^error E_USAGE: option --concurrency needs a value/],
    [['--concurrency', '0'], /^error E_USAGE: --concurrency "0" is not a positive whole number/],
    [['--product', 'desk'], /^error E_NOTHING_SELECTED: no case matches --product desk/],
    [['--case', 'no case has this text'], /^error E_NOTHING_SELECTED: no case matches --case no case has this text/],
    [['--target', 'url'], /^error E_USAGE: --target url needs --base-url <url>/],
    [['--target', 'moon'], /^error E_USAGE: --target "moon" is not a target/],
    [['--base-url', 'not a url'], /^error E_CONFIG: --base-url "not a url" is not a URL/],
    [['frobnicate'], /^error E_USAGE: unknown command "frobnicate"/],
  ])('rejects %j with one line and exit 2', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('exits 3 with one line when --base-url is unreachable, before running any case', async () => {
    const port = await closedPort();
    const result = await runCli(['--base-url', `http://127.0.0.1:${port}`]);
    expect(result.code).toBe(3);
    expect(result.stderr.trim()).toMatch(
      new RegExp(`^error E_UNREACHABLE: target http://127\\.0\\.0\\.1:${port} is unreachable: connection refused`),
    );
  });

  it('lists the selected cases without running them', async () => {
    const result = await runCli(['--list', '--api-version', 'v2', '--case', 'locked']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(
      'crm › update-records › v2 › RECORD_LOCKED when the record is locked  [record-locked]',
    );
  });

  it('checks that the committed collections match the catalog', async () => {
    const result = await runCli(['collections', '--check']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/generated files match the catalog/);
  });
});
