import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { createSchemaRegistry, loadSchemaRegistry, loadSchemas } from '../../src/validate/index.ts';
import { ROOT } from '../support/docs.ts';

const ID = 'https://schemas.zoho-contract.test/crm/update-records.json';

describe('createSchemaRegistry', () => {
  it('compiles each envelope validator once and reuses it', async () => {
    const registry = createSchemaRegistry(await loadSchemas(join(ROOT, 'schemas')));
    expect(registry.compiled).toBe(0);
    for (let i = 0; i < 5; i += 1)
      registry.check(ID, 'error', { code: 'INVALID_MODULE', details: {}, message: 'm', status: 'error' });
    expect(registry.compiled).toBe(1);
    registry.check(ID, 'records', { data: [] });
    expect(registry.compiled).toBe(2);
  });

  it('throws a ConfigError for an unknown schema id or a schema without $id', () => {
    const registry = createSchemaRegistry([]);
    expect(() => registry.check('https://nowhere/x.json', 'records', {})).toThrow(ConfigError);
    expect(() => createSchemaRegistry([{ type: 'object' }])).toThrow(/has no \$id/);
  });
});

describe('loadSchemas', () => {
  it('reads every json file below the folder and names a malformed one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zoho-schemas-'));
    await mkdir(join(dir, 'nested'));
    await writeFile(join(dir, 'nested', 'a.json'), '{"$id":"https://x/a.json"}');
    expect(await loadSchemas(dir)).toEqual([{ $id: 'https://x/a.json' }]);
    await writeFile(join(dir, 'broken.json'), '{');
    await expect(loadSchemas(dir)).rejects.toThrow(/broken\.json is not valid JSON/);
  });

  it('names a missing folder', async () => {
    await expect(loadSchemas(join(tmpdir(), 'no-such-folder-zoho'))).rejects.toThrow(/cannot be read/);
  });
});

describe('loadSchemaRegistry', () => {
  it('goes on with the validators it compiled and wrote, as a later run loads them, with the same findings', async () => {
    // Beside the project's own cache, where the module finds ajv's runtime as a run's does.
    await mkdir(join(ROOT, 'dist'), { recursive: true });
    const cacheDir = await mkdtemp(join(ROOT, 'dist', 'validators-test-'));
    onTestFinished(() => rm(cacheDir, { recursive: true, force: true }));
    const first = await loadSchemaRegistry(join(ROOT, 'schemas'), cacheDir);
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.cjs'))).toHaveLength(1);
    const later = await loadSchemaRegistry(join(ROOT, 'schemas'), cacheDir);
    // Every validator is there from the start: none is compiled as the run goes (no ajv instance is kept).
    expect(first.compiled).toBe(later.compiled);
    expect(first.compiled).toBeGreaterThan(0);
    const body = { code: 'INVALID_MODULE', details: {}, message: 42, status: 'error' };
    expect(first.check(ID, 'error', body)).toEqual(later.check(ID, 'error', body));
    expect(first.check(ID, 'error', body)).not.toEqual([]);
  });
});
