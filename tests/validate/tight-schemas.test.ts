// The committed schemas accept only what some source documents for the endpoint and shape, and require what the examples print.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, type Endpoint, type ResponseShape } from '../../src/catalog/index.ts';
import { schemaId } from '../../src/generate/index.ts';
import { createSchemaRegistry, loadSchemas } from '../../src/validate/index.ts';
import { ROOT } from '../support/docs.ts';

const registry = createSchemaRegistry(await loadSchemas(join(ROOT, 'schemas')));
const endpoint = (product: string, id: string): Endpoint => {
  const found = catalog.find((e) => e.product === product && e.id === id);
  if (!found) throw new Error(`${product}/${id} is not catalogued`);
  return found;
};
const crm = endpoint('crm', 'update-records');
const locking = endpoint('crm', 'update-record-locking-information');
const bigin = endpoint('bigin', 'update-related-records');
const contracts = endpoint('contracts', 'update-contract-type');

const topLevel = (code: string, details: object = {}): object => ({
  code,
  details,
  message: 'a message',
  status: 'error',
});
const entry = (code: string, details: object = {}): object => ({
  data: [{ code, details, message: 'a message', status: code === 'SUCCESS' ? 'success' : 'error' }],
});
const check = (e: Endpoint, shape: ResponseShape, body: object) =>
  registry.check(schemaId(e), shape, body).map((f) => [f.path, f.keyword]);

describe('code enums: only codes some source documents for that endpoint and shape', () => {
  const undocumented: Array<[string, Endpoint, ResponseShape, object, string]> = [
    [
      'Contracts: INVALID_TOKEN (no source gives Contracts an auth error beyond its page)',
      contracts,
      'error',
      topLevel('INVALID_TOKEN'),
      '/code',
    ],
    ['Contracts: INVALID_DATA (not on its page)', contracts, 'error', topLevel('INVALID_DATA'), '/code'],
    [
      'Bigin: a top-level MANDATORY_NOT_FOUND (the page prints it per record only)',
      bigin,
      'error',
      topLevel('MANDATORY_NOT_FOUND'),
      '/code',
    ],
    [
      'Bigin: INVALID_TOKEN (the notes and the OpenAPI are CRM sources)',
      bigin,
      'error',
      topLevel('INVALID_TOKEN'),
      '/code',
    ],
    [
      'Bigin: LIMIT_EXCEEDED per record (documented top-level only)',
      bigin,
      'records',
      entry('LIMIT_EXCEEDED'),
      '/data/0/code',
    ],
    [
      'locking: MANDATORY_NOT_FOUND per record (the OpenAPI gives it top-level at 400)',
      locking,
      'records',
      entry('MANDATORY_NOT_FOUND', { api_name: 'Locked_Reason__s' }),
      '/data/0/code',
    ],
    [
      'locking: INVALID_DATA per record (top-level in the OpenAPI)',
      locking,
      'records',
      entry('INVALID_DATA'),
      '/data/0/code',
    ],
    [
      "Update Records: NOT_ALLOWED (the locking page's code, not this one's)",
      crm,
      'error',
      topLevel('NOT_ALLOWED'),
      '/code',
    ],
    [
      'Update Records: OAUTH_SCOPE_MISMATCH per record (documented top-level only)',
      crm,
      'records',
      entry('OAUTH_SCOPE_MISMATCH'),
      '/data/0/code',
    ],
  ];
  for (const [name, e, shape, body, path] of undocumented) {
    it(`rejects ${name}`, () => {
      expect(check(e, shape, body)).toContainEqual([path, 'enum']);
    });
  }

  it('accepts each documented code in the shape its source gives it', () => {
    expect(check(contracts, 'error', topLevel('AUTHORIZATION_FAILED'))).toEqual([]);
    expect(check(bigin, 'records', entry('INVALID_DATA'))).toEqual([]);
    expect(check(bigin, 'error', topLevel('LIMIT_EXCEEDED', { limit: 100 }))).toEqual([]);
    expect(check(locking, 'error', topLevel('MANDATORY_NOT_FOUND', { api_name: 'Locked_Reason__s' }))).toEqual([]);
    expect(check(locking, 'records', entry('RECORD_LOCKED', { id: '1', action: 'zia_vision_processing' }))).toEqual([]);
    expect(check(crm, 'error', topLevel('INVALID_TOKEN'))).toEqual([]);
  });

  it("cites at least one source for every code of every endpoint's enums", () => {
    for (const e of catalog) {
      for (const [code, documented] of [...Object.entries(e.details.records), ...Object.entries(e.details.errors)])
        expect(documented.sources.length, `${e.id} ${code}`).toBeGreaterThan(0);
    }
  });
});

describe('required keys, as the pages and the OpenAPI print them', () => {
  it('requires expected_data_type on a top-level INVALID_DATA, as the saved example prints it', () => {
    expect(check(crm, 'error', topLevel('INVALID_DATA', { expected_data_type: 'jsonobject' }))).toEqual([]);
    expect(check(crm, 'error', topLevel('INVALID_DATA', {}))).toContainEqual(['/details', 'required']);
  });

  it("requires RECORD_LOCKED's action, which every source prints, and not the id a lock held by a rule lacks", () => {
    expect(check(crm, 'records', entry('RECORD_LOCKED', { id: '475243000003269880' }))).toContainEqual([
      '/data/0/details',
      'required',
    ]);
    // record_locking.json's form for a lock held by a rule: the field and the action, no record id.
    const ruleHeld = { api_name: 'Last_Name', json_path: '$.data[0].Last_Name', action: 'record_locked' };
    expect(check(crm, 'records', entry('RECORD_LOCKED', ruleHeld))).toEqual([]);
    expect(check(crm, 'records', entry('RECORD_LOCKED', { action: 'zia_vision_processing', id: 7 }))).toContainEqual([
      '/data/0/details/id',
      'type',
    ]);
  });

  it("requires DUPLICATE_DATA's api_name, with the holder as the v2 example prints it or as record.json types it for v8", () => {
    expect(check(crm, 'records', entry('DUPLICATE_DATA', { api_name: 'Mobile', id: '738964000002148061' }))).toEqual(
      [],
    );
    const v8 = {
      api_name: 'Email',
      json_path: '$.data[0].Email',
      duplicate_record: { id: '738964000002148061', module: { api_name: 'Leads', id: '1' }, Owner: { id: '2' } },
    };
    expect(check(crm, 'records', entry('DUPLICATE_DATA', v8))).toEqual([]);
    expect(check(crm, 'records', entry('DUPLICATE_DATA', { id: '738964000002148061' }))).toContainEqual([
      '/data/0/details',
      'required',
    ]);
    expect(
      check(crm, 'records', entry('DUPLICATE_DATA', { ...v8, duplicate_record: { id: 'not-an-id' } })),
    ).toContainEqual(['/data/0/details/duplicate_record/id', 'pattern']);
  });

  it("requires the Contracts success's Type and apiName and leaves another key to the undocumented-key rule (--strict)", () => {
    expect(check(contracts, 'object', { Type: 'success', apiName: 'MSS' })).toEqual([]);
    expect(check(contracts, 'object', { Type: 'success', apiName: 'MSS', id: '1' })).toEqual([]);
    expect(check(contracts, 'object', { Type: 'success' })).toContainEqual(['', 'required']);
  });

  it('takes maximum_length as the two OpenAPI files type it (string or integer), and nothing else', () => {
    for (const value of [80, '80'])
      expect(check(crm, 'records', entry('INVALID_DATA', { maximum_length: value }))).toEqual([]);
    expect(check(crm, 'records', entry('INVALID_DATA', { maximum_length: true }))).not.toEqual([]);
  });
});
