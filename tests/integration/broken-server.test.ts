// The suite catches servers that break the contract: one breakage at a time, each must exit 1 with the right reason.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRecords } from '../../src/catalog/index.ts';
import { collectionPath, schemaId } from '../../src/generate/index.ts';
import { loadCollection, mockTarget, runCollection } from '../../src/harness/index.ts';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { editJson, startBreakingProxy, type Breakage } from '../support/breaking-proxy.ts';
import { mockEnvironment } from '../support/mock-env.ts';
import { ROOT } from '../support/docs.ts';
import { runCli } from '../support/run-cli.ts';
import { createSchemaRegistry, loadSchemas } from '../../src/validate/index.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => mock.close());

type Json = Record<string, unknown>;
const firstEntry = (body: Json): Json => (body['data'] as Json[])[0] as Json;

const breakages: Array<{
  name: string;
  caseId: string;
  filter?: string;
  scope?: string[];
  breakage: Breakage;
  reason: RegExp;
}> = [
  {
    name: 'a 202 turned 200',
    caseId: 'record-locked',
    breakage: (r) => ({ ...r, status: r.status === 202 ? 200 : r.status }),
    reason: /expected HTTP 202, got 200/,
  },
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
  {
    name: 'a top-level error wrapped in data[]',
    caseId: 'invalid-module',
    filter: 'module name is wrong',
    breakage: editJson((b) => ({ data: [b] })),
    reason: /expected a top-level error object, got a data\[\] envelope \(code INVALID_MODULE\)/,
  },
  {
    name: 'a body that is not JSON',
    caseId: 'success-single',
    breakage: (r) => ({ ...r, body: '<html>Service Unavailable</html>' }),
    reason: /body is an HTML page, not JSON \(starts "<html>Service Unavailable<\/html>"\)/,
  },
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
  {
    name: 'a records answer with a top-level status and code beside data[]',
    caseId: 'success-single',
    breakage: editJson((b) => ({ ...b, status: 'error', code: 'INTERNAL_ERROR' })),
    reason: /\/code: a data\[\] answer also carries a top-level code \("INTERNAL_ERROR"\): one envelope at a time/,
  },
  {
    name: 'a success entry whose details.id names another record',
    caseId: 'success-single',
    breakage: editJson((b) => {
      (firstEntry(b)['details'] as Json)['id'] = '3652397000000000001';
      return b;
    }),
    reason: /\/data\/0\/details\/id must echo the URL's record_id: sent "\d+", got "3652397000000000001"/,
  },
  {
    name: 'a bulk success entry answering the other record of the request (entries out of order)',
    caseId: 'success-bulk',
    filter: 'of a bulk update, in order',
    breakage: editJson((b) => ({ data: [...(b['data'] as Json[])].reverse() })),
    reason: /\/data\/0\/details\/id must echo the request's \/data\/0\/id: sent "\d+", got "\d+"/,
  },
  {
    name: 'MANDATORY_NOT_FOUND naming another field than the one left out',
    caseId: 'mandatory-not-found',
    breakage: editJson((b) => {
      ((b['data'] as Json[])[1]?.['details'] as Json)['api_name'] = 'Last_Name';
      return b;
    }),
    reason:
      /\/data\/1\/details\/api_name must name the key the record sent at \/data\/1 left out: sent \["id"\], got "Last_Name"/,
  },
  {
    name: 'a success whose Modified_Time is years before the request',
    caseId: 'success-single',
    breakage: editJson((b) => {
      (firstEntry(b)['details'] as Json)['Modified_Time'] = '2020-01-01T00:00:00+00:00';
      return b;
    }),
    reason:
      /\/data\/0\/details\/Modified_Time must be the time of the request \(.*clock skew 300 s, --clock-skew\): got "2020-01-01T00:00:00\+00:00"/,
  },
  {
    name: 'a Contracts success naming another contract type than the URL',
    caseId: 'success',
    scope: ['--product', 'contracts'],
    breakage: editJson((b) => ({ ...b, apiName: 'Another_Type' })),
    reason: /\/apiName must echo the URL's apiName: sent "[^"]+", got "Another_Type"/,
  },
  {
    name: 'a JSON body sent without any Content-Type header',
    caseId: 'success-single',
    breakage: (r) => ({ ...r, contentType: null }),
    reason: /no Content-Type header on a body \(expected application\/json\)/,
  },
  {
    name: 'a message no page prints',
    caseId: 'no-permission',
    breakage: editJson((b) => ({ ...b, message: 'totally different words' })),
    reason:
      /\/message: expected the printed message of NO_PERMISSION \("permission denied to update"\), got "totally different words"/,
  },
  {
    name: 'a read answering another record than the id in the URL',
    caseId: 'success-by-id',
    scope: ['--endpoint', 'get-records'],
    breakage: editJson((b) => {
      firstEntry(b)['id'] = '3652397000000000001';
      return b;
    }),
    reason: /\/data\/0\/id must be a record the request asked for: sent "\d+", got "3652397000000000001"/,
  },
  {
    name: 'a read of the record the run wrote with another value than it wrote',
    caseId: 'success-by-id',
    scope: ['--endpoint', 'get-records'],
    breakage: editJson((b) => {
      firstEntry(b)['Email'] = 'not.what.was.written@zylker.com';
      return b;
    }),
    reason:
      /\/data\/0\/Email must hold the value the run wrote \(read_record_email\): sent "[^"]+", got "not\.what\.was\.written@zylker\.com"/,
  },
  {
    name: 'a search for the email the run wrote answering another record',
    caseId: 'success-email',
    scope: ['--endpoint', 'search-records'],
    breakage: editJson((b) => {
      firstEntry(b)['id'] = '3652397000000000001';
      return b;
    }),
    reason:
      /\/data must hold the record the run wrote with read_record_email \(read_record_id\): sent "\d+", got "3652397000000000001"/,
  },
  {
    name: 'a read carrying a field the request did not ask for',
    caseId: 'success-fields',
    scope: ['--endpoint', 'get-records'],
    breakage: editJson((b) => {
      firstEntry(b)['Mobile'] = '555';
      return b;
    }),
    reason: /\/data\/0 must carry only the fields asked for: sent "Last_Name,Email", got "Mobile"/,
  },
  {
    name: 'a search answering a record that does not match',
    caseId: 'success-email',
    scope: ['--endpoint', 'search-records'],
    breakage: editJson((b) => ({
      ...b,
      data: [...(b['data'] as Json[]), { Email: 'someone.else@zylker.com', id: '1' }],
    })),
    reason: /\/data\/1 must match what the request searched for/,
  },
  {
    name: 'a 4xx turned 200',
    caseId: 'invalid-module',
    filter: 'module name is wrong',
    breakage: (r) => ({ ...r, status: r.status === 400 ? 200 : r.status }),
    reason: /expected HTTP 400, got 200/,
  },
];

describe('a server that breaks the contract', () => {
  for (const { name, caseId, filter, scope, breakage, reason } of breakages) {
    it(`exits 1 and names the case and the reason for ${name}`, async () => {
      const proxy = await startBreakingProxy(mock.url, breakage);
      const out = await mkdtemp(join(tmpdir(), 'zoho-broken-'));
      try {
        const result = await runCli(
          [
            ...(scope ?? ['--endpoint', 'update-records', '--api-version', 'v2.1']),
            '--base-url',
            proxy.url,
            '--case',
            filter ?? caseId,
            '--out',
            out,
          ],
          mockEnvironment(mock),
        );
        expect(result.code, result.stdout + result.stderr).toBe(1);
        expect(result.stdout).toMatch(reason);
        const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;
        const junit = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' }).parse(
          await readFile(join(out, 'junit.xml'), 'utf8'),
        ) as {
          testsuites: {
            testsuite: { testcase: Array<{ '@_name': string; failure?: { '@_message': string; '#text'?: string } }> };
          };
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

  it('reports a key no page documents without failing, and fails on it under --strict', async () => {
    const proxy = await startBreakingProxy(
      mock.url,
      editJson((b) => {
        firstEntry(b)['zia_score'] = 0.9;
        return b;
      }),
    );
    try {
      const args = [
        '--endpoint',
        'update-records',
        '--api-version',
        'v2.1',
        '--base-url',
        proxy.url,
        '--case',
        'success-single',
      ];
      const lenient = await runCli(
        [...args, '--out', await mkdtemp(join(tmpdir(), 'zoho-undocumented-'))],
        mockEnvironment(mock),
      );
      expect(lenient.code, lenient.stdout + lenient.stderr).toBe(0);
      expect(lenient.stdout).toMatch(
        /Undocumented keys \(1; failures only under --strict\):\n {2}\? .*: \/data\/0\/zia_score\n/,
      );
      const out = await mkdtemp(join(tmpdir(), 'zoho-strict-'));
      const strict = await runCli([...args, '--strict', '--out', out], mockEnvironment(mock));
      expect(strict.code, strict.stdout + strict.stderr).toBe(1);
      const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;
      expect(summary.undocumentedKeys).toBe(1);
      expect(summary.verdicts.find((v) => v.outcome === 'fail')?.reason).toBe(
        '/data/0/zia_score: a key no page documents',
      );
    } finally {
      await proxy.close();
    }
  });

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

describe('a server that breaks the contract of a mock-only case', () => {
  // Delete Records' successes run on the mock only (they delete records), which a --base-url run does not send: the
  // harness is given the mock as its target, reached through the breaking proxy, as the CLI gives it the embedded one.
  it('fails a bulk delete answering its ids out of order, naming the id each entry owed', async () => {
    const own = await startMock();
    const proxy = await startBreakingProxy(
      own.url,
      editJson((b) => ({ data: [...(b['data'] as Json[])].reverse() })),
    );
    try {
      const [verdict] = await runCollection({
        endpoint: deleteRecords,
        version: 'v8',
        collection: await loadCollection(join(ROOT, collectionPath(deleteRecords, 'v8'))),
        target: { ...mockTarget(own), apiDomain: proxy.url, variables: { ...own.variables, api_domain: proxy.url } },
        registry: createSchemaRegistry(await loadSchemas(join(ROOT, 'schemas'))),
        schemaId: schemaId(deleteRecords),
        caseIds: ['success-bulk'],
      });
      expect(verdict?.outcome).toBe('fail');
      expect(verdict?.reason).toMatch(
        /\/data\/0\/details\/id must echo item 0 of the URL's ids: sent "\d+", got "\d+"/,
      );
    } finally {
      await proxy.close();
      await own.close();
    }
  });
});
