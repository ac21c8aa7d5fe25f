// A Postman collection's saved example responses against the catalog: agree, agree with drift, disagree, or match nothing. Pure.

import { expectedCodes, type Case, type DriftPoint, type Endpoint, type ResponseShape } from '../catalog/index.ts';
import { checkMessages } from './check-messages.ts';
import { compileContract, normaliseWording } from './compile-contract.ts';
import { isObject } from '../is-object.ts';
import { observe, type ObservedResponse } from './judge-response.ts';
import type { SchemaRegistry } from './schema-registry.ts';

/** What one saved example says about the documented contract. */
export interface ExampleCheck {
  /** "Leads › RECORD_LOCKED": the item, then the example's name. */
  readonly example: string;
  readonly method: string;
  readonly path: string;
  /** "crm/update-records" when the request matched a catalog endpoint. */
  readonly endpoint?: string;
  readonly verdict: 'agrees' | 'drift' | 'disagrees' | 'unmatched';
  readonly status: number;
  readonly codes: readonly string[];
  readonly reasons: readonly string[];
  /** Drift-ledger ids this example takes a side on. */
  readonly drift: readonly string[];
}

/** Where an endpoint schema's id comes from (same rule as the generator). */
export type SchemaIdOf = (endpoint: Endpoint) => string;

interface SavedExample {
  readonly name: string;
  readonly item: string;
  readonly method: string;
  readonly segments: readonly string[];
  readonly status: number;
  readonly body: string;
}

/** Checks every saved example of a collection (or of a single item) against the catalog and the schemas. */
export function checkSavedExamples(
  collection: unknown,
  endpoints: readonly Endpoint[],
  registry: SchemaRegistry,
  schemaIdOf: SchemaIdOf,
): ExampleCheck[] {
  return collectExamples(collection).map((example) => checkExample(example, endpoints, registry, schemaIdOf));
}

function checkExample(
  example: SavedExample,
  endpoints: readonly Endpoint[],
  registry: SchemaRegistry,
  schemaIdOf: SchemaIdOf,
): ExampleCheck {
  const base = {
    example: `${example.item} › ${example.name}`,
    method: example.method,
    path: `/${example.segments.join('/')}`,
    status: example.status,
  };
  const endpoint = endpoints.find((e) =>
    e.paths.some((template) => matchesTemplate(template, e.versions, example.segments)),
  );
  if (!endpoint)
    return { ...base, verdict: 'unmatched', codes: [], reasons: ['no catalog endpoint has this path'], drift: [] };
  const key = `${endpoint.product}/${endpoint.id}`;
  let body: unknown;
  try {
    body = JSON.parse(example.body);
  } catch {
    return { ...base, endpoint: key, verdict: 'disagrees', codes: [], reasons: ['body is not JSON'], drift: [] };
  }
  const observed = observe(example.status, body);
  const reasons: string[] = [];
  const shape = observed.shape;
  if (shape === 'other') reasons.push('body is not a JSON object');
  else if (!endpoint.cases.some((c) => c.expect.shape === shape))
    reasons.push(`${describeShape(shape)} is not a documented answer of ${key}`);
  else {
    reasons.push(...registry.check(schemaIdOf(endpoint), shape, body).map((f) => `schema: ${f.message}`));
    // The run's own message check: any message a page prints for the code passes.
    reasons.push(...checkMessages(compileContract(endpoint), shape, body).findings.map((f) => `message: ${f.message}`));
  }
  const sameCodes = endpoint.cases.filter((c) => c.expect.shape === observed.shape && covers(c, observed));
  if (shape !== 'other' && sameCodes.length === 0 && endpoint.cases.some((c) => c.expect.shape === shape))
    reasons.push(`${observed.codes.join(', ') || observed.shape} is not a documented answer of ${key}`);
  else if (sameCodes.length > 0 && !sameCodes.some((c) => c.expect.status === example.status)) {
    reasons.push(
      `cases expect HTTP ${[...new Set(sameCodes.map((c) => c.expect.status))].join(' or ')} (${sameCodes.map((c) => c.id).join(', ')}), the example says ${example.status}`,
    );
  }
  const drift = driftTaken(sameCodes, endpoint, observed);
  reasons.push(...drift.map((d) => d.reason));
  const verdict = reasons.length === drift.length ? (drift.length > 0 ? 'drift' : 'agrees') : 'disagrees';
  return { ...base, endpoint: key, verdict, codes: observed.codes, reasons, drift: drift.map((d) => d.id) };
}

function describeShape(shape: ResponseShape): string {
  return {
    records: 'a data[] envelope',
    error: 'a top-level error',
    object: 'a plain JSON object',
    list: "a read's data[] of records",
    empty: 'no body',
  }[shape];
}

/** A case covers an answer when it expects every code the answer carries (a one-entry example of a bulk case counts). */
function covers(testCase: Case, observed: ObservedResponse): boolean {
  const expected = expectedCodes(testCase);
  const codes = observed.shape === 'object' ? ['SUCCESS'] : observed.codes;
  return codes.every((code) => expected.includes(code));
}

/** The drift points whose documented variants this example contradicts at least once: it takes a side. */
function driftTaken(
  cases: readonly Case[],
  endpoint: Endpoint,
  observed: ObservedResponse,
): Array<{ id: string; reason: string }> {
  const points = new Map<string, DriftPoint>();
  for (const point of [...cases.flatMap((c) => c.drift ?? []), ...(endpoint.drift ?? [])]) points.set(point.id, point);
  const taken: Array<{ id: string; reason: string }> = [];
  for (const point of points.values()) {
    const decidable = point.variants.filter(
      (v) => v.status !== undefined || v.shape !== undefined || v.message !== undefined,
    );
    const contradicted = decidable.filter(
      (v) =>
        (v.status !== undefined && v.status !== observed.status) ||
        (v.shape !== undefined && v.shape !== observed.shape) ||
        (v.message !== undefined && !carriesWording(observed, v.message)),
    );
    if (decidable.length === 0 || contradicted.length === 0 || contradicted.length === decidable.length) continue;
    const against = contradicted.map((v) => `${v.source.page} § ${v.source.section} says ${v.says}`).join('; ');
    taken.push({ id: point.id, reason: `drift: ${against}; see drift ledger ${point.id}` });
  }
  return taken;
}

/** The answer carries the message (top-level or in an entry), worded as given: a final full stop tells variants apart here. */
function carriesWording(observed: ObservedResponse, message: string): boolean {
  const wanted = normaliseWording(message);
  return [observed.message, ...(observed.messages ?? [])].some(
    (m) => m !== undefined && normaliseWording(m) === wanted,
  );
}

/** Does a request path match a documented template (`{version}` among the endpoint's versions, other `{...}` anything)? */
export function matchesTemplate(template: string, versions: readonly string[], segments: readonly string[]): boolean {
  const parts = template.split('/').filter(Boolean);
  if (parts.length !== segments.length) return false;
  return parts.every((part, i) => {
    const segment = segments[i] ?? '';
    if (part === '{version}') return versions.includes(segment);
    return /^\{[^}]+\}$/.test(part) || part === segment;
  });
}

/** Every saved example of a collection, folders walked, with the request that produced it. */
function collectExamples(collection: unknown): SavedExample[] {
  const out: SavedExample[] = [];
  const visit = (node: unknown): void => {
    if (!isObject(node)) return;
    if (Array.isArray(node['item'])) for (const child of node['item']) visit(child);
    if (!isObject(node['request']) && typeof node['request'] !== 'string') return;
    const itemName = typeof node['name'] === 'string' ? node['name'] : '(unnamed)';
    for (const response of Array.isArray(node['response']) ? node['response'] : []) {
      if (!isObject(response)) continue;
      const request = isObject(response['originalRequest']) ? response['originalRequest'] : node['request'];
      out.push({
        name: typeof response['name'] === 'string' ? response['name'] : '(unnamed example)',
        item: itemName,
        method: isObject(request) && typeof request['method'] === 'string' ? request['method'].toUpperCase() : 'GET',
        segments: pathSegments(isObject(request) ? request['url'] : request),
        status: typeof response['code'] === 'number' ? response['code'] : 0,
        body: typeof response['body'] === 'string' ? response['body'] : '',
      });
    }
  };
  visit(collection);
  return out;
}

/** URL (a v2.1 object with `path`, or a raw string as in v2.0) -> path segments without host or query. */
function pathSegments(url: unknown): string[] {
  if (isObject(url) && Array.isArray(url['path']))
    return url['path']
      .map((p) => (typeof p === 'string' ? p : isObject(p) && typeof p['value'] === 'string' ? p['value'] : ''))
      .filter(Boolean);
  const raw = isObject(url) && typeof url['raw'] === 'string' ? url['raw'] : typeof url === 'string' ? url : '';
  const withoutHost =
    raw
      .replace(/^\{\{[^}]+\}\}/, '')
      .replace(/^[a-z]+:\/\/[^/]+/i, '')
      .split(/[?#]/)[0] ?? '';
  return withoutHost.split('/').filter(Boolean);
}
