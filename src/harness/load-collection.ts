// Reads a generated collection file: the harness's one file read, kept out of the pure run logic.

import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.ts';

/** Parses a collection file; a missing or malformed file is a setup fault with the fix in its hint. */
export async function loadCollection(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`collection ${path} cannot be read`, 'run `npm run collections` to generate it', {
      cause: error,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(`collection ${path} is not valid JSON`, 'regenerate it with `npm run collections`', {
      cause: error,
    });
  }
}
