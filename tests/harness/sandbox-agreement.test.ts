// The fast path (scripts stripped, the Node-side ajv verdict only) and --sandbox-tests (the collections' own Postman
// test scripts as well) must agree on every case of every collection: on a conforming server and on a broken one.

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/index.ts';
import { collectionPath, schemaId } from '../../src/generate/index.ts';
import { createRunPool, loadCollection, mockTarget, runCollection, type Target } from '../../src/harness/index.ts';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { createSchemaRegistry, loadSchemas, type SchemaRegistry } from '../../src/validate/index.ts';
import { caseKey, type Verdict } from '../../src/verdict/index.ts';
import { startBreakingProxy } from '../support/breaking-proxy.ts';
import { ROOT } from '../support/docs.ts';

let registry: SchemaRegistry;
beforeAll(async () => {
  registry = createSchemaRegistry(await loadSchemas(join(ROOT, 'schemas')));
});

/** Each run gets a mock of its own: Delete Records' successes delete their records, so they pass once per mock. */
async function onFreshMock<T>(use: (mock: MockServer) => Promise<T>): Promise<T> {
  const mock = await startMock();
  try {
    return await use(mock);
  } finally {
    await mock.close();
  }
}

/** Every collection's verdicts, with or without the in-collection scripts. */
async function runAll(target: Target, sandboxTests: boolean): Promise<Verdict[]> {
  const pool = createRunPool(2);
  const runs = catalog.flatMap((endpoint) =>
    endpoint.versions.map(async (version) =>
      runCollection({
        endpoint,
        version,
        collection: await loadCollection(join(ROOT, collectionPath(endpoint, version))),
        target,
        registry,
        schemaId: schemaId(endpoint),
        pool,
        sandboxTests,
      }),
    ),
  );
  return (await Promise.all(runs)).flat();
}

const key = caseKey;
const nodeFindings = (v: Verdict): number => (v.findings ?? []).filter((f) => f.kind !== 'sandbox').length;
const sandboxFindings = (v: Verdict): number => (v.findings ?? []).filter((f) => f.kind === 'sandbox').length;

describe('sandbox scripts and the Node verdict', () => {
  it('agree on every case against the mock: all pass, and no in-collection test fails', async () => {
    const fast = await onFreshMock((mock) => runAll(mockTarget(mock), false));
    const sandbox = await onFreshMock((mock) => runAll(mockTarget(mock), true));
    expect(sandbox.map(key)).toEqual(fast.map(key));
    expect(sandbox.map((v) => [key(v), v.outcome])).toEqual(fast.map((v) => [key(v), v.outcome]));
    expect(sandbox.filter((v) => sandboxFindings(v) > 0).map(key)).toEqual([]);
    expect(fast.filter((v) => v.outcome === 'pass').length).toBeGreaterThan(100);
  });

  it('agree on which cases a broken server fails: where Node finds a fault, an in-collection test fails too, and only there', async () => {
    // Every 202 (a partial failure in data[]) comes back as 200: the status check of those cases must fail both ways.
    const throughProxy = (sandboxTests: boolean) =>
      onFreshMock(async (mock) => {
        const proxy = await startBreakingProxy(mock.url, (r) => (r.status === 202 ? { ...r, status: 200 } : r));
        try {
          const target = {
            ...mockTarget(mock),
            kind: 'url' as const,
            apiDomain: proxy.url,
            variables: { ...mock.variables, api_domain: proxy.url, contracts_domain: proxy.url },
          };
          return await runAll(target, sandboxTests);
        } finally {
          await proxy.close();
        }
      });
    const [fast, sandbox] = [await throughProxy(false), await throughProxy(true)];
    const failedFast = fast.filter((v) => nodeFindings(v) > 0).map(key);
    expect(failedFast.length).toBeGreaterThan(5);
    expect(sandbox.filter((v) => nodeFindings(v) > 0).map(key)).toEqual(failedFast);
    expect(sandbox.filter((v) => sandboxFindings(v) > 0).map(key)).toEqual(failedFast);
  });
});
