// --modules: the records API's module-generic cases run on the user's own modules, standard and custom (a custom one
// with its own mandatory fields and a lookup, and a second custom module looking up the first), with fixtures planned
// from each module's metadata; the report groups the results by module and no record is left behind.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseOrgProfile, readOrgProfile, startMock, type MockServer, type OrgProfile } from '../../src/mock/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { ROOT } from '../support/docs.ts';
import { liveEnvironment, recordCounts } from '../support/mock-env.ts';
import { startOrgProxy, type OrgProxy } from '../support/org-proxy.ts';
import { runCli } from '../support/run-cli.ts';

const STRICT = join(ROOT, 'tests/fixtures/org-profiles/strict-org.json');
const CRM_V8 = ['--product', 'crm', '--api-version', 'v8'];
const NAMED = ['Accounts', 'Projects_Tracker', 'Site_Visits'];
const MODULES = ['Leads', 'Accounts', 'Contacts', 'Deals', 'Events', 'Projects_Tracker', 'Site_Visits'];

let mock: MockServer | undefined;
let proxy: OrgProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await mock?.close();
  proxy = undefined;
});

/** The strict org with a second custom module: a unique mandatory code, a mandatory lookup to Projects_Tracker. */
async function twoCustomModules(): Promise<OrgProfile> {
  const strict = JSON.parse(await readFile(STRICT, 'utf8')) as { modules: Record<string, unknown> };
  strict.modules['Site_Visits'] = {
    custom: true,
    lockable: true,
    fields: [
      { api_name: 'Visit_Code', data_type: 'text', system_mandatory: true, length: 20, unique: {} },
      {
        api_name: 'Project',
        data_type: 'lookup',
        system_mandatory: true,
        lookup: { module: { api_name: 'Projects_Tracker' } },
      },
      { api_name: 'Visited_On', data_type: 'date', system_mandatory: true },
      { api_name: 'Notes', data_type: 'textarea', length: 2000 },
    ],
  };
  return parseOrgProfile(strict, 'two-custom-modules');
}

async function liveRun(
  apiDomain: string,
  args: readonly string[],
): Promise<{ code: number | null; output: string; out: string }> {
  const out = await mkdtemp(join(tmpdir(), 'zoho-live-modules-'));
  const { ZOHO_LOCKING_CUSTOM_MODULE: _module, ...env } = liveEnvironment(mock as MockServer, {
    ZOHO_API_DOMAIN: apiDomain,
  });
  const result = await runCli(['--target', 'live', '--allow-partial', '--out', out, ...args], env);
  return { code: result.code, output: result.stdout + result.stderr, out };
}

const summaryOf = async (out: string): Promise<RunSummary> =>
  JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;

describe('--modules', () => {
  it('runs the module-generic cases on a standard and two custom modules, groups them by module, and leaves no record', async () => {
    mock = await startMock({ org: await twoCustomModules() });
    const before = recordCounts(mock, MODULES);
    const { code, output, out } = await liveRun(mock.url, [...CRM_V8, '--modules', NAMED.join(',')]);
    expect(code, output).toBe(0);
    const summary = await summaryOf(out);
    expect(summary.modules).toEqual(NAMED);
    // Every verdict names its module, the lock in the org's custom module too (its path names it by a variable).
    expect(summary.verdicts.filter((v) => !v.module)).toEqual([]);
    expect(summary.verdicts.find((v) => v.caseId === 'success-custom-module1' && v.version === 'v8')?.module).toBe(
      'Projects_Tracker',
    );
    const variants = summary.verdicts.filter((v) => v.caseId.includes('__'));
    // Eighteen module-generic cases of CRM v8 (Insert 7, Upsert 5, Update 3, a lock's update, Get, Delete), on each module.
    expect(new Set(variants.map((v) => v.module))).toEqual(new Set(NAMED));
    for (const v of variants) {
      expect(v.caseId.endsWith(`__${v.module}`), v.caseId).toBe(true);
      expect(['pass', 'not-applicable'], `${v.caseId}: ${v.reason}`).toContain(v.outcome);
    }
    // Accounts and Site_Visits have a unique field: a duplicate is provoked there; Projects_Tracker has none.
    const outcome = (caseId: string) =>
      summary.verdicts.find((v) => v.caseId === caseId && v.endpoint === 'insert-records')?.outcome;
    expect(outcome('duplicate-data__Accounts')).toBe('pass');
    expect(outcome('duplicate-data__Site_Visits')).toBe('pass');
    expect(outcome('duplicate-data__Projects_Tracker')).toBe('not-applicable');
    expect(outcome('mandatory-not-found__Site_Visits')).toBe('pass');
    // A lookup naming a missing record and a value of the wrong type, where the module has such fields.
    expect(outcome('invalid-data-lookup__Site_Visits')).toBe('pass');
    expect(outcome('invalid-data-type__Projects_Tracker')).toBe('pass');
    expect(outcome('invalid-data-lookup__Accounts')).toBe('not-applicable');
    // An upsert matching the record that holds the unique value updates that very record (its id is echoed).
    const upsert = summary.verdicts.find(
      (v) => v.endpoint === 'upsert-records' && v.caseId === 'success-update__Site_Visits',
    );
    expect(upsert?.outcome).toBe('pass');
    expect(upsert?.exchange?.responseBody).toContain('"action":"update"');
    // The catalog's own module is not named: its module-generic cases are not run there.
    expect(summary.verdicts.some((v) => v.endpoint === 'insert-records' && v.caseId === 'success-single')).toBe(false);
    // The rollout counts every verdict of the module: its module-generic cases, and the lock in the org's custom module.
    expect(output).toMatch(/^Rollout by module:$/m);
    expect(output).toMatch(/^ {2}Accounts: 16 held, 0 failed, 0 not checked, 2 not applicable$/m);
    expect(output).toMatch(/^ {2}Projects_Tracker: 16 held, 0 failed, 0 not checked, 3 not applicable$/m);
    expect(output).toMatch(/^ {2}Site_Visits: 18 held, 0 failed, 0 not checked, 0 not applicable$/m);
    const report = await readFile(join(out, 'report.md'), 'utf8');
    expect(report).toContain('| Site_Visits | 18 | 0 | 0 | 0 |');
    expect(recordCounts(mock, MODULES)).toEqual(before);
    expect(output).toMatch(/^Fixtures: deleted all \d+ records$/m);
    // The modules' records, locks and lookups are in the plan printed before anything was written.
    expect(summary.apiUsage?.calls).toBe(summary.apiUsage?.planned?.calls);
  });

  it('names the module a broken answer came from (a server that creates a record with no mandatory field)', async () => {
    mock = await startMock({ org: await twoCustomModules() });
    const upstream = mock.url;
    proxy = await startOrgProxy(upstream, {
      intercept: (request) =>
        request.method === 'POST' &&
        request.path === '/crm/v8/Projects_Tracker' &&
        /"data": \[\s*\{\}\s*\]/.test(request.body)
          ? {
              status: 201,
              body: {
                data: [
                  {
                    code: 'SUCCESS',
                    details: { id: '3652397000000999001', Created_Time: '2026-12-07T10:00:00+05:30' },
                    message: 'record added',
                    status: 'success',
                  },
                ],
              },
            }
          : undefined,
    });
    const before = recordCounts(mock, MODULES);
    const { code, output, out } = await liveRun(proxy.url, [
      '--product',
      'crm',
      '--endpoint',
      'insert-records',
      '--api-version',
      'v8',
      '--modules',
      'Accounts,Projects_Tracker',
    ]);
    expect(code, output).toBe(1);
    const summary = await summaryOf(out);
    const broken = summary.verdicts.filter((v) => v.outcome === 'fail');
    expect(broken.map((v) => [v.caseId, v.module])).toEqual([
      ['mandatory-not-found__Projects_Tracker', 'Projects_Tracker'],
    ]);
    expect(output).toMatch(/^ {2}Projects_Tracker: \d+ held, 1 failed, 0 not checked, 1 not applicable$/m);
    expect(output).toMatch(
      /^ {4}✗ insert-records › v8 › MANDATORY_NOT_FOUND .* \[Projects_Tracker\]: expected HTTP 202, got 201/m,
    );
    expect(output).toMatch(/^ {2}Accounts: \d+ held, 0 failed/m);
    expect(recordCounts(mock, MODULES)).toEqual(before);
  });

  it("catches an upsert on a module answering the id of another record than the module's record it matched", async () => {
    mock = await startMock({ org: await twoCustomModules() });
    proxy = await startOrgProxy(mock.url, {
      edit: (request, answer) => {
        if (request.path !== '/crm/v8/Site_Visits/upsert' || !request.body.includes('duplicate_check_fields'))
          return answer;
        const body = answer.body as { data: Array<{ details: Record<string, unknown> }> };
        for (const entry of body.data) entry.details['id'] = '3652397000000999002';
        return answer;
      },
    });
    const before = recordCounts(mock, MODULES);
    const { code, output, out } = await liveRun(proxy.url, [
      '--product',
      'crm',
      '--endpoint',
      'upsert-records',
      '--api-version',
      'v8',
      '--modules',
      'Site_Visits',
    ]);
    expect(code, output).toBe(1);
    const failed = (await summaryOf(out)).verdicts.filter((v) => v.outcome === 'fail');
    expect(failed.map((v) => v.caseId)).toEqual(['success-update__Site_Visits']);
    expect(failed[0]?.findings.map((f) => f.kind)).toContain('echo');
    expect(failed[0]?.reason).toContain('mod__Site_Visits__record_id');
    expect(recordCounts(mock, MODULES)).toEqual(before);
  });

  it('plans what the variants of each endpoint need when that endpoint is selected alone', async () => {
    mock = await startMock({ org: await twoCustomModules() });
    for (const endpoint of [
      'insert-records',
      'upsert-records',
      'update-records',
      'update-record-locking-information',
      'get-records',
      'delete-records',
    ]) {
      const { code, output, out } = await liveRun(mock.url, [
        '--product',
        'crm',
        '--endpoint',
        endpoint,
        '--api-version',
        'v8',
        '--modules',
        'Accounts,Site_Visits',
      ]);
      expect(code, output).toBe(0);
      const variants = (await summaryOf(out)).verdicts.filter((v) => v.caseId.includes('__'));
      expect(variants.length, endpoint).toBeGreaterThan(0);
      for (const v of variants)
        expect(['pass', 'not-applicable'], `${endpoint} ${v.caseId}: ${v.reason}`).toContain(v.outcome);
    }
  });

  it('refuses a module the org does not have in one line with exit 2, before any fixture exists', async () => {
    mock = await startMock({ org: await readOrgProfile(STRICT) });
    const before = recordCounts(mock, MODULES);
    const { code, output } = await liveRun(mock.url, [...CRM_V8, '--modules', 'Accounts,Site_Visits']);
    expect(code, output).toBe(2);
    expect(output).toMatch(
      /^error E_CONFIG: --modules names Site_Visits, which the org does not have \(or hides from this user\) \(use API names of the org's modules: .*Projects_Tracker/m,
    );
    expect(output).not.toContain('Fixtures: created');
    expect(recordCounts(mock, MODULES)).toEqual(before);
  });

  it('doctor says per module what a run would send there and what it cannot, and refuses a module the org lacks', async () => {
    mock = await startMock({ org: await twoCustomModules() });
    const before = recordCounts(mock, MODULES);
    const { ZOHO_LOCKING_CUSTOM_MODULE: _module, ...env } = liveEnvironment(mock);
    const result = await runCli(['doctor', '--modules', 'Accounts,Projects_Tracker'], env);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(
      /^module Accounts: 16 of 18 module-generic cases would run: .*insert-records › SUCCESS when one record is inserted; /m,
    );
    expect(output).toMatch(/^module Projects_Tracker: 15 of 18 module-generic cases would run: /m);
    expect(output).toMatch(
      /^ {2}not applicable: insert-records › DUPLICATE_DATA when a unique field repeats another record \[Projects_Tracker\]: Projects_Tracker has no unique field/m,
    );
    const refused = await runCli(['doctor', '--modules', 'Accounts,Site_Visitz'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error E_CONFIG: --modules names Site_Visitz, which the org does not have/m);
    expect(recordCounts(mock, MODULES)).toEqual(before);
  });
});
