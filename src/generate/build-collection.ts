// Catalog endpoint + API version -> one Postman Collection v2.1, built with the postman-collection SDK. Pure.

import { createRequire } from 'node:module';
import type postmanModule from 'postman-collection';
import { casesForVersion, collectionKey, describeUnconfirmed, hostVariable } from '../catalog/index.ts';
import type { Case, Endpoint, JsonSchema } from '../catalog/index.ts';
import { SCHEMA_VARIABLE, renderTestScript } from './test-script.ts';

/** The SDK is loaded on the first build: runs and harness files import this folder for its paths only (~0.1 s saved). */
let sdk: typeof postmanModule | undefined;
const collectionSdk = (): typeof postmanModule =>
  (sdk ??= createRequire(import.meta.url)('postman-collection') as typeof postmanModule);

type RequestBody = Exclude<Case['request']['body'], undefined>;

/** Stable, readable id for anything in a collection; the SDK would otherwise mint random ones. */
export function itemId(endpoint: Endpoint, version: string, ...parts: string[]): string {
  return [endpoint.product, endpoint.id, version, ...parts].join('.').replace(/[^A-Za-z0-9._-]+/g, '-');
}

/** The collection of one endpoint and API version, as plain JSON (deterministic for the same input). */
export function buildCollection(endpoint: Endpoint, version: string, schema: JsonSchema): Record<string, unknown> {
  const cases = casesForVersion(endpoint, version);
  const groups = [...new Set(cases.map((c) => c.group))];
  const collection = new (collectionSdk().Collection)({
    info: {
      id: itemId(endpoint, version),
      name: `Zoho ${endpoint.product.toUpperCase()} · ${endpoint.title} · ${version}`,
      version: endpoint.contractVersion,
      description: { content: describeCollection(endpoint, version), type: 'text/plain' },
    },
    variable: [{ id: SCHEMA_VARIABLE, key: SCHEMA_VARIABLE, type: 'string', value: JSON.stringify(schema) }],
    item: groups.map((group) => ({
      id: itemId(endpoint, version, 'folder', group),
      name: group,
      item: cases.filter((c) => c.group === group).map((c) => buildItem(endpoint, version, c)),
    })),
  });
  const json = collection.toJSON() as Record<string, unknown>;
  // The SDK adds an internal `_` copy of the id; it is not part of the v2.1 format.
  delete json['_'];
  return json;
}

/** One request item: the case's request with its test script (also a module variant's, built at run time). */
export function buildItem(endpoint: Endpoint, version: string, testCase: Case): Record<string, unknown> {
  const id = itemId(endpoint, version, testCase.id);
  return {
    id,
    name: testCase.name,
    description: describeItem(testCase),
    request: {
      method: testCase.request.method,
      url: `{{${hostVariable(endpoint)}}}${testCase.request.path.replace('{version}', version)}`,
      header: buildHeaders(testCase),
      ...(testCase.request.body === undefined ? {} : { body: buildBody(testCase.request.body) }),
    },
    event: [
      { listen: 'test', script: { id: `${id}.test`, type: 'text/javascript', exec: renderTestScript(testCase) } },
    ],
  };
}

/** The item's description: its doc reference, its note, and one line per claim that goes beyond the pages. */
function describeItem(testCase: Case): string {
  const parts = [
    `${testCase.doc.page}: ${testCase.doc.section}`,
    ...(testCase.note ? [testCase.note] : []),
    ...(testCase.unconfirmed ?? []).map(describeUnconfirmed),
  ];
  return parts.join('\n\n');
}

function buildHeaders(testCase: Case): Array<{ key: string; value: string }> {
  const auth = testCase.request.auth;
  const headers: Array<{ key: string; value: string }> = [];
  if ('token' in auth) headers.push({ key: 'Authorization', value: `Zoho-oauthtoken {{${auth.token}}}` });
  if ('literal' in auth) headers.push({ key: 'Authorization', value: auth.literal });
  if (testCase.request.body !== undefined) headers.push({ key: 'Content-Type', value: 'application/json' });
  for (const [key, value] of Object.entries(testCase.request.headers ?? {})) headers.push({ key, value });
  return headers;
}

function buildBody(body: RequestBody): Record<string, unknown> {
  const raw = isRaw(body) ? body.raw : JSON.stringify(body, null, 2);
  return { mode: 'raw', raw, options: { raw: { language: 'json' } } };
}

function isRaw(body: RequestBody): body is { readonly raw: string } {
  return (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    typeof (body as { raw?: unknown }).raw === 'string' &&
    Object.keys(body).length === 1
  );
}

function describeCollection(endpoint: Endpoint, version: string): string {
  return [
    `Contract of Zoho ${endpoint.product.toUpperCase()} ${endpoint.title} (${version}), generated from the catalog (${collectionKey(endpoint, version)}).`,
    `Source: ${endpoint.docPage}. Scopes: ${endpoint.scopes.join(' or ')}.`,
    `Needs an environment with ${hostVariable(endpoint)}, the token variables and the fixture ids; the embedded mock serves one at /__mock/environment.`,
  ].join('\n');
}
