// --target live, offline: the mock stands in for the accounts server and the API hosts through the URL overrides.

import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { startBreakingProxy } from '../support/breaking-proxy.ts';
import { ROOT } from '../support/docs.ts';
import { liveEnvironment, recordCounts } from '../support/mock-env.ts';
import { runCli } from '../support/run-cli.ts';

let mock: MockServer;
beforeEach(async () => {
  mock = await startMock();
});
afterEach(async () => mock.close());

/** A live .env pointed at this test's mock. */
function liveEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return liveEnvironment(mock, overrides);
}

describe('doctor', () => {
  it('checks configuration, the refresh (never printing the token), scopes and hosts, and exits 0', async () => {
    const result = await runCli(['doctor'], liveEnv());
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('configuration: ok (data centre com, sandbox)');
    expect(result.stdout).toMatch(/^token refresh: ok \(expires in 60 min, api_domain http:\/\/127\.0\.0\.1:\d+\)$/m);
    expect(result.stdout).toMatch(
      /^contracts: host http:\/\/127\.0\.0\.1:\d+ \(reachable\); scopes needed: .*; granted contracts\.meta\.UPDATE$/m,
    );
    expect(result.stdout).toContain('doctor: ready for --target live');
    expect(result.stdout).not.toMatch(/1000\.[0-9a-f]{64}/);
  });

  it('exits 3 when a host is unreachable, and 3 with one line when the refresh is refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = await runCli(['doctor'], liveEnv({ ZOHO_CONTRACTS_URL: `http://127.0.0.1:${port}` }));
    expect(unreachable.code).toBe(3);
    expect(unreachable.stdout).toMatch(
      new RegExp(`^contracts: host http://127\\.0\\.0\\.1:${port} \\(UNREACHABLE: connection refused`, 'm'),
    );
    const refused = await runCli(['doctor'], liveEnv({ ZOHO_REFRESH_TOKEN: 'wrong' }));
    expect([refused.code, refused.stderr.trim().split('\n').length]).toEqual([3, 1]);
  });
});

describe('--target live against the mock', () => {
  it('runs the live-provocable cases with one token refresh for the whole run, mock-only cases not applicable, no secret written', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zoho-live-'));
    const counts = () => recordCounts(mock);
    const before = counts();
    const result = await runCli(['--target', 'live', '--concurrency', '8', '--out', out], liveEnv());
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(mock.tokenRefreshes()).toBe(1);
    expect(counts()).toEqual(before);
    const ledger = JSON.parse(await readFile(join(out, 'fixtures.json'), 'utf8')) as {
      created: Array<{ id: string }>;
      deleted: Array<{ id: string }>;
    };
    // 220 fixtures (the read cases add records to read, the delete cases records made for deleting and one deleted
    // before the cases), and the records the Insert and Upsert cases created themselves (1 + 2 + 100 inserted, 1 upserted).
    expect(ledger.created.length).toBe(220 + 104);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...ledger.deleted].sort(byId)).toEqual([...ledger.created].sort(byId));
    // Every persona given by refresh token is refreshed once for the whole run, like the run's own token.
    for (const persona of [
      'token_without_scope',
      'token_no_permission',
      'token_restricted_user',
      'token_module_scope_only',
      'token_locking_scope_only',
    ])
      expect(mock.tokenRefreshes(persona), persona).toBe(1);
    expect(result.stdout).toMatch(
      /^Fixtures: created 220 records tagged "zoho-contract-suite [^"]+" \(ledger .*fixtures\.json\)$/m,
    );
    expect(result.stdout).toContain('Fixtures: deleted all 324 records');
    expect(result.stdout).toMatch(
      /^Live run: sandbox org in data centre com, API http:\/\/127\.0\.0\.1:\d+, Contracts http:\/\/127\.0\.0\.1:\d+ \(one token refresh for the whole run, one per persona: 5\)$/m,
    );
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.target.kind).toBe('live');
    // Every API call is counted (metadata, fixtures, cases, clean-up) at 1 credit each; --concurrency 8 stays under the
    // demo org's Enterprise limit of 20.
    const usage = summary.apiUsage;
    expect(usage?.concurrency).toEqual({ limit: 8, source: 'flag', edition: 'enterprise' });
    expect(usage?.byPhase.cases).toBe(summary.totals.passed + summary.totals.failed + summary.totals.errors);
    expect([usage?.calls, usage?.credits]).toEqual([
      Object.values(usage?.byPhase ?? {}).reduce((a, b) => a + b, 0),
      usage?.calls,
    ]);
    // Planned before anything was written, and spent to the call: no call the plan did not need.
    expect(usage?.planned?.calls).toBe(usage?.calls);
    expect(result.stdout).toContain(
      `Plan: ${usage?.calls} calls, ${usage?.calls} credits (metadata ${usage?.byPhase.metadata}, fixtures ${usage?.byPhase.fixtures}, cases ${usage?.byPhase.cases}, clean-up ${usage?.byPhase.cleanup}); the org does not report its remaining credits`,
    );
    expect(result.stdout).toContain(
      `API calls: ${usage?.calls} of ${usage?.calls} planned (metadata ${usage?.byPhase.metadata}, fixtures ${usage?.byPhase.fixtures}, cases ${usage?.byPhase.cases}, clean-up ${usage?.byPhase.cleanup}), ${usage?.calls} credits at 1 per call (${usage?.calls} planned); at most 8 at once (--concurrency)`,
    );
    expect(summary.totals.failed).toBe(0);
    const inapplicable = summary.verdicts.filter((v) => v.outcome === 'not-applicable');
    expect(inapplicable.length).toBeGreaterThan(0);
    expect(inapplicable.every((v) => v.reason === 'live cannot provoke it (mock only)')).toBe(true);
    expect(summary.totals.notChecked).toBe(0);
    const secrets = [mock.variables['client_secret'], mock.variables['refresh_token']].filter((s): s is string =>
      Boolean(s),
    );
    for (const file of await readdir(out))
      for (const secret of secrets)
        expect((await readFile(join(out, file), 'utf8')).includes(secret), file).toBe(false);
    for (const secret of secrets) expect(result.stdout.includes(secret)).toBe(false);
  });

  it('refreshes exactly once more when the token expires mid-run, and every case still passes', async () => {
    await mock.close();
    // The test owns the mock's clock: two hours pass once the run is under way, so the first token expires exactly once.
    // It starts at the real time, and the run allows three hours of clock skew for the records written after the jump.
    let clock = Date.now();
    mock = await startMock({ now: () => new Date(clock) });
    let puts = 0;
    const slow = await startBreakingProxy(
      mock.url,
      (r, req) => {
        if (req.method === 'PUT' && ++puts === 20) clock += 2 * 3_600_000;
        return r;
      },
      20,
    );
    try {
      const out = await mkdtemp(join(tmpdir(), 'zoho-live-expiry-'));
      const result = await runCli(
        ['--target', 'live', '--product', 'crm', '--endpoint', 'update-records', '--clock-skew', '10800', '--out', out],
        liveEnv({ ZOHO_API_DOMAIN: slow.url }),
      );
      expect(result.code, result.stdout + result.stderr).toBe(0);
      const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;
      expect(summary.totals.failed).toBe(0);
      expect(mock.tokenRefreshes()).toBe(2);
      // Only the fixtures update-records' cases use: 101 bulk Leads, three more Leads, a Deal and an Event.
      expect(result.stdout).toContain('Fixtures: deleted all 106 records');
    } finally {
      await slow.close();
    }
  });

  it('cleans up what a killed run left behind, from its ledger', async () => {
    const create = await fetch(`${mock.url}/crm/v8/Leads`, {
      method: 'POST',
      headers: { Authorization: `Zoho-oauthtoken ${mock.variables['access_token']}` },
      body: JSON.stringify({ data: [{ Last_Name: 'left 1' }, { Last_Name: 'left 2' }] }),
    });
    const ids = ((await create.json()) as { data: Array<{ details: { id: string } }> }).data.map((e) => e.details.id);
    const before = mock.countRecords('Leads');
    const runId = `killed-${Date.now()}`;
    const dir = join(ROOT, 'reports', runId);
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'fixtures.json'),
      JSON.stringify({ runId, apiDomain: mock.url, created: ids.map((id) => ({ module: 'Leads', id })), deleted: [] }),
    );
    const result = await runCli(['cleanup', '--run-id', runId], liveEnv());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`cleanup ${runId}: deleted 2 of 2 leftover records`);
    expect(mock.countRecords('Leads')).toBe(before - 2);
    expect((await runCli(['cleanup', '--run-id', runId], liveEnv())).stdout).toContain(
      'cleanup: nothing left to delete',
    );
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 3 in one line when the org does not answer its metadata reads, though vitest was starting meanwhile', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const out = await mkdtemp(join(tmpdir(), 'live-unanswered-'));
    try {
      const result = await runCli(
        ['--target', 'live', '--out', out],
        liveEnv({ ZOHO_API_DOMAIN: `http://127.0.0.1:${port}` }),
      );
      expect(result.code).toBe(3);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`http://127.0.0.1:${port}`);
      expect(mock.tokenRefreshes()).toBe(1);
      // Nothing was created, so the ledger lists nothing left behind.
      expect(JSON.parse(await readFile(join(out, 'fixtures.json'), 'utf8'))).toMatchObject({ created: [] });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a production org without --allow-production (exit 2), before refreshing any token', async () => {
    const result = await runCli(['--target', 'live'], liveEnv({ ZOHO_ENVIRONMENT: 'production' }));
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'error E_USAGE: ZOHO_ENVIRONMENT is production: a live run creates and updates records there (point it at a sandbox or developer org, or pass --allow-production)',
    );
    expect(mock.tokenRefreshes()).toBe(0);
  });

  it.each([
    [
      'a bad refresh token',
      { ZOHO_REFRESH_TOKEN: 'wrong' },
      3,
      /^error E_AUTH: token refresh refused \(invalid_code\) \(the refresh token is wrong, revoked, or from another data centre/,
    ],
    [
      'a bad client secret',
      { ZOHO_CLIENT_SECRET: 'wrong' },
      3,
      /^error E_AUTH: token refresh refused \(invalid_client\)/,
    ],
    ['a missing variable', { ZOHO_CLIENT_ID: '' }, 2, /^error E_CONFIG: live configuration: ZOHO_CLIENT_ID is missing/],
    ['an unknown data centre', { ZOHO_DATA_CENTRE: 'mars' }, 2, /ZOHO_DATA_CENTRE "mars" is not one of/],
    ['a malformed URL', { ZOHO_ACCOUNTS_URL: 'not a url' }, 2, /ZOHO_ACCOUNTS_URL "not a url" is not an http\(s\) URL/],
  ])('reports %s in one line with its exit code', async (_name, overrides, code, message) => {
    const result = await runCli(['--target', 'live'], liveEnv(overrides));
    expect(result.code).toBe(code);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
  });
});
