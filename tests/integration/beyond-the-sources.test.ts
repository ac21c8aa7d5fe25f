// A server that answers what no source documents (an extra key in a fixed body, a printed key dropped, a documented limit ignored) fails the run.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { editJson, startBreakingProxy, type Breakage } from '../support/breaking-proxy.ts';
import { mockEnvironment } from '../support/mock-env.ts';
import { runCli } from '../support/run-cli.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => mock.close());

type Json = Record<string, unknown>;
const firstDetails = (body: Json): Json => ((body['data'] as Json[])[0] as Json)['details'] as Json;
const CRM = ['--endpoint', 'update-records', '--api-version', 'v2.1'];

const breakages: Array<{ name: string; caseId: string; scope: string[]; breakage: Breakage; reason: RegExp }> = [
  {
    // One rule for every endpoint (docs/verdict.md): a key no page documents fails its case under --strict.
    name: 'a Contracts success with a key the page does not list, under --strict',
    caseId: 'success',
    scope: ['--product', 'contracts', '--strict'],
    breakage: editJson((b) => ({ ...b, id: '1' })),
    reason: /\/id: a key no page documents/,
  },
  {
    name: 'a RECORD_LOCKED without the action its printed example carries',
    caseId: 'record-locked',
    scope: CRM,
    breakage: editJson((b) => {
      delete firstDetails(b)['action'];
      return b;
    }),
    reason: /\/data\/0\/details must have required property 'action'/,
  },
  {
    name: 'a top-level INVALID_DATA without the expected_data_type its printed example carries',
    caseId: 'invalid-data-body',
    scope: CRM,
    breakage: editJson((b) => ({ ...b, details: {} })),
    reason: /\/details must have required property 'expected_data_type'/,
  },
  {
    name: "a Bigin server that relates 101 records in one call, past the page's maximum of 100",
    caseId: 'limit-exceeded',
    scope: ['--product', 'bigin'],
    breakage: (r) =>
      r.status === 400 && r.body.includes('LIMIT_EXCEEDED')
        ? {
            status: 200,
            body: JSON.stringify({
              data: Array.from({ length: 101 }, (_, i) => ({
                code: 'SUCCESS',
                details: { id: String(i + 1) },
                message: 'relation added',
                status: 'success',
              })),
            }),
          }
        : r,
    reason: /expected HTTP 400, got 200/,
  },
];

describe('a server that answers beyond the sources', () => {
  for (const { name, caseId, scope, breakage, reason } of breakages) {
    it(`exits 1 and names the case and the reason for ${name}`, async () => {
      const proxy = await startBreakingProxy(mock.url, breakage);
      const out = await mkdtemp(join(tmpdir(), 'zoho-beyond-'));
      try {
        const result = await runCli(
          [...scope, '--base-url', proxy.url, '--case', caseId, '--out', out],
          mockEnvironment(mock),
        );
        expect(result.code, result.stdout + result.stderr).toBe(1);
        const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;
        const failed = summary.verdicts.filter((v) => v.outcome === 'fail');
        expect(failed.map((v) => v.caseId)).toContain(caseId);
        expect(failed.find((v) => v.caseId === caseId)?.reason).toMatch(reason);
      } finally {
        await proxy.close();
      }
    }, 120_000);
  }
});
