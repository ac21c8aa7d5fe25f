// Reads a Postman collection or item from disk: JSON, or a doc page that embeds an item after "Postman Collection Item JSON".

import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.ts';

const MARKER = 'Postman Collection Item JSON';
const KNOWN_SCHEMAS = ['/v2.0.0/', '/v2.1.0/'];

/** The parsed collection (or single item), narrowed just enough to be walked; every bad file is a one-line ConfigError. */
export async function readPostmanFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path} cannot be read`, 'check the path and permissions', { cause: error });
  }
  const parsed =
    parseJson(text) ??
    (text.includes(MARKER) ? parseJson(text.slice(text.indexOf('{', text.indexOf(MARKER)))) : undefined);
  if (parsed === undefined)
    throw new ConfigError(`${path} is not JSON`, 'give a Postman collection exported as v2.0 or v2.1 JSON');
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ConfigError(
      `${path} is not a Postman collection or item`,
      'give an object with "item" (a collection) or "request" (an item)',
    );
  const record = parsed as Record<string, unknown>;
  if (!Array.isArray(record['item']) && record['request'] === undefined) {
    throw new ConfigError(
      `${path} is not a Postman collection or item`,
      'give an object with "item" (a collection) or "request" (an item)',
    );
  }
  const info = record['info'];
  const schema = typeof info === 'object' && info !== null ? (info as Record<string, unknown>)['schema'] : undefined;
  if (schema !== undefined && (typeof schema !== 'string' || !KNOWN_SCHEMAS.some((v) => schema.includes(v)))) {
    throw new ConfigError(
      `${path} uses Postman schema ${JSON.stringify(schema)}, which is not v2.0 or v2.1`,
      'export the collection again as Collection v2.1',
    );
  }
  return parsed;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
