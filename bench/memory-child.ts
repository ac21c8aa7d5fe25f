// D: peak memory of the harness for a synthetic catalog of N cases (the same endpoint many times), in its own process.

import { updateRecords, type Case, type Endpoint } from '../src/catalog/index.ts';
import { buildCollection, buildEndpointSchema, schemaId } from '../src/generate/index.ts';
import { runCollection } from '../src/harness/index.ts';
import { startMock } from '../src/mock/index.ts';
import { createSchemaRegistry } from '../src/validate/index.ts';

const count = Number(process.argv[2] ?? 1000);
const base = updateRecords.cases.filter((c) => c.provocable.includes('mock') && !c.id.includes('bulk'));
const cases: Case[] = Array.from({ length: count }, (_, i) => {
  const c = base[i % base.length] as Case;
  return { ...c, id: `${c.id}-${i}`, name: `${c.name} #${i}` };
});
const endpoint: Endpoint = { ...updateRecords, id: 'synthetic', versions: ['v8'], cases };
const schema = buildEndpointSchema({ product: 'crm', endpoint: 'synthetic', title: 'Synthetic', docPage: updateRecords.docPage, details: updateRecords.details });
const mock = await startMock();
const verdicts = await runCollection({
  endpoint,
  version: 'v8',
  collection: buildCollection(endpoint, 'v8', schema),
  target: { kind: 'mock', name: 'mock', apiDomain: mock.url, variables: mock.variables, secrets: [] },
  registry: createSchemaRegistry([schema]),
  schemaId: schemaId(endpoint),
  concurrency: 8,
});
await mock.close();
const failed = verdicts.filter((v) => v.outcome !== 'pass').length;
process.stdout.write(`${JSON.stringify({ cases: verdicts.length, failed, maxRssBytes: process.resourceUsage().maxRSS * 1024, heapUsed: process.memoryUsage().heapUsed })}\n`);
