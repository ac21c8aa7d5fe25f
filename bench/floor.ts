// The floor (C): the same requests as the collections, sent with fetch at the same concurrency, checked with the same
// compiled ajv validators (the harness's cache in dist/validators), no newman.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { casesForVersion, catalog, expectedCodes, type Endpoint } from '../src/catalog/index.ts';
import { collectionPath, schemaId } from '../src/generate/index.ts';
import { selectItems } from '../src/harness/index.ts';
import { judgeResponse, loadSchemaRegistry, type SchemaRegistry } from '../src/validate/index.ts';

interface PreparedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly check: (status: number, body: string) => number;
}

/** Every mock-provocable case of the catalog as a ready fetch, with its Node-side check. */
export async function prepareFloor(
  root: string,
  variables: Readonly<Record<string, string>>,
): Promise<PreparedRequest[]> {
  const registry = await loadSchemaRegistry(join(root, 'schemas'), join(root, 'dist', 'validators'));
  const collections = [];
  for (const endpoint of catalog) {
    for (const version of endpoint.versions)
      collections.push({
        endpoint,
        version,
        collection: JSON.parse(await readFile(join(root, collectionPath(endpoint, version)), 'utf8')) as unknown,
      });
  }
  return floorRequests(collections, registry, variables);
}

/** The mock-provocable cases of some collections as ready fetches, each with its Node-side check. */
export function floorRequests(
  collections: ReadonlyArray<{ endpoint: Endpoint; version: string; collection: unknown }>,
  registry: SchemaRegistry,
  variables: Readonly<Record<string, string>>,
): PreparedRequest[] {
  const fill = (text: string): string =>
    text.replace(/\{\{([A-Za-z0-9_.-]+)\}\}/g, (_, name: string) => variables[name] ?? '');
  return collections.flatMap(({ endpoint, version, collection }) => {
    // A case whose success deletes its records runs once per mock: the bench sends the catalog round after round to one.
    const cases = casesForVersion(endpoint, version).filter(
      (c) => c.provocable.includes('mock') && !(endpoint.deletes && expectedCodes(c).includes('SUCCESS')),
    );
    const items = selectItems(
      collection,
      cases.map((c) => c.id),
    );
    return cases.flatMap((c) => {
      const item = items.get(c.id)?.json as
        | {
            request: {
              method: string;
              url: { host: string[]; path: string[]; query?: Array<{ key: string; value: string }> };
              header: Array<{ key: string; value: string }>;
              body?: { raw: string };
            };
          }
        | undefined;
      if (!item) return [];
      const request = item.request;
      return [
        {
          method: request.method,
          url: fill(`${request.url.host.join('.')}/${request.url.path.join('/')}${queryOf(request.url.query)}`),
          headers: Object.fromEntries(request.header.map((h) => [h.key, fill(h.value)])),
          ...(request.body ? { body: fill(request.body.raw) } : {}),
          check: (status: number, body: string) =>
            judgeResponse(c.expect, { status, body }, (shape, parsed) =>
              registry.check(schemaId(endpoint), shape, parsed),
            ).findings.length,
        },
      ];
    });
  });
}

/** A Postman URL's query as `?a=1&b=2` (the read endpoints' `fields`, `ids`, `criteria`...); empty when it has none. */
function queryOf(query: ReadonlyArray<{ key: string; value: string }> | undefined): string {
  return query && query.length > 0 ? `?${query.map((q) => `${q.key}=${q.value}`).join('&')}` : '';
}

/** Sends every request, `concurrency` in flight at once over the whole catalog (as the harness's runs); returns failures. */
export async function runFloor(
  requests: readonly PreparedRequest[],
  concurrency: number,
  failed: string[] = [],
): Promise<number> {
  let failures = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const request = requests[next++];
        if (!request) continue;
        const res = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          ...(request.body ? { body: request.body } : {}),
        });
        const found = request.check(res.status, await res.text());
        failures += found;
        // What disagreed, so a void bench says which request (its method, path and answer's status).
        if (found > 0) failed.push(`${request.method} ${new URL(request.url).pathname} -> ${res.status}`);
      }
    }),
  );
  return failures;
}
