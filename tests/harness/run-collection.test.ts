// The harness over loopback: the real mock, the real generated collection, newman in-process.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casesForVersion, updateRecords } from '../../src/catalog/index.ts';
import { collectionPath, schemaId } from '../../src/generate/index.ts';
import { loadCollection, runCollection, streamCollection, type Target } from '../../src/harness/index.ts';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { createSchemaRegistry, loadSchemas, type SchemaRegistry } from '../../src/validate/index.ts';
import { startBreakingProxy } from '../support/breaking-proxy.ts';
import { ROOT } from '../support/docs.ts';

let mock: MockServer;
let registry: SchemaRegistry;
let collection: unknown;
let target: Target;

beforeAll(async () => {
  mock = await startMock();
  registry = createSchemaRegistry(await loadSchemas(join(ROOT, 'schemas')));
  collection = await loadCollection(join(ROOT, collectionPath(updateRecords, 'v2.1')));
  target = {
    kind: 'mock',
    name: 'mock',
    apiDomain: mock.url,
    variables: mock.variables,
    secrets: [mock.variables['access_token'] ?? ''],
  };
});
afterAll(async () => mock.close());

const run = (overrides: Partial<Parameters<typeof runCollection>[0]> = {}) =>
  runCollection({
    endpoint: updateRecords,
    version: 'v2.1',
    collection,
    target,
    registry,
    schemaId: schemaId(updateRecords),
    ...overrides,
  });

describe('runCollection', () => {
  it('passes every documented case against the mock, one verdict per case in catalog order', async () => {
    const verdicts = await run({ concurrency: 4 });
    expect(verdicts.map((v) => v.caseId)).toEqual(casesForVersion(updateRecords, 'v2.1').map((c) => c.id));
    expect(verdicts.filter((v) => v.outcome !== 'pass').map((v) => `${v.caseId}: ${v.reason}`)).toEqual([]);
  });

  it('gives the same verdicts with one newman run as with many', async () => {
    const outcomes = (vs: Awaited<ReturnType<typeof run>>) => vs.map((v) => [v.caseId, v.outcome, v.actual?.status]);
    expect(
      outcomes(await run({ concurrency: 1, caseIds: ['success-single', 'record-locked', 'invalid-module'] })),
    ).toEqual(outcomes(await run({ concurrency: 8, caseIds: ['success-single', 'record-locked', 'invalid-module'] })));
  });

  it('with more units than run in flight, sends them wave by wave over consecutive cases: verdicts come out in catalog order', async () => {
    // One run in flight and units of two cases: a unit dealt from every count-th case would hand out 0, 4, 8, ... first.
    const caseIds = casesForVersion(updateRecords, 'v2.1')
      .filter((c) => c.provocable.includes('mock'))
      .map((c) => c.id)
      .slice(0, 8);
    const order: string[] = [];
    await streamCollection(
      {
        endpoint: updateRecords,
        version: 'v2.1',
        collection,
        target,
        registry,
        schemaId: schemaId(updateRecords),
        caseIds,
        concurrency: 1,
        unitSize: 2,
      },
      (v) => void order.push(v.caseId),
    );
    expect(order).toEqual(caseIds);
  });

  it('leaves a case whose fixture the target does not configure not checked, naming the variable to set', async () => {
    const { locked_record_id: _dropped, ...variables } = mock.variables;
    const [verdict] = await run({ target: { ...target, kind: 'url', variables }, caseIds: ['record-locked'] });
    expect(verdict).toMatchObject({
      outcome: 'not-checked',
      reason: 'not configured for this target: ZOHO_LOCKED_RECORD_ID',
      notChecked: {
        cause: 'configuration',
        variables: ['ZOHO_LOCKED_RECORD_ID'],
        fix: 'set ZOHO_LOCKED_RECORD_ID (see .env.example)',
      },
    });
  });

  it.each([['live'], ['url']] as const)(
    'does not send mock-only cases to a %s target: not applicable',
    async (kind) => {
      const [verdict] = await run({ target: { ...target, kind }, caseIds: ['internal-error'] });
      expect(verdict).toMatchObject({ outcome: 'not-applicable', reason: `${kind} cannot provoke it (mock only)` });
    },
  );

  it('reports a refused connection as an error verdict naming the fault, not a failure', async () => {
    const [verdict] = await run({
      target: { ...target, apiDomain: 'http://127.0.0.1:9' },
      caseIds: ['success-single'],
      timeoutMs: 5_000,
    });
    expect(verdict?.outcome).toBe('error');
    expect(verdict?.reason).toMatch(/^transport error: connection refused/);
  });

  it('keeps a redacted excerpt of the exchange: the token never appears', async () => {
    const [verdict] = await run({ caseIds: ['success-single'] });
    const text = JSON.stringify(verdict);
    expect(text).not.toContain(mock.variables['access_token']);
    expect(verdict?.exchange?.requestHeaders['Authorization']).toBe('Zoho-oauthtoken [REDACTED]');
    expect(verdict?.exchange?.status).toBe(200);
  });

  it('runs the in-collection sandbox scripts too when asked, with the same verdicts', async () => {
    const verdicts = await run({ sandboxTests: true, caseIds: ['success-bulk', 'not-approved'] });
    expect(verdicts.map((v) => v.outcome)).toEqual(['pass', 'pass']);
  });

  it('hands each verdict over as its request ends, while a later request of the same newman run is still unanswered', async () => {
    const caseIds = ['success-single', 'record-locked', 'invalid-module'];
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    // One newman run sends the three requests one after another; the proxy holds the last until two verdicts are out.
    const proxy = await startBreakingProxy(
      mock.url,
      (response) => response,
      0,
      (count) => (count === caseIds.length ? held : undefined),
    );
    try {
      const order: string[] = [];
      await streamCollection(
        {
          endpoint: updateRecords,
          version: 'v2.1',
          collection,
          target: { ...target, apiDomain: proxy.url },
          registry,
          schemaId: schemaId(updateRecords),
          caseIds,
          concurrency: 1,
          timeoutMs: 5_000,
        },
        (verdict) => {
          order.push(`${verdict.caseId}: ${verdict.outcome}`);
          if (order.length === caseIds.length - 1) release();
        },
      );
      // Verdicts held back to the end of the run would leave the last request unanswered until it timed out.
      expect(order).toEqual(caseIds.map((id) => `${id}: pass`));
    } finally {
      release();
      await proxy.close();
    }
  });
});
