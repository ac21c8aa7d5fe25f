// The records a case's own request created (Insert, Upsert) or deleted (Delete Records): read from its answer, so a
// live run deletes the first with its fixtures and leaves the second out of its clean-up. Pure.

import { isObject } from '../is-object.ts';
import type { Exchange } from './newman-exchange.ts';

/** A record a case created: its module (from the request's path) and its id (from the answer). */
export interface CreatedRecord {
  readonly module: string;
  readonly id: string;
}

/**
 * Every `data[]` entry of a success that names a new record: `status: "success"` with `details.id`, and for an upsert
 * `action: "insert"` (an update created nothing). The module is the path's segment after `/crm/{version}/`.
 */
export function createdRecords(exchange: Exchange): CreatedRecord[] {
  return successes(exchange, /\/crm\/v[0-9.]+\/([A-Za-z0-9_]+)(?:\/upsert)?(?:[?#].*)?$/)
    .filter(({ entry }) => entry['action'] === undefined || entry['action'] === 'insert')
    .map(({ record }) => record);
}

/** Every success entry of a delete: the record it names is gone. The module is the path's segment after `/crm/{version}/`. */
export function deletedRecords(exchange: Exchange): CreatedRecord[] {
  return successes(exchange, /\/crm\/v[0-9.]+\/([A-Za-z0-9_]+)(?:\/\d+)?(?:[?#].*)?$/).map(({ record }) => record);
}

/** The success entries of an answer whose path `route` matches (its module in group 1), each with the record it names. */
function successes(
  exchange: Exchange,
  route: RegExp,
): Array<{ entry: Record<string, unknown>; record: CreatedRecord }> {
  const module = route.exec(pathOf(exchange.url))?.[1];
  const text = exchange.response?.body;
  if (!module || !text) return [];
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return [];
  }
  const data = isObject(body) && Array.isArray(body['data']) ? body['data'] : [];
  return data.flatMap((entry: unknown) => {
    if (!isObject(entry) || entry['status'] !== 'success' || !isObject(entry['details'])) return [];
    const id = entry['details']['id'];
    return typeof id === 'string' && id !== '' ? [{ entry, record: { module, id } }] : [];
  });
}

/** The URL's path and query, whatever host it was sent to (a base URL may carry a path of its own). */
function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
