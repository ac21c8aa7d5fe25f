// A live org may make more fields mandatory than the doc pages' demo org: a case that creates records (Insert, Upsert)
// then has each record it sends completed with the org's mandatory fields, planned from its metadata like a fixture.
// The catalog's request stays the documented one; what was sent is what the verdict reads. Pure.

import { caseModule, expectedCodes, type Case, type Endpoint } from '../catalog/index.ts';
import { isObject } from '../is-object.ts';
import type { Target } from './target.ts';

/**
 * The item with each `data[]` record given the fields of its fill (by position) that it does not carry: only for an
 * endpoint that creates records, a module the target has fills for, and a case that is not about a missing mandatory
 * field (that one must stay missing).
 */
export function withRecordFills(
  item: Record<string, unknown>,
  testCase: Case,
  endpoint: Endpoint,
  target: Target,
): Record<string, unknown> {
  const module = caseModule(testCase);
  const fills = module ? target.fills?.[module] : undefined;
  if (!endpoint.creates || !fills?.length || expectedCodes(testCase).includes('MANDATORY_NOT_FOUND')) return item;
  const request = isObject(item['request']) ? item['request'] : undefined;
  const body = request && isObject(request['body']) ? request['body'] : undefined;
  if (!request || !body || typeof body['raw'] !== 'string') return item;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body['raw']) as unknown;
  } catch {
    return item; // a body that is not JSON on purpose: sent as documented
  }
  if (!isObject(parsed) || !Array.isArray(parsed['data'])) return item;
  const data = parsed['data'].map((entry: unknown, i) =>
    isObject(entry) ? { ...(fills[i % fills.length] ?? {}), ...namedKeys(entry, target) } : entry,
  );
  const raw = JSON.stringify({ ...parsed, data }, null, 2);
  return { ...item, request: { ...request, body: { ...body, raw } } };
}

/**
 * The entry with each key that is a run variable (a module variant's `{{mod__Accounts__text_field}}`) read as the field
 * it names: it then overrides the fill's value of that field, and the record never carries one field twice.
 */
function namedKeys(entry: Record<string, unknown>, target: Target): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(entry).map(([key, value]) => [
      key.replace(/^\{\{([A-Za-z0-9_]+)\}\}$/, (whole, name: string) => target.variables[name] ?? whole),
      value,
    ]),
  );
}
