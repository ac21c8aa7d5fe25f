// The suite catches servers that break the contract: one breakage at a time, each must exit 1 with the right reason.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
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
const firstEntry = (body: Json): Json => (body['data'] as Json[])[0] as Json;

const breakages: Array<{ name: string; caseId: string; filter?: string; scope?: string[]; breakage: Breakage; reason: RegExp }> = [
  { name: 'a 202 turned 200', caseId: 'record-locked', breakage: (r) => ({ ...r, status: r.status === 202 ? 200 : r.status }), reason: /expected HTTP 202, got 200/ },
  {
    name: 'a missing code',
    caseId: 'success-single',
    breakage: editJson((b) => {
      delete firstEntry(b)['code'];
      return b;
    }),
    reason: /data\[0\] expected SUCCESS, got none.*\/data\/0 must have required property 'code'/,
  },
  {
    name: 'a status that is neither success nor error',
    caseId: 'success-single',
    breakage: editJson((b) => {
      firstEntry(b)['status'] = 'ok';
      return b;
    }),
    reason: /\/data\/0\/status must be equal to (one of the allowed values|constant)/,
  },
  {
    name: 'details.id as a number',
    caseId: 'success-single',
    breakage: editJson((b) => {
      const details = firstEntry(b)['details'] as Json;
      details['id'] = Number(details['id']);
      return b;
    }),
    reason: /\/data\/0\/details\/id must be string/,
  },
  { name: 'a top-level error wrapped in data[]', caseId: 'invalid-module', filter: 'module name is wrong', breakage: editJson((b) => ({ data: [b] })), reason: /expected a top-level error object, got a data\[\] envelope \(code INVALID_MODULE\)/ },
  { name: 'a body that is not JSON', caseId: 'success-single', breakage: (r) => ({ ...r, body: '<html>Service Unavailable</html>' }), reason: /body is an HTML page, not JSON \(starts "<html>Service Unavailable<\/html>"\)/ },
  {
    name: 'a Contracts answer without apiName',
    caseId: 'success',
    scope: ['--product', 'contracts'],
    breakage: editJson((b) => {
      delete b['apiName'];
      return b;
    }),
    reason: /\(root\) must have required property 'apiName'/,
  },
  {
    name: 'a locking success without details.id',
    caseId: 'success-leads',
    scope: ['--endpoint', 'update-record-locking-information', '--api-version', 'v8'],
    breakage: editJson((b) => {
      delete (firstEntry(b)['details'] as Json)['id'];
      return b;
    }),
    reason: /\/data\/0\/details must have required property 'id'/,
  },
  {
    name: 'a bulk Bigin answer with an entry dropped',
    caseId: 'success-bulk',
    scope: ['--product', 'bigin'],
    breakage: editJson((b) => ({ data: (b['data'] as Json[]).slice(0, 1) })),
    reason: /expected 2 data\[\] entries \(one per record sent\), got 1/,
  },
  { name: 'a 4xx turned 200', caseId: 'invalid-module', filter: 'module name is wrong', breakage: (r) => ({ ...r, status: r.status === 400 ? 200 : r.status }), reason: /expected HTTP 400, got 200/ },
];

describe('a server that breaks the contract', () => {
  for (const { name, caseId, filter, scope, breakage, reason } of breakages) {
    it(`exits 1 and names the case and the reason for ${name}`, async () => {
      const proxy = await startBreakingProxy(mock.url, breakage);
      const out = await mkdtemp(join(tmpdir(), 'zoho-broken-'));
      try {
        const result = await runCli([...(scope ?? ['--endpoint', 'update-records', '--api-version', 'v2.1']), '--base-url', proxy.url, '--case', filter ?? caseId, '--out', out], mockEnvironment(mock));
        expect(result.code, result.stdout + result.stderr).toBe(1);
        expect(result.stdout).toMatch(reason);
        const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;
        const junit = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' }).parse(await readFile(join(out, 'junit.xml'), 'utf8')) as {
          testsuites: { testsuite: { testcase: Array<{ '@_name': string; failure?: { '@_message': string; '#text'?: string } }> } };
        };
        const testcase = junit.testsuites.testsuite.testcase.find((t) => t.failure);
        expect(testcase?.failure?.['@_message']).toMatch(/^contract broken: [^\n]+$/);
        expect(testcase?.failure?.['#text']).toContain('findings');
        const failed = summary.verdicts.filter((v) => v.outcome === 'fail');
        expect(failed.map((v) => v.caseId)).toEqual([caseId]);
        expect(failed[0]?.reason).toMatch(reason);
      } finally {
        await proxy.close();
      }
    });
  }

  it('passes the same cases through an honest proxy (so the failures above come from the breakage)', async () => {
    const proxy = await startBreakingProxy(mock.url, (r) => r);
    const out = await mkdtemp(join(tmpdir(), 'zoho-honest-'));
    try {
      const result = await runCli(['--base-url', proxy.url, '--case', 'success', '--out', out], mockEnvironment(mock));
      expect(result.code, result.stdout + result.stderr).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});
