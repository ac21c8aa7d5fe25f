// `auth`: the scopes to request, and a Self Client grant code exchanged at the mock's accounts server, the refresh
// token written into a .env in a temporary folder and never printed.

import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { runCli } from '../support/run-cli.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => mock.close());

const client = () => ({
  ZOHO_CLIENT_ID: mock.variables['client_id'] ?? '',
  ZOHO_CLIENT_SECRET: mock.variables['client_secret'] ?? '',
  ZOHO_ACCOUNTS_URL: mock.url,
});

describe('auth', () => {
  it('--scopes prints the union the catalog and live mode need, broadest of each family, and the personas', async () => {
    const result = await runCli(['auth', '--scopes']);
    expect(result.code, result.stderr).toBe(0);
    const scopes = (result.stdout.split('\n')[1] ?? '').split(',');
    expect(scopes).toEqual(
      expect.arrayContaining([
        'ZohoCRM.modules.ALL',
        'ZohoCRM.settings.fields.READ',
        'ZohoCRM.users.READ',
        'ZohoCRM.org.READ',
        'ZohoBigin.modules.ALL',
        'contracts.meta.ALL',
      ]),
    );
    expect(scopes).not.toContain('contracts.meta.UPDATE');
    expect(result.stdout).toMatch(
      /^ {2}locking-scope-only +a token with ZohoCRM\.modules\.lockinginformation\.Update but no module scope$/m,
    );
  });

  it('exchanges a grant code for a refresh token written into the --dotenv file only with --write-env, never echoing it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zoho-auth-'));
    const envPath = join(dir, '.env');
    await writeFile(envPath, 'ZOHO_DATA_CENTRE=com\nZOHO_REFRESH_TOKEN=old-value\n');
    const canary = mock.variables['refresh_token'] ?? '';
    // Without --write-env nothing is exchanged (a grant code works once, and the token is never printed).
    const refused = await runCli(['auth', '--grant-code', mock.grantCode, '--dotenv', envPath], client());
    expect([refused.code, refused.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(refused.stderr).toContain('auth --grant-code needs --write-env');
    const result = await runCli(['auth', '--grant-code', mock.grantCode, '--write-env', '--dotenv', envPath], client());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^auth: refresh token received from http:\/\/127\.0\.0\.1:\d+\/oauth\/v2\/token \(api_domain http:\/\/127\.0\.0\.1:\d+\); written to .*\.env as ZOHO_REFRESH_TOKEN \(not shown\)$/m,
    );
    expect(`${result.stdout}${result.stderr}`.includes(canary)).toBe(false);
    expect(await readFile(envPath, 'utf8')).toBe(`ZOHO_DATA_CENTRE=com\nZOHO_REFRESH_TOKEN=${canary}\n`);
    expect((await stat(envPath)).mode & 0o777).toBe(0o600);
    // The code is spent: one line, exit 3, and the file is left as it was.
    const again = await runCli(['auth', '--grant-code', mock.grantCode, '--write-env', '--dotenv', envPath], client());
    expect([again.code, again.stderr.trim()]).toEqual([
      3,
      expect.stringMatching(/^error E_AUTH: grant code refused \(invalid_code\) \(a grant code works once/),
    ]);
    expect(await readFile(envPath, 'utf8')).toContain(canary);
  });

  it.each([
    [['auth'], /^error E_USAGE: auth needs --scopes or --grant-code <code>/],
    [
      ['auth', '--grant-code', 'x', '--write-env', '--persona', 'nobody'],
      /^error E_USAGE: --persona "nobody" is not a persona \(one of without-scope, no-permission/,
    ],
  ])('refuses %j in one line, exit 2', async (args, message) => {
    const result = await runCli(args, client());
    expect([result.code, result.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(result.stderr.trim()).toMatch(message);
  });
});
