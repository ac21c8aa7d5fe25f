import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, updateRecords } from '../../src/catalog/index.ts';
import {
  buildCollection,
  buildEndpointSchema,
  collectionPath,
  compareGenerated,
  generateFiles,
  readCommittedCollections,
  writeGenerated,
} from '../../src/generate/index.ts';
import { ROOT } from '../support/docs.ts';

const schema = buildEndpointSchema({
  product: 'crm',
  endpoint: 'update-records',
  title: 'Update Records',
  docPage: updateRecords.docPage,
  details: updateRecords.details,
});
type Json = Record<string, unknown>;
const requests = (collection: Json): Json[] =>
  (collection['item'] as Json[]).flatMap((folder) => folder['item'] as Json[]);

describe('buildCollection', () => {
  it('is byte-for-byte deterministic', () => {
    const a = JSON.stringify(buildCollection(updateRecords, 'v2.1', schema));
    const b = JSON.stringify(buildCollection(updateRecords, 'v2.1', schema));
    expect(a).toBe(b);
  });

  it('has one request per case of the version, each with a stable id and a test script', () => {
    const items = requests(buildCollection(updateRecords, 'v2', schema));
    expect(items.map((i) => i['id'])).toContain('crm.update-records.v2.record-locked');
    expect(items).toHaveLength(updateRecords.cases.length - 3);
    for (const item of items) {
      const [event] = item['event'] as Json[];
      expect(event?.['listen']).toBe('test');
      const exec = ((event?.['script'] as Json)['exec'] as string[]).join('\n');
      expect(exec).toContain('pm.response.to.have.status(expected.status)');
      expect(exec).toContain('pm.response.to.have.jsonSchema');
    }
  });

  it('puts the API version in the URL and variables, never values, for environment-specific parts', () => {
    const text = JSON.stringify(buildCollection(updateRecords, 'v2.1', schema));
    expect(text).toContain('"url":{"path":["crm","v2.1","Leads","{{record_id}}"],"host":["{{api_domain}}"]');
    expect(text).toContain('Zoho-oauthtoken {{access_token}}');
    expect(text).not.toContain('{version}');
    expect(text).not.toMatch(/zohoapis\.com/);
  });

  it('writes the contract version into info.version and the schema once, as a collection variable', () => {
    const collection = buildCollection(updateRecords, 'v2.1', schema);
    const info = collection['info'] as Json;
    expect(JSON.stringify(info['version'])).toContain(updateRecords.contractVersion);
    expect(info['schema']).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    const variables = collection['variable'] as Json[];
    expect(variables.map((v) => v['key'])).toEqual(['response_schema']);
    expect(JSON.parse(String(variables[0]?.['value']))).toEqual(schema);
  });

  it('sends the malformed body of the INVALID_DATA case as raw text, not re-encoded JSON', () => {
    const item = requests(buildCollection(updateRecords, 'v2', schema)).find(
      (i) => i['id'] === 'crm.update-records.v2.invalid-data-body',
    );
    const raw = ((item?.['request'] as Json)['body'] as Json)['raw'] as string;
    expect(() => JSON.parse(raw)).toThrow();
  });
});

describe('generated tree', () => {
  it('matches what is committed (collections:check)', async () => {
    const paths = catalog.flatMap((e) => e.versions.map((v) => collectionPath(e, v)));
    expect(await compareGenerated(ROOT, generateFiles(catalog, await readCommittedCollections(ROOT, paths)))).toEqual(
      [],
    );
  });

  it('reports changed, missing and stale files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zoho-generated-'));
    const files = generateFiles(catalog);
    await writeGenerated(dir, files);
    expect(await compareGenerated(dir, files)).toEqual([]);
    const [first, second] = files;
    if (!first || !second) throw new Error('nothing generated');
    await writeFile(join(dir, first.path), `${first.content} `);
    await writeFile(join(dir, 'collections', 'crm', 'hand-made.json'), '{}');
    const differences = await compareGenerated(
      dir,
      files.filter((f) => f !== second),
    );
    expect(differences).toEqual(
      expect.arrayContaining([
        { path: first.path, kind: 'changed' },
        { path: 'collections/crm/hand-made.json', kind: 'stale' },
        { path: second.path, kind: 'stale' },
      ]),
    );
    await writeGenerated(dir, files);
    expect(await readFile(join(dir, first.path), 'utf8')).toBe(first.content);
  });

  it('generates one collection and harness per endpoint and version', () => {
    const paths = generateFiles(catalog).map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'collections/crm/v2/update-records.postman_collection.json',
        'collections/crm/v2.1/update-records.postman_collection.json',
        'tests/contract/crm-update-records-v2.contract.ts',
        'tests/contract/crm-update-records-v2.1.contract.ts',
        'schemas/crm/update-records.json',
      ]),
    );
  });
});
