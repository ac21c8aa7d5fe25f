// Reads every generated schema file: the validate folder's one I/O edge.

import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors.ts';

/** Parses every `*.json` under `dir` (recursively), as unknown; a malformed file is a ConfigError naming it. */
export async function loadSchemas(dir: string): Promise<unknown[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new ConfigError(`schema folder ${dir} cannot be read`, 'run `npm run collections` to generate it', { cause: error });
  }
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => join(e.parentPath, e.name)).sort();
  return Promise.all(
    files.map(async (file) => {
      try {
        return JSON.parse(await readFile(file, 'utf8')) as unknown;
      } catch (error) {
        throw new ConfigError(`schema ${file} is not valid JSON`, 'regenerate schemas/ with `npm run collections`', { cause: error });
      }
    }),
  );
}
