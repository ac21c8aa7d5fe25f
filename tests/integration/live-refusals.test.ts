// Live rehearsals against orgs that misbehave one way each, through a proxy in front of the mock: what a run cannot
// check is never "not applicable" unless the org lacks a documented capability, and a refusal is never green.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { liveEnvironment, recordCounts } from '../support/mock-env.ts';
import { isInsert, startOrgProxy, type OrgProxy } from '../support/org-proxy.ts';
import { runCli } from '../support/run-cli.ts';

const UPDATE_V8 = ['--product', 'crm', '--endpoint', 'update-records', '--api-version', 'v8'];
const LOCKING_V8 = ['--product', 'crm', '--endpoint', 'update-record-locking-information', '--api-version', 'v8'];

let mock: MockServer | undefined;
let proxy: OrgProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await mock?.close();
  proxy = undefined;
});

async function liveRun(
  apiDomain: string,
  args: readonly string[],
  overrides: Record<string, string> = {},
): Promise<{ code: number | null; output: string; summary: RunSummary }> {
  const out = await mkdtemp(join(tmpdir(), 'zoho-live-refusal-'));
  const env = liveEnvironment(mock as MockServer, { ZOHO_API_DOMAIN: apiDomain, ...overrides });
  const result = await runCli(['--target', 'live', '--out', out, ...args], env);
  const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8').catch(() => '{}')) as RunSummary;
  return { code: result.code, output: result.stdout + result.stderr, summary };
}

const toThisOrg = (summary: RunSummary) =>
  summary.verdicts.filter((v) => v.outcome === 'not-applicable' && v.reason.includes('to this org'));

describe('a live run against an org that refuses its fixtures', () => {
  it('is an error, not green even with --allow-partial, when every insert is answered 500: the reason names the code', async () => {
    mock = await startMock();
    const before = recordCounts(mock);
    proxy = await startOrgProxy(mock.url, {
      intercept: (request) =>
        isInsert(request)
          ? {
              status: 500,
              body: { code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' },
            }
          : undefined,
    });
    const { code, output, summary } = await liveRun(proxy.url, [...UPDATE_V8, '--allow-partial']);
    expect(code, output).toBe(3);
    const refused = 'the org refused the Leads fixture: HTTP 500 INTERNAL_ERROR "Internal Server Error"';
    const success = summary.verdicts.find((v) => v.caseId === 'success-single');
    expect([success?.outcome, success?.reason]).toEqual(['error', refused]);
    expect(summary.totals.errors).toBeGreaterThan(10);
    expect(toThisOrg(summary)).toEqual([]);
    expect(output).toMatch(
      /^Fixtures: error: the org refused the Leads fixture: HTTP 500 INTERNAL_ERROR .*not sent: /m,
    );
    expect(recordCounts(mock)).toEqual(before);
  });

  it('passes through the same proxy when the org accepts the inserts: the error above comes from the refusal', async () => {
    mock = await startMock();
    proxy = await startOrgProxy(mock.url);
    const { code, output, summary } = await liveRun(proxy.url, [...UPDATE_V8, '--allow-partial']);
    expect(code, output).toBe(0);
    expect(summary.totals.errors).toBe(0);
    expect(summary.verdicts.find((v) => v.caseId === 'success-single')?.outcome).toBe('pass');
    // The locked record ZOHO_LOCKED_RECORD_ID names exists: its case is sent (the test below names one that does not).
    expect(summary.verdicts.find((v) => v.caseId === 'record-locked')?.outcome).toBe('pass');
  });

  it('names the field and the value the suite planned when the org answers INVALID_DATA on it, as an error', async () => {
    mock = await startMock();
    const before = recordCounts(mock);
    proxy = await startOrgProxy(mock.url, {
      intercept: (request) => {
        if (!isInsert(request, 'Leads')) return undefined;
        const sent = JSON.parse(request.body) as { data: unknown[] };
        return {
          status: 202,
          body: {
            data: sent.data.map(() => ({
              code: 'INVALID_DATA',
              details: { api_name: 'Last_Name', expected_data_type: 'text' },
              message: 'invalid data',
              status: 'error',
            })),
          },
        };
      },
    });
    const { code, output, summary } = await liveRun(proxy.url, [...UPDATE_V8, '--allow-partial']);
    expect(code, output).toBe(3);
    const success = summary.verdicts.find((v) => v.caseId === 'success-single');
    expect(success?.outcome).toBe('error');
    expect(success?.reason).toMatch(
      /^the org refused the value the suite planned for Leads\.Last_Name \("zoho-contract-suite [^"]+"\): HTTP 202 INVALID_DATA "invalid data"$/,
    );
    expect(recordCounts(mock)).toEqual(before);
  });

  it('is an error when the org refuses a lock, with its answer', async () => {
    mock = await startMock();
    proxy = await startOrgProxy(mock.url, {
      intercept: (request) =>
        request.method === 'POST' && /\/Custom_Module1\/\d+\/Locking_Information__s$/.test(request.path)
          ? {
              status: 403,
              body: { code: 'NOT_ALLOWED', details: {}, message: 'the record is already locked', status: 'error' },
            }
          : undefined,
    });
    const { code, output, summary } = await liveRun(proxy.url, [...LOCKING_V8, '--allow-partial']);
    expect(code, output).toBe(3);
    const custom = summary.verdicts.find((v) => v.caseId === 'success-custom-module1');
    expect([custom?.outcome, custom?.reason]).toEqual([
      'error',
      'the org refused to lock the Custom_Module1 fixture: HTTP 403 NOT_ALLOWED "the record is already locked"',
    ]);
    expect(summary.verdicts.find((v) => v.caseId === 'success-leads')?.outcome).toBe('pass');
    expect(output).toMatch(/^Fixtures: deleted all \d+ records$/m);
  });
});

describe('a live run against an org that hides what every org has', () => {
  it('leaves the cases not checked, naming the fix, when the modules list shows this user nothing: never not applicable', async () => {
    mock = await startMock();
    proxy = await startOrgProxy(mock.url, {
      edit: (request, answer) =>
        /\/settings\/modules(\?|$)/.test(request.path) ? { status: 200, body: { modules: [] } } : answer,
    });
    const { code, output, summary } = await liveRun(proxy.url, UPDATE_V8);
    // Every case of this endpoint needs a Leads or Events record: nothing is checked, which is exit 3 (as for any run).
    expect(code, output).toBe(3);
    expect(toThisOrg(summary)).toEqual([]);
    const success = summary.verdicts.find((v) => v.caseId === 'success-single');
    expect([success?.outcome, success?.notChecked?.cause, success?.reason]).toEqual([
      'not-checked',
      'org-access',
      'the org lists no modules to this user, not even Leads, which every org has',
    ]);
    expect(success?.notChecked?.fix).toContain("give this user's profile access to Leads");
    expect(output).toMatch(/^error E_NOTHING_CHECKED: .*the org lists no modules to this user/m);
    expect(output).toContain("give this user's profile access to Leads");
  });

  it('doctor says the same before anything is written', async () => {
    mock = await startMock();
    proxy = await startOrgProxy(mock.url, {
      edit: (request, answer) =>
        /\/settings\/modules(\?|$)/.test(request.path) ? { status: 200, body: { modules: [] } } : answer,
    });
    const before = recordCounts(mock);
    const result = await runCli(['doctor'], liveEnvironment(mock, { ZOHO_API_DOMAIN: proxy.url }));
    expect(result.stdout).toMatch(/ 0 not applicable here /);
    expect(result.stdout).not.toContain('  not applicable:');
    expect(result.stdout).toContain(
      '  not checked: crm › update-records › success-single [v2, v2.1, v8]: needs a fixture: the org lists no modules to this user, not even Leads, which every org has',
    );
    expect(recordCounts(mock)).toEqual(before);
  });
});

describe('a live run whose configuration names what the org does not have', () => {
  it('exits 2 naming ZOHO_LOCKING_CUSTOM_MODULE when it names a module the org lacks', async () => {
    mock = await startMock();
    const { code, output, summary } = await liveRun(mock.url, LOCKING_V8, {
      ZOHO_LOCKING_CUSTOM_MODULE: 'Custom_Modul1',
    });
    expect(code, output).toBe(2);
    const custom = summary.verdicts.find((v) => v.caseId === 'success-custom-module1');
    expect([custom?.outcome, custom?.notChecked?.cause]).toEqual(['not-checked', 'configuration']);
    expect(output).toMatch(
      /^error E_NOT_CHECKED: .*ZOHO_LOCKING_CUSTOM_MODULE names Custom_Modul1, which is not a custom module of this org the API can write \(its custom modules: Custom_Module1\)/m,
    );
    expect(toThisOrg(summary)).toEqual([]);
  });

  it('exits 2 naming ZOHO_LOCKED_RECORD_ID when it names a record the org does not have', async () => {
    mock = await startMock();
    const { code, output, summary } = await liveRun(mock.url, UPDATE_V8, {
      ZOHO_LOCKED_RECORD_ID: '3652397000000999999',
    });
    expect(code, output).toBe(2);
    const locked = summary.verdicts.find((v) => v.caseId === 'record-locked');
    expect([locked?.outcome, locked?.notChecked?.cause, locked?.reason]).toEqual([
      'not-checked',
      'configuration',
      'ZOHO_LOCKED_RECORD_ID names 3652397000000999999, which is no Leads record of this org',
    ]);
    expect(output).toMatch(/^error E_NOT_CHECKED: .*ZOHO_LOCKED_RECORD_ID names 3652397000000999999/m);
  });
});

describe('a live clean-up', () => {
  const deleteCall = (request: { method: string; path: string }) =>
    request.method === 'DELETE' && /^\/crm\/v8\/Leads\?ids=/.test(request.path);
  const failFirst = (answer: { status: number; body: unknown }) => {
    const body = answer.body as { data: unknown[] };
    const [, ...rest] = body.data;
    const invalid = {
      code: 'INVALID_DATA',
      details: { api_name: 'id' },
      message: 'the id given seems to be invalid',
      status: 'error',
    };
    return { status: 200, body: { data: [invalid, ...rest] } };
  };

  it('counts a record the org no longer has (a read answers 204) as deleted, though its delete was refused', async () => {
    mock = await startMock();
    const before = recordCounts(mock);
    // The org deleted every Lead, but answers the first as if it had none: as after a case deleted it itself.
    proxy = await startOrgProxy(mock.url, {
      edit: (request, answer) => (deleteCall(request) ? failFirst(answer) : answer),
    });
    const { output } = await liveRun(proxy.url, [...UPDATE_V8, '--case', 'success-single']);
    expect(output).toMatch(/^Fixtures: deleted all \d+ records$/m);
    expect(recordCounts(mock)).toEqual(before);
  });

  it('still names a record the org keeps after its delete was refused, for `cleanup`', async () => {
    mock = await startMock();
    const before = recordCounts(mock);
    proxy = await startOrgProxy(mock.url, {
      intercept: (request) => {
        if (!deleteCall(request)) return undefined;
        const ids = decodeURIComponent(request.path.split('ids=')[1] ?? '').split(',');
        const invalid = {
          code: 'INVALID_DATA',
          details: { api_name: 'id' },
          message: 'the id given seems to be invalid',
          status: 'error',
        };
        return { status: 200, body: { data: ids.map(() => invalid) } };
      },
    });
    const { output } = await liveRun(proxy.url, [...UPDATE_V8, '--case', 'success-single']);
    expect(output).toMatch(/^Fixtures: \d+ records could not be deleted; run `npm run contract -- cleanup --run-id /m);
    expect(recordCounts(mock)).not.toEqual(before);
  });
});
