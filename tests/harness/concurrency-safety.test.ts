// Cases never race: the whole catalog, every collection at once at high concurrency, gives identical verdicts run after run.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/index.ts';
import { collectionPath, schemaId } from '../../src/generate/index.ts';
import { loadCollection, runCollection, SECRET_VARIABLES, type Target } from '../../src/harness/index.ts';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { createSchemaRegistry, loadSchemas, type SchemaRegistry } from '../../src/validate/index.ts';
import { caseKey } from '../../src/verdict/index.ts';
import { ROOT } from '../support/docs.ts';

let mock: MockServer;
let registry: SchemaRegistry;
let target: Target;
const collections = new Map<string, unknown>();

beforeAll(async () => {
  mock = await startMock();
  registry = createSchemaRegistry(await loadSchemas(join(ROOT, 'schemas')));
  target = { kind: 'mock', name: 'mock', apiDomain: mock.url, variables: mock.variables, secrets: SECRET_VARIABLES.map((n) => mock.variables[n] ?? '') };
  for (const endpoint of catalog) for (const version of endpoint.versions) collections.set(collectionPath(endpoint, version), await loadCollection(join(ROOT, collectionPath(endpoint, version))));
});
afterAll(async () => mock.close());

/** Every collection at once, each split over `concurrency` newman runs: one line per verdict. */
async function runAll(concurrency: number): Promise<string[]> {
  const runs = catalog.flatMap((endpoint) =>
    endpoint.versions.map((version) =>
      runCollection({ endpoint, version, collection: collections.get(collectionPath(endpoint, version)), target, registry, schemaId: schemaId(endpoint), concurrency }),
    ),
  );
  return (await Promise.all(runs)).flat().map((v) => `${caseKey(v)} ${v.outcome} ${v.actual?.status} ${v.actual?.codes.join(',')}`);
}

describe('concurrency safety', () => {
  it('gives identical, passing verdicts five times over at 16 newman runs per collection', async () => {
    const first = await runAll(16);
    expect(first.filter((line) => !line.includes(' pass '))).toEqual([]);
    for (let i = 0; i < 4; i += 1) expect(await runAll(16)).toEqual(first);
  });
});
