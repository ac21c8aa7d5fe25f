// `npm run contract` end to end against the embedded mock: exit 0, every case passes, summary.json and junit.xml written.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { casesForVersion, catalog } from '../../src/catalog/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { ROOT } from '../support/docs.ts';
import { runCli, type CliResult } from '../support/run-cli.ts';

let result: CliResult;
let reportDir: string;

beforeAll(async () => {
  result = await runCli([]);
  reportDir = /Report: (.+)/.exec(result.stdout)?.[1]?.trim() ?? '';
}, 300_000);

describe('a full contract run against the embedded mock', () => {
  const expectedCases = catalog.reduce(
    (total, endpoint) => total + endpoint.versions.reduce((n, v) => n + casesForVersion(endpoint, v).length, 0),
    0,
  );

  it('exits 0 and prints one line per case group and the totals', () => {
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/✓ crm › update-records › v2\.1 › record errors: 8\/8 passed/);
    // Some codes have no printed message (INVALID_TOKEN, LIMIT_EXCEEDED past 100 records): their passes say so.
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(
      new RegExp(
        `^checked ${expectedCases} of ${expectedCases} selected: ${expectedCases} passed \\(\\d+ with no documented message to check\\), 0 failed, 0 errors, 0 not checked, 0 not applicable$`,
      ),
    );
  });

  it('writes summary.json with a verdict per case and version, all passing', async () => {
    const summary = JSON.parse(await readFile(join(reportDir, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.schemaVersion).toBe(1);
    expect(summary.outcome).toBe('passed');
    expect(summary.totals).toEqual({
      cases: expectedCases,
      checked: expectedCases,
      passed: expectedCases,
      failed: 0,
      errors: 0,
      notApplicable: 0,
      notChecked: 0,
      flaky: 0,
      passedUnchecked: { message: expect.any(Number), echo: 0, other: 0 },
    });
    const unchecked = summary.verdicts.filter((v) => v.unpinned?.some((note) => note.startsWith('message of')));
    expect(summary.totals.passedUnchecked.message).toBe(unchecked.length);
    expect(result.stdout).toContain(
      `${expectedCases} passed (${unchecked.length} with no documented message to check)`,
    );
    expect(summary.collections.map((c) => `${c.product}/${c.endpoint}/${c.version}`).sort()).toEqual(
      catalog.flatMap((e) => e.versions.map((v) => `${e.product}/${e.id}/${v}`)).sort(),
    );
    expect(summary.coverage.totals.withCase).toBe(summary.coverage.totals.documented);
    expect(summary.drift.length).toBeGreaterThan(10);
    const locked = summary.verdicts.find((v) => v.caseId === 'record-locked' && v.version === 'v2.1');
    expect(locked?.actual).toEqual({
      status: 202,
      codes: ['RECORD_LOCKED'],
      shape: 'records',
      messages: ['cannot update record that is not approved yet'],
    });
    expect(locked?.drift).toEqual([
      { drift: 'crm-update-records/record-locked-status', variant: 1 },
      { drift: 'crm/record-locked-data-status', variant: 0 },
      { drift: 'crm-update-records/record-locked-message', variant: 0 },
    ]);
  });

  it('writes junit.xml with one testcase per case and version, named product › endpoint › version › case', async () => {
    const xml = new XMLParser({ ignoreAttributes: false }).parse(
      await readFile(join(reportDir, 'junit.xml'), 'utf8'),
    ) as {
      testsuites: { testsuite: Array<{ testcase: Array<{ '@_name': string }> }> };
    };
    const names = xml.testsuites.testsuite.flatMap((s) => s.testcase.map((t) => t['@_name']));
    expect(names).toHaveLength(expectedCases);
    expect(names).toContain('crm › update-records › v2.1 › RECORD_LOCKED when the record is locked');
  });

  it('runs the harness files in the order their cases are sent: sorted by path', async () => {
    const xml = new XMLParser({ ignoreAttributes: false }).parse(
      await readFile(join(reportDir, 'junit.xml'), 'utf8'),
    ) as { testsuites: { testsuite: Array<{ '@_name': string }> } };
    const files = xml.testsuites.testsuite.map((s) => s['@_name']);
    expect(files).toHaveLength(catalog.reduce((n, e) => n + e.versions.length, 0));
    expect(files).toEqual([...files].sort());
  });

  it('writes drift.md with what the mock returned for each contradiction it touched', async () => {
    const drift = await readFile(join(reportDir, 'drift.md'), 'utf8');
    expect(drift).toContain('## HTTP status and shape of RECORD_LOCKED');
    expect(drift).toMatch(/- mock v2\.1 record-locked: variant 2/);
  });

  it('sent Contracts requests to the Contracts host (the target maps each product to its base URL)', async () => {
    const summary = JSON.parse(await readFile(join(reportDir, 'summary.json'), 'utf8')) as RunSummary;
    const contracts = summary.verdicts.find((v) => v.product === 'contracts' && v.caseId === 'success');
    const crm = summary.verdicts.find((v) => v.product === 'crm' && v.caseId === 'success-single');
    expect(new URL(contracts?.exchange?.url ?? '').port).not.toBe(new URL(crm?.exchange?.url ?? '').port);
  });

  it('mirrors the run into reports/latest', async () => {
    const latest = JSON.parse(await readFile(join(ROOT, 'reports', 'latest', 'summary.json'), 'utf8')) as RunSummary;
    const current = JSON.parse(await readFile(join(reportDir, 'summary.json'), 'utf8')) as RunSummary;
    expect(latest.runId).toBe(current.runId);
    expect(existsSync(join(ROOT, 'reports', 'latest', 'junit.xml'))).toBe(true);
  });

  it('never writes a mock token into the report', async () => {
    const text = await readFile(join(reportDir, 'summary.json'), 'utf8');
    expect(text).not.toMatch(/Zoho-oauthtoken 1000\.[0-9a-f]/);
    expect(text).toContain('Zoho-oauthtoken [REDACTED]');
  });
});
