// Cases never race: every collection at once, each split into units of four cases with 16 newman runs in flight per
// collection, so cases of one collection run side by side as well as collections; verdicts are identical run after run.
// (The CLI's own units stay large for speed: a small collection is one unit there. `unitSize` is the library's knob.)

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/**
 * A loopback proxy in front of the mock that counts the requests in flight, by API prefix (`/crm/v2.1` is one
 * collection's alone), and holds each answer 30 ms so that requests sent side by side are seen together.
 */
let proxy: Server;
const inFlight = new Map<string, number>();
const mostInFlight = new Map<string, number>();
let mostOverall = 0;
let mostPrefixesAtOnce = 0;

beforeAll(async () => {
  mock = await startMock();
  registry = createSchemaRegistry(await loadSchemas(join(ROOT, 'schemas')));
  proxy = createServer(async (req, res) => {
    const prefix = (req.url ?? '/').split('/').slice(0, 3).join('/');
    inFlight.set(prefix, (inFlight.get(prefix) ?? 0) + 1);
    mostInFlight.set(prefix, Math.max(mostInFlight.get(prefix) ?? 0, inFlight.get(prefix) ?? 0));
    mostOverall = Math.max(
      mostOverall,
      [...inFlight.values()].reduce((a, b) => a + b, 0),
    );
    mostPrefixesAtOnce = Math.max(mostPrefixesAtOnce, [...inFlight.values()].filter((n) => n > 0).length);
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (e): e is [string, string] => typeof e[1] === 'string' && !['host', 'content-length'].includes(e[0]),
        ),
      );
      const answer = await fetch(`${mock.url}${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        headers,
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      });
      const body = await answer.text();
      await new Promise((resolve) => setTimeout(resolve, 30));
      res.writeHead(
        answer.status,
        Object.fromEntries(
          [...answer.headers].filter(
            ([key]) => !['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(key),
          ),
        ),
      );
      res.end(body);
    } finally {
      inFlight.set(prefix, (inFlight.get(prefix) ?? 1) - 1);
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  // The mock as target, its CRM and Bigin requests crossing the proxy (which passes on the headers that ask for the
  // mock-only faults). Contracts goes straight to the mock: node:http cannot parse the UPDATE method one case sends.
  proxyUrl = url;
  target = targetVia(url);
  for (const endpoint of catalog)
    for (const version of endpoint.versions)
      collections.set(
        collectionPath(endpoint, version),
        await loadCollection(join(ROOT, collectionPath(endpoint, version))),
      );
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await mock.close();
});

let proxyUrl = '';
/** The mock as target, its CRM and Bigin requests crossing the proxy at `url`. */
function targetVia(url: string): Target {
  return {
    kind: 'mock',
    name: 'mock via proxy',
    apiDomain: url,
    variables: { ...mock.variables, api_domain: url },
    secrets: SECRET_VARIABLES.map((n) => mock.variables[n] ?? ''),
  };
}

/** Every collection at once, each in units of four cases with 16 newman runs in flight: one line per verdict. */
async function runAll(): Promise<string[]> {
  // A mock of its own per round: Delete Records' successes delete their records, so they pass once per mock.
  await mock.close();
  mock = await startMock();
  target = targetVia(proxyUrl);
  const runs = catalog.flatMap((endpoint) =>
    endpoint.versions.map((version) =>
      runCollection({
        endpoint,
        version,
        collection: collections.get(collectionPath(endpoint, version)),
        target,
        registry,
        schemaId: schemaId(endpoint),
        concurrency: 16,
        unitSize: 4,
      }),
    ),
  );
  return (await Promise.all(runs))
    .flat()
    .map((v) => `${caseKey(v)} ${v.outcome} ${v.actual?.status} ${v.actual?.codes.join(',')}`);
}

describe('concurrency safety', () => {
  it('gives identical, passing verdicts three times over with the cases of each collection side by side', async () => {
    const first = await runAll();
    expect(first.length).toBeGreaterThan(100);
    expect(first.filter((line) => !line.includes(' pass '))).toEqual([]);
    for (let i = 0; i < 2; i += 1) expect(await runAll()).toEqual(first);
    // The runs really overlapped: cases of Update Records v2.1 (the only collection under /crm/v2.1) were in flight
    // together, and so were several collections.
    expect(mostInFlight.get('/crm/v2.1') ?? 0).toBeGreaterThanOrEqual(2);
    expect(mostPrefixesAtOnce).toBeGreaterThanOrEqual(2);
    expect(mostOverall).toBeGreaterThanOrEqual(3);
  });
});
