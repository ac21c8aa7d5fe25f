// The steady-state figure beside C: the harness over a synthetic catalog of N cases (the same endpoint many times), in
// a process of its own, run as the CLI's verdict thread runs it (a thread prepared by the harness's newman seam, two
// runs in flight) against the bench's mock in another process; then the floor over the same cases. Time per case with
// start-up costs out of the picture. (D, the memory figure, is the CLI's own: bench/synthetic-cli.ts.)

import { join } from 'node:path';
import { updateRecords, type Case, type Endpoint } from '../src/catalog/index.ts';
import { buildCollection, buildEndpointSchema, schemaId } from '../src/generate/index.ts';
import { prepareNewmanThread, streamCollection } from '../src/harness/index.ts';
import { floorRequests, runFloor } from './floor.ts';
import { createSchemaRegistry } from '../src/validate/index.ts';

const count = Number(process.argv[2] ?? 1000);
const mock = JSON.parse(process.argv[3] ?? '{}') as { url: string; variables: Record<string, string> };
const base = updateRecords.cases.filter((c) => c.provocable.includes('mock') && !c.id.includes('bulk'));
const cases: Case[] = Array.from({ length: count }, (_, i) => {
  const c = base[i % base.length] as Case;
  return { ...c, id: `${c.id}-${i}`, name: `${c.name} #${i}` };
});
const endpoint: Endpoint = { ...updateRecords, id: 'synthetic', versions: ['v8'], cases };
const schema = buildEndpointSchema({
  product: 'crm',
  endpoint: 'synthetic',
  title: 'Synthetic',
  docPage: updateRecords.docPage,
  details: updateRecords.details,
});
let total = 0;
let failed = 0;
prepareNewmanThread(join(import.meta.dirname, '..'));
const registry = createSchemaRegistry([schema]);
const collection = buildCollection(endpoint, 'v8', schema);
const started = performance.now();
await streamCollection(
  {
    endpoint,
    version: 'v8',
    collection,
    target: { kind: 'mock', name: 'mock', apiDomain: mock.url, variables: mock.variables, secrets: [] },
    registry,
    schemaId: schemaId(endpoint),
    concurrency: 2,
  },
  (verdict) => {
    total += 1;
    if (verdict.outcome !== 'pass') failed += 1;
  },
);
const harnessMs = performance.now() - started;
const requests = floorRequests([{ endpoint, version: 'v8', collection }], registry, mock.variables);
const floorStarted = performance.now();
const floorFailures = await runFloor(requests, 2);
const floorMs = performance.now() - floorStarted;
process.stdout.write(`${JSON.stringify({ cases: total, failed, harnessMs, floorMs, floorFailures })}\n`);
