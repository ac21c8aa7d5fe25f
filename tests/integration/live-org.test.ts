// --target live against the mock playing a stricter org (extra mandatory text, picklist and date fields, a custom
// module with another name and a mandatory lookup, no Custom_Module1), at the edition's concurrency limit, with latency.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOrgProfile, startMock, type MockServer } from '../../src/mock/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { ROOT } from '../support/docs.ts';
import { mockEnvironment, recordCounts } from '../support/mock-env.ts';
import { runCli } from '../support/run-cli.ts';

const STRICT = join(ROOT, 'tests/fixtures/org-profiles/strict-org.json');
const MODULES = [
  'Leads',
  'Accounts',
  'Contacts',
  'Deals',
  'Events',
  'Projects_Tracker',
  'bigin:Deals',
  'bigin:Contacts',
  'bigin:Accounts',
  'bigin:Products',
];

let mock: MockServer | undefined;
afterEach(async () => mock?.close());

/** A live .env pointed at the mock; no access token (live mode gets its own) and no custom module named (it reads the org's). */
function liveEnv(server: MockServer): Record<string, string> {
  const { ZOHO_ACCESS_TOKEN: _token, ZOHO_LOCKING_CUSTOM_MODULE: _module, ...env } = mockEnvironment(server);
  return {
    ...env,
    ZOHO_ACCOUNTS_URL: server.url,
    ZOHO_API_DOMAIN: server.url,
    ZOHO_CONTRACTS_URL: server.contractsUrl,
    ZOHO_ENVIRONMENT: 'sandbox',
  };
}

async function liveRun(
  server: MockServer,
  args: readonly string[] = [],
): Promise<{ code: number | null; stdout: string; summary: RunSummary }> {
  const out = await mkdtemp(join(tmpdir(), 'zoho-live-org-'));
  const result = await runCli(['--target', 'live', '--out', out, ...args], liveEnv(server));
  const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8').catch(() => '{}')) as RunSummary;
  return { code: result.code, stdout: result.stdout + result.stderr, summary };
}

describe('a live rehearsal against a strict org', () => {
  it("builds every fixture to the org, passes every case it can, locks in the org's custom module, keeps to the edition's limit, leaves nothing behind", async () => {
    // 300 ms a call, as over the network: enough calls overlap to reach the limit (starting a newman run costs CPU).
    mock = await startMock({ org: await readOrgProfile(STRICT), latencyMs: 300 });
    const counts = (server: MockServer) => recordCounts(server, MODULES);
    const before = counts(mock);
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, (mock as MockServer).inFlight())), 2);
    // --allow-partial: this org has no Campaigns module, so no ZOHO_CAMPAIGN_ID; that case is not checked, and says so.
    const { code, stdout, summary } = await liveRun(mock, ['--allow-partial']).finally(() => clearInterval(watch));
    expect(code, stdout).toBe(0);
    expect(summary.totals.failed + summary.totals.errors, stdout).toBe(0);
    const participantsHidden =
      'Events does not show the field Participants to this user; Zoho documents it in every org';
    expect(summary.verdicts.filter((v) => v.outcome === 'not-checked').map((v) => v.reason)).toEqual([
      'not configured for this target: ZOHO_CAMPAIGN_ID',
      'not configured for this target: ZOHO_CAMPAIGN_ID',
      participantsHidden,
      participantsHidden,
      participantsHidden,
    ]);
    expect(summary.totals.passed).toBeGreaterThan(100);
    expect(stdout).toContain('Org: professional edition, user Patricia Boyle; at most 15 calls at once');
    expect(stdout).toContain(
      'Org: custom module for record locking: Projects_Tracker (the first custom module the org lists)',
    );
    const custom = summary.verdicts.filter(
      (v) => v.endpoint === 'update-record-locking-information' && v.caseId === 'success-custom-module1',
    );
    expect(custom.length).toBeGreaterThan(0);
    expect(custom.map((v) => v.outcome)).toEqual(custom.map(() => 'pass'));
    // A standard field the org does not show is hidden from this user, never "not applicable": not checked, with the fix.
    const participants = summary.verdicts.filter((v) => v.caseId === 'limit-exceeded-participants');
    expect(participants.map((v) => [v.outcome, v.notChecked?.cause, v.notChecked?.fix])).toEqual(
      participants.map(() => [
        'not-checked',
        'org-access',
        "give this user's profile access to Events.Participants (field permissions, Setup > Users and Control > Security Control > Profiles)",
      ]),
    );
    expect(summary.verdicts.filter((v) => v.outcome === 'not-applicable' && v.reason.includes('to this org'))).toEqual(
      [],
    );
    expect(counts(mock)).toEqual(before);
    expect(stdout).toMatch(/^Fixtures: deleted all \d+ records$/m);
    // At the edition's limit (15 CRM calls in flight), and never over it: the mock turned nothing away.
    expect(summary.apiUsage?.concurrency).toEqual({ limit: 15, source: 'edition', edition: 'professional' });
    expect(mock.provoked()['TOO_MANY_REQUESTS:concurrency'] ?? 0).toBe(0);
    expect(summary.verdicts.filter((v) => v.throttleRetries)).toEqual([]);
    expect(most).toBeGreaterThanOrEqual(8);
    expect(most).toBeLessThanOrEqual(15);
  });

  it('draws 429s when the org allows fewer calls than its edition says: the no-429 check above can fail', async () => {
    mock = await startMock({ org: await readOrgProfile(STRICT), latencyMs: 20, concurrencyLimit: 1 });
    const { summary } = await liveRun(mock, [
      '--product',
      'crm',
      '--endpoint',
      'update-records',
      '--api-version',
      'v8',
    ]);
    expect(summary.apiUsage?.concurrency.limit).toBe(15);
    expect(mock.provoked()['TOO_MANY_REQUESTS:concurrency'] ?? 0, JSON.stringify(mock.provoked())).toBeGreaterThan(0);
  });

  it("makes the cases of a lock the org refuses errors with the org's answer: never not applicable, never green", async () => {
    const profile = await readOrgProfile(STRICT);
    const modules = new Map(profile.modules);
    const custom = modules.get('Projects_Tracker');
    modules.set('Projects_Tracker', { ...(custom as NonNullable<typeof custom>), lockable: false });
    mock = await startMock({ org: { ...profile, modules } });
    const before = recordCounts(mock as MockServer, MODULES);
    const { code, stdout, summary } = await liveRun(mock, [
      '--product',
      'crm',
      '--endpoint',
      'update-record-locking-information',
      '--api-version',
      'v8',
      '--allow-partial',
    ]);
    // An error, so exit 3, even with --allow-partial.
    expect(code, stdout).toBe(3);
    const refused =
      'the org refused to lock the Projects_Tracker fixture: HTTP 400 INVALID_MODULE "The module name given seems to be invalid."';
    const locked = summary.verdicts.find((v) => v.caseId === 'success-custom-module1');
    expect([locked?.outcome, locked?.reason, locked?.findings.map((f) => f.kind)]).toEqual([
      'error',
      refused,
      ['setup'],
    ]);
    expect(stdout).toContain(
      `Fixtures: error: ${refused}; 1 case(s) not sent: crm/update-record-locking-information/v8/success-custom-module1`,
    );
    expect(summary.verdicts.filter((v) => v.caseId === 'success-leads').map((v) => v.outcome)).toEqual(['pass']);
    // The record it would not lock (and the Accounts record that record looks up) were deleted like every other.
    expect(recordCounts(mock as MockServer, MODULES)).toEqual(before);
    expect(stdout).toMatch(/^Fixtures: deleted all \d+ records$/m);
  });

  it('doctor reads the org and says which cases it can run, which it cannot and what each needs, writing nothing', async () => {
    mock = await startMock({ org: await readOrgProfile(STRICT) });
    const before = recordCounts(mock as MockServer, MODULES);
    const { ZOHO_REFRESH_TOKEN_WITHOUT_SCOPE: _persona, ZOHO_TOKEN_WITHOUT_SCOPE: _static, ...env } = liveEnv(mock);
    const result = await runCli(['doctor'], env);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('org: professional edition, at most 15 calls at once; user Patricia Boyle');
    expect(result.stdout).toContain(
      'org: custom module for record locking: Projects_Tracker (the first custom module the org lists)',
    );
    // Settled as a run settles them: this professional org lacks nothing documented, so nothing is not applicable.
    expect(result.stdout).toMatch(
      /^cases: \d+ of \d+ live cases can run against this org; 0 not applicable here \(the org lacks what they need\), [1-9]\d* would not be checked \(each says what to do\)$/m,
    );
    expect(result.stdout).toContain(
      "  not checked: crm › update-records › limit-exceeded-participants [v2, v2.1, v8]: needs a field: Events does not show the field Participants to this user; Zoho documents it in every org (fix: give this user's profile access to Events.Participants",
    );
    expect(result.stdout).toMatch(
      /^ {2}not checked: crm › update-records › oauth-scope-mismatch \[v2, v2\.1, v8\]: needs a persona: ZOHO_REFRESH_TOKEN_WITHOUT_SCOPE: /m,
    );
    expect(recordCounts(mock as MockServer, MODULES)).toEqual(before);
  });
});
