// Declares one vitest test per case of a collection, runs the selected cases once through the harness, asserts each verdict.

import { join } from 'node:path';
import { beforeAll, expect, inject, test } from 'vitest';
import { casesForVersion, type Endpoint } from '../../../src/catalog/index.ts';
import { collectionPath, schemaId } from '../../../src/generate/index.ts';
import { loadCollection, runCollection, type Exchange } from '../../../src/harness/index.ts';
import { writeCassette } from '../../../src/live/index.ts';
import '../../../src/report/task-meta.ts';
import { createSchemaRegistry, loadSchemas, type SchemaRegistry, type Verdict } from '../../../src/validate/index.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
let registry: Promise<SchemaRegistry> | undefined;

/** One compiled registry per worker, shared by every harness file it runs. */
function sharedRegistry(): Promise<SchemaRegistry> {
  const loaded = registry ?? loadSchemas(join(ROOT, 'schemas')).then(createSchemaRegistry);
  registry = loaded;
  return loaded;
}

/** The test name a case gets: product › endpoint › version › case. */
export function contractTestName(endpoint: Endpoint, version: string, caseName: string): string {
  return `${endpoint.product} › ${endpoint.id} › ${version} › ${caseName}`;
}

/** Registers the tests of one collection (endpoint × API version) in the calling harness file. */
export function defineCollectionSuite(endpoint: Endpoint, version: string): void {
  const cases = casesForVersion(endpoint, version);
  const verdicts = new Map<string, Verdict>();
  // vitest 4 wants an object pattern for the fixture context; the file suite is the second argument.
  // eslint-disable-next-line no-empty-pattern
  let runCases: ((caseIds: readonly string[]) => Promise<Verdict[]>) | undefined;
  beforeAll(async ({}, file) => {
    // Run only what vitest will run (name filters mark the rest as skipped before hooks start).
    const wanted = new Set(file.tasks.filter((t) => t.mode === 'run' || t.mode === 'only').map((t) => t.name));
    const caseIds = cases.filter((c) => wanted.has(contractTestName(endpoint, version, c.name))).map((c) => c.id);
    if (caseIds.length === 0) return;
    const options = inject('contractRun');
    const collection = await loadCollection(join(ROOT, collectionPath(endpoint, version)));
    const registry = await sharedRegistry();
    const target = inject('target');
    const record = options.recordDir;
    const onExchange = record
      ? (caseId: string, e: Exchange) =>
          writeCassette(record, {
            key: `${endpoint.product}/${endpoint.id}/${version}/${caseId}`,
            request: { method: e.method, url: e.url, headers: e.requestHeaders, ...(e.requestBody === undefined ? {} : { body: e.requestBody }) },
            response: { status: e.response?.status ?? 0, headers: e.response?.headers ?? {}, body: e.response?.body ?? '' },
          }, target.secrets)
      : undefined;
    runCases = (ids) =>
      runCollection({ endpoint, version, collection, target, registry, schemaId: schemaId(endpoint), caseIds: ids, concurrency: options.concurrency, timeoutMs: options.timeoutMs, sandboxTests: options.sandboxTests, ...(onExchange ? { onExchange } : {}) });
    for (const verdict of await runCases(caseIds)) verdicts.set(verdict.caseId, verdict);
  });
  for (const testCase of cases) {
    test(contractTestName(endpoint, version, testCase.name), async (context) => {
      let verdict = verdicts.get(testCase.id);
      if (!verdict) throw new Error(`no verdict for ${testCase.id}: the collection run did not finish`);
      // A retry (--retries) sends the request again; every attempt is kept, and a late pass is reported as flaky.
      if ((context.task.result?.retryCount ?? 0) > 0 && runCases) {
        const [again] = await runCases([testCase.id]);
        if (again) {
          const attempts = [...(verdict.attempts ?? []), withoutAttempts(verdict)];
          verdict = { ...again, attempts, ...(again.outcome === 'pass' ? { flaky: true } : {}) };
          verdicts.set(testCase.id, verdict);
        }
      }
      context.task.meta.verdict = verdict;
      if (verdict.outcome === 'skipped') context.skip(verdict.reason);
      expect(verdict).toHoldContract();
    });
  }
}

function withoutAttempts(verdict: Verdict): Omit<Verdict, 'attempts'> {
  const { attempts: _attempts, ...rest } = verdict;
  return rest;
}
