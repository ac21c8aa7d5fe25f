// One ajv instance for the run: every schema added once, each validator compiled once and reused. Pure after construction.

import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { ResponseShape } from '../catalog/index.ts';
import { ConfigError } from '../errors.ts';
import type { Finding } from '../verdict/index.ts';

type AjvOptions = { allErrors: boolean; strict: boolean; code?: { source: boolean } };
type AjvModules = {
  Ajv: new (options: AjvOptions) => Ajv;
  addFormats: (ajv: Ajv) => Ajv;
  standaloneCode: (ajv: Ajv, refs: Record<string, string>) => string;
};

/** ajv (CommonJS) loads when a registry is first built, not when this folder is imported for its types. */
function loadAjv(): AjvModules {
  const require = createRequire(import.meta.url);
  const formats = require('ajv-formats') as { default?: (ajv: Ajv) => Ajv } & ((ajv: Ajv) => Ajv);
  const standalone = require('ajv/dist/standalone') as { default: AjvModules['standaloneCode'] };
  return {
    Ajv: (require('ajv') as { Ajv: AjvModules['Ajv'] }).Ajv,
    addFormats: formats.default ?? formats,
    standaloneCode: standalone.default,
  };
}

/** Validators compiled earlier into standalone code, by key `<schema $id>#/definitions/<name>`. */
export type PrecompiledValidators = ReadonlyMap<string, ValidateFunction>;

/** The definition of an endpoint schema that each envelope shape validates against. */
export const SHAPE_DEFINITIONS: Readonly<Record<ResponseShape, string>> = {
  records: 'recordsEnvelope',
  error: 'topLevelError',
  object: 'successObject',
  list: 'listEnvelope',
  // No body to validate: the verdict never asks for this one (judge-response skips the schema for a 204).
  empty: 'noContent',
};

/** Checks bodies against the registered endpoint schemas. */
export interface SchemaRegistry {
  has(schemaId: string): boolean;
  /** Validates against the expected envelope (so errors speak of that shape, not of oneOf branches). */
  check(schemaId: string, shape: ResponseShape, body: unknown): Finding[];
  /** How many validators were compiled so far (each schema branch at most once). */
  readonly compiled: number;
}

/** A registry over validators compiled by an earlier run (no ajv instance, nothing to compile). */
export function precompiledRegistry(ids: ReadonlySet<string>, validators: PrecompiledValidators): SchemaRegistry {
  return {
    has: (schemaId) => ids.has(schemaId),
    check(schemaId, shape, body) {
      const key = `${schemaId}#/definitions/${SHAPE_DEFINITIONS[shape]}`;
      const validate = validators.get(key);
      if (!validate)
        throw new ConfigError(
          ids.has(schemaId) ? `schema ${schemaId} has no ${key.split('#')[1]}` : `no schema with $id ${schemaId}`,
          'regenerate schemas/ with `npm run collections`',
        );
      return validate(body) ? [] : toFindings(validate.errors ?? []);
    },
    compiled: validators.size,
  };
}

/** Builds the registry over already-parsed schemas (each must carry a `$id`). */
export function createSchemaRegistry(schemas: readonly unknown[]): SchemaRegistry & { standalone(): string } {
  const { Ajv, addFormats, standaloneCode } = loadAjv();
  // code.source keeps each validator's source, so the compiled set can be written out once and reused by later runs.
  const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true } });
  addFormats(ajv);
  const ids = new Set<string>();
  for (const schema of schemas) {
    const id = typeof schema === 'object' && schema !== null ? (schema as { $id?: unknown }).$id : undefined;
    if (typeof id !== 'string')
      throw new ConfigError('a schema has no $id', 'regenerate schemas/ with `npm run collections`');
    try {
      ajv.addSchema(schema as object);
    } catch (error) {
      throw new ConfigError(
        `schema ${id} is not a valid draft-07 schema: ${(error as Error).message}`,
        'fix the catalog and run `npm run collections`',
        { cause: error },
      );
    }
    ids.add(id);
  }
  const cache = new Map<string, ValidateFunction>();
  const validatorFor = (schemaId: string, shape: ResponseShape): ValidateFunction => {
    const key = `${schemaId}#/definitions/${SHAPE_DEFINITIONS[shape]}`;
    let validate = cache.get(key);
    if (!validate) {
      if (!ids.has(schemaId))
        throw new ConfigError(`no schema with $id ${schemaId}`, 'run `npm run collections` to generate schemas/');
      validate = ajv.getSchema(key);
      if (!validate)
        throw new ConfigError(
          `schema ${schemaId} has no ${key.split('#')[1]}`,
          'regenerate schemas/ with `npm run collections`',
        );
      cache.set(key, validate);
    }
    return validate;
  };
  return {
    has: (schemaId) => ids.has(schemaId),
    check(schemaId, shape, body) {
      const validate = validatorFor(schemaId, shape);
      return validate(body) ? [] : toFindings(validate.errors ?? []);
    },
    get compiled() {
      return cache.size;
    },
    /** Every shape of every schema as one CommonJS module of standalone validators (see load-schemas.ts). */
    standalone() {
      const keys = [...ids]
        .flatMap((id) => Object.values(SHAPE_DEFINITIONS).map((name) => `${id}#/definitions/${name}`))
        .filter((key) => ajv.getSchema(key));
      const code = standaloneCode(ajv, Object.fromEntries(keys.map((key, i) => [`v${i}`, key])));
      return `${code}\nexports.keys = ${JSON.stringify(keys)};\n`;
    },
  };
}

/** ajv errors -> schema findings; `if` errors only repeat the `then` error beneath them. */
export function toFindings(errors: readonly ErrorObject[]): Finding[] {
  return errors
    .filter((e) => e.keyword !== 'if')
    .map((e) => ({
      kind: 'schema' as const,
      message: `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${describeParams(e)}`,
      path: e.instancePath,
      keyword: e.keyword,
    }));
}

function describeParams(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum' && Array.isArray(params['allowedValues']))
    return ` (${params['allowedValues'].map((v) => JSON.stringify(v)).join(', ')})`;
  if (error.keyword === 'const') return ` (${JSON.stringify(params['allowedValue'])})`;
  return '';
}
