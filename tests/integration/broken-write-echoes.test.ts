// A server that breaks what Insert and Upsert answers owe their request (a new id per entry, the action an upsert took,
// the field it matched on) fails the case with the echo that broke; the same cases pass through an honest proxy.

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
const entry = (body: Json, i: number): Json => (body['data'] as Json[])[i] as Json;
const details = (body: Json, i: number): Json => entry(body, i)['details'] as Json;

const breakages: Array<{ name: string; endpoint: string; caseId: string; breakage: Breakage; reason: RegExp }> = [
  {
    name: 'the same new id in two entries of an insert',
    endpoint: 'insert-records',
    caseId: 'success-bulk',
    breakage: editJson((b) => {
      details(b, 1)['id'] = details(b, 0)['id'];
      return b;
    }),
    reason: /\/data\/1\/details\/id must be a new id, got "\d+": \/data\/0\/details\/id names it too/,
  },
  {
    name: "an insert answered as created by another user than the token's",
    endpoint: 'insert-records',
    caseId: 'success-single',
    breakage: editJson((b) => {
      (details(b, 0)['Created_By'] as Json)['id'] = '3652397000000999999';
      return b;
    }),
    reason:
      /\/data\/0\/details\/Created_By\/id must be the run's current_user_id: sent "\d+", got "3652397000000999999"/,
  },
  {
    name: 'an upsert match answered with the id of another record than the one matched',
    endpoint: 'upsert-records',
    caseId: 'success-update',
    breakage: editJson((b) => {
      details(b, 0)['id'] = '3652397000000999999';
      return b;
    }),
    reason: /\/data\/0\/details\/id must be the run's mobile_holder_id: sent "\d+", got "3652397000000999999"/,
  },
  {
    name: 'an upsert match answered with action insert',
    endpoint: 'upsert-records',
    caseId: 'success-update',
    breakage: editJson((b) => {
      entry(b, 0)['action'] = 'insert';
      return b;
    }),
    reason: /\/data\/0\/action must be "update": the entry names the field it matched \(duplicate_field "Mobile"\)/,
  },
  {
    name: 'an upsert match answered as an insert throughout (action insert, no duplicate_field)',
    endpoint: 'upsert-records',
    caseId: 'success-update',
    breakage: editJson((b) => {
      Object.assign(entry(b, 0), { action: 'insert', duplicate_field: null });
      return b;
    }),
    reason: /\/data\/0\/action must be what the case's request and fixtures decide: sent "update", got "insert"/,
  },
  {
    name: 'an upsert naming a duplicate_field the record did not send',
    endpoint: 'upsert-records',
    caseId: 'success-update',
    breakage: editJson((b) => {
      entry(b, 0)['duplicate_field'] = 'Email';
      return b;
    }),
    reason: /\/data\/0\/duplicate_field must name a field the record sent at \/data\/0 gave a value/,
  },
];

describe('a server that breaks the echoes of record writes', () => {
  for (const { name, endpoint, caseId, breakage, reason } of breakages) {
    it(`exits 1 and names the broken echo for ${name}`, async () => {
      const proxy = await startBreakingProxy(mock.url, breakage);
      const out = await mkdtemp(join(tmpdir(), 'zoho-broken-write-'));
      try {
        const result = await runCli(
          ['--endpoint', endpoint, '--base-url', proxy.url, '--case', caseId, '--out', out],
          mockEnvironment(mock),
        );
        expect(result.code, result.stdout + result.stderr).toBe(1);
        const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;
        const failed = summary.verdicts.filter((v) => v.outcome === 'fail');
        expect(failed.map((v) => v.caseId)).toEqual([caseId]);
        expect(failed[0]?.reason).toMatch(reason);
      } finally {
        await proxy.close();
      }
    });
  }

  it('passes every Insert and Upsert case through an honest proxy, under --strict too', async () => {
    const proxy = await startBreakingProxy(mock.url, (r) => r);
    try {
      for (const endpoint of ['insert-records', 'upsert-records']) {
        const out = await mkdtemp(join(tmpdir(), 'zoho-honest-write-'));
        const args = ['--endpoint', endpoint, '--base-url', proxy.url, '--strict', '--out', out];
        const result = await runCli(args, mockEnvironment(mock));
        expect(result.code, result.stdout + result.stderr).toBe(0);
        const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;
        expect(summary.undocumentedKeys ?? 0).toBe(0);
        expect(summary.verdicts.flatMap((v) => v.unpinned ?? []).filter((n) => n.startsWith('echo'))).toEqual([]);
      }
    } finally {
      await proxy.close();
    }
  });
});
