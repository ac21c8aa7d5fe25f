// A gateway that serves the API under a path (`--base-url http://host/zoho`): the ids in the URL are still read, so an
// answer echoing the wrong record fails, and an honest gateway passes with every echo checked.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { editJson, startBreakingProxy, type Breakage } from '../support/breaking-proxy.ts';
import { mockEnvironment } from '../support/mock-env.ts';
import { startPathGateway } from '../support/path-gateway.ts';
import { runCli } from '../support/run-cli.ts';

type Json = Record<string, unknown>;
const OTHER_ID = '3652397000000000001';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => mock.close());

/** Runs the CLI against the mock behind `/zoho`, each answer passed through `breakage` first. */
async function runBehindGateway(args: readonly string[], breakage: Breakage) {
  const proxy = await startBreakingProxy(mock.url, breakage);
  const gateway = await startPathGateway(proxy.url, '/zoho');
  const out = await mkdtemp(join(tmpdir(), 'zoho-gateway-'));
  try {
    const result = await runCli([...args, '--base-url', gateway.url, '--out', out], mockEnvironment(mock));
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;
    return { result, summary };
  } finally {
    await gateway.close();
    await proxy.close();
  }
}

const echoNotes = (summary: RunSummary) =>
  summary.verdicts.flatMap((v) => (v.unpinned ?? []).filter((note) => note.startsWith('echo')));

describe('a gateway serving the API under a path', () => {
  it('passes an honest gateway with every echo of the URL checked', async () => {
    const { result, summary } = await runBehindGateway(['--case', 'success'], (r) => r);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(summary.totals.passed).toBeGreaterThan(0);
    expect(echoNotes(summary)).toEqual([]);
  });

  it('fails a locking API that echoes another record id than the lock in the URL', async () => {
    const wrongId = editJson((body) => {
      for (const entry of Array.isArray(body['data']) ? (body['data'] as Json[]) : [])
        if (entry['code'] === 'SUCCESS') (entry['details'] as Json)['id'] = OTHER_ID;
      return body;
    });
    const { result, summary } = await runBehindGateway(['--endpoint', 'update-record-locking-information'], wrongId);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const failed = summary.verdicts.filter((v) => v.outcome === 'fail');
    const successes = summary.verdicts.filter((v) => v.actual?.codes.includes('SUCCESS'));
    expect(successes.length).toBeGreaterThan(0);
    expect(failed.map((v) => v.caseId).sort()).toEqual(successes.map((v) => v.caseId).sort());
    for (const verdict of failed)
      expect(verdict.reason).toMatch(
        new RegExp(`/data/0/details/id must echo the URL's record_locking_id: sent "\\d+", got "${OTHER_ID}"`),
      );
    expect(echoNotes(summary)).toEqual([]);
  });
});
