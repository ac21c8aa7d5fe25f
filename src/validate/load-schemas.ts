// Reads every generated schema file: the validate folder's one I/O edge.

import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { ConfigError } from '../errors.ts';
import { createSchemaRegistry, precompiledRegistry, type SchemaRegistry } from './schema-registry.ts';

/** Parses every `*.json` under `dir` (recursively), as unknown; a malformed file is a ConfigError naming it. */
export async function loadSchemas(dir: string): Promise<unknown[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new ConfigError(`schema folder ${dir} cannot be read`, 'run `npm run collections` to generate it', {
      cause: error,
    });
  }
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      try {
        return JSON.parse(await readFile(file, 'utf8')) as unknown;
      } catch (error) {
        throw new ConfigError(`schema ${file} is not valid JSON`, 'regenerate schemas/ with `npm run collections`', {
          cause: error,
        });
      }
    }),
  );
}

/**
 * The registry for the schemas under `dir`. Compiling them costs ~0.2 s of every run's start, so the compiled
 * validators are kept in `cacheDir` as one standalone module per set of schemas (named by their hash) and loaded
 * from there by later runs; a missing or unreadable cache only means compiling again. The run that compiles them goes
 * on with the module it wrote, as a later run would: the ajv instance keeps every validator's source code for that
 * module, which is let go with it (a few MB per endpoint's schemas, held for the whole run otherwise).
 */
export async function loadSchemaRegistry(dir: string, cacheDir: string): Promise<SchemaRegistry> {
  const schemas = await loadSchemas(dir);
  const require = createRequire(import.meta.url);
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  const file = join(
    cacheDir,
    `validators-${createHash('sha256')
      .update(`${ajvVersion}\n${JSON.stringify(schemas)}`)
      .digest('hex')
      .slice(0, 16)}.cjs`,
  );
  const ids = new Set(
    schemas.map((s) => (typeof s === 'object' && s !== null ? String((s as { $id?: unknown }).$id) : '')),
  );
  const fromCache = (): SchemaRegistry => {
    const module = require(file) as Record<string, ValidateFunction> & { keys: string[] };
    return precompiledRegistry(ids, new Map(module.keys.map((key, i) => [key, module[`v${i}`] as ValidateFunction])));
  };
  try {
    return fromCache();
  } catch {
    const registry = createSchemaRegistry(schemas);
    const written = await writeCache(file, cacheDir, registry.standalone()).then(
      () => true,
      () => false,
    );
    try {
      if (written) return fromCache();
    } catch {
      // Written but not loadable (removed meanwhile): the compiled registry serves as well.
    }
    return registry;
  }
}

async function writeCache(file: string, dir: string, code: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, code);
  await rename(temp, file);
}
