// Request bodies as Zoho reads them: a JSON object, usually with a `data` array of at most 100 objects.

import type { Handled } from './records-api.ts';
import { topLevelError, type Json } from './zoho-errors.ts';

const MAX_RECORDS = 100;

/** The body as a JSON object, or the saved example's 400 INVALID_DATA "body" answer. */
export function parseObjectBody(text: string): Json | Handled {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      response: topLevelError('INVALID_DATA', { expected_data_type: 'jsonobject' }, 'body'),
      behaviours: ['INVALID_DATA:body'],
    };
  }
  return body as Json;
}

/** The body's `data` array (1 to `maximum` objects) and the body itself, or the top-level error Zoho gives instead. */
export function parseDataBody(text: string, maximum = MAX_RECORDS): { data: Json[]; body: Json } | Handled {
  const body = parseObjectBody(text);
  if (isHandled(body)) return body;
  const data = body['data'];
  if (!Array.isArray(data))
    return {
      response: topLevelError('MANDATORY_NOT_FOUND', { api_name: 'data' }),
      behaviours: ['MANDATORY_NOT_FOUND:data'],
    };
  if (data.length > maximum)
    return { response: topLevelError('LIMIT_EXCEEDED', { limit: maximum }), behaviours: ['LIMIT_EXCEEDED:records'] };
  if (data.length === 0 || data.some((e) => typeof e !== 'object' || e === null || Array.isArray(e))) {
    return {
      response: topLevelError('INVALID_DATA', { api_name: 'data', expected_data_type: 'jsonarray' }),
      behaviours: ['INVALID_DATA:body'],
    };
  }
  return { data: data as Json[], body };
}

/** Tells a parse failure (an answer to send) from a parsed body. */
export function isHandled(value: unknown): value is Handled {
  return typeof value === 'object' && value !== null && 'response' in value && 'behaviours' in value;
}
