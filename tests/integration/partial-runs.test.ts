// Green means checked: a url run missing configuration exits 2 naming it, --allow-partial exits 0 with the count, and
// mock-only faults are never sent to a url target.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { startBreakingProxy, type ProxiedRequest } from '../support/breaking-proxy.ts';
import { runCli } from '../support/run-cli.ts';

let mock: MockServer;
let proxy: { url: string; close: () => Promise<void> };
const seen: ProxiedRequest[] = [];
const scope = ['--endpoint', 'update-records', '--api-version', 'v8'];
const lastLine = (stdout: string) => stdout.trim().split('\n').at(-1) ?? '';
const summaryOf = async (dir: string) => JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8')) as RunSummary;

beforeAll(async () => {
  mock = await startMock();
  // Records every request the url target receives, passing the mock's answers through unchanged.
  proxy = await startBreakingProxy(mock.url, (response, request) => {
    seen.push(request);
    return response;
  });
});
afterAll(async () => {
  await proxy.close();
  await mock.close();
});

describe('a url run with only ZOHO_ACCESS_TOKEN set', () => {
  it('exits 2 naming the missing variables, ends with "checked N of M selected", and sends no mock-only fault', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zoho-partial-'));
    const result = await runCli([...scope, '--base-url', proxy.url, '--out', out], {
      ZOHO_ACCESS_TOKEN: mock.variables['access_token'] ?? '',
    });
    expect(result.code, result.stdout + result.stderr).toBe(2);
    const summary = await summaryOf(out);
    const { checked, cases, notChecked, notApplicable } = summary.totals;
    expect(checked).toBeGreaterThan(0);
    expect(notChecked).toBeGreaterThan(0);
    expect(checked + notChecked + notApplicable).toBe(cases);
    expect(lastLine(result.stdout)).toMatch(new RegExp(`^checked ${checked} of ${cases} selected: `));
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^error E_NOT_CHECKED: checked ${checked} of ${cases} selected, ${notChecked} not checked: missing ZOHO_RECORD_ID, .*ZOHO_LOCKED_RECORD_ID.*--allow-partial`,
      ),
    );
    expect(summary.outcome).toBe('partial');
    // The mock-only INTERNAL_ERROR case is not applicable to a url target, and was not sent there.
    const inapplicable = summary.verdicts.filter((v) => v.outcome === 'not-applicable');
    expect(inapplicable.map((v) => v.caseId)).toEqual(['internal-error']);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((r) => r.headers['x-mock-fault'] !== undefined)).toEqual([]);
  });

  it('with --allow-partial exits 0 when every checked case held, and still prints the count', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zoho-partial-'));
    const result = await runCli([...scope, '--base-url', proxy.url, '--allow-partial', '--out', out], {
      ZOHO_ACCESS_TOKEN: mock.variables['access_token'] ?? '',
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const { checked, cases } = (await summaryOf(out)).totals;
    expect(checked).toBeLessThan(cases);
    expect(lastLine(result.stdout)).toMatch(
      new RegExp(
        `^checked ${checked} of ${cases} selected: ${checked} passed( \\(\\d+ with no documented message to check\\))?, 0 failed, 0 errors, \\d+ not checked, 1 not applicable$`,
      ),
    );
    expect(result.stdout).toContain('missing configuration: ZOHO_RECORD_ID');
    expect(result.stderr).toBe('');
  });
});
