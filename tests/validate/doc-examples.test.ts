// The docs' printed examples are the one oracle this project did not write: every one must validate, and broken copies must not.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateRecords } from '../../src/catalog/index.ts';
import { buildEndpointSchema } from '../../src/generate/index.ts';
import { createSchemaRegistry, observe } from '../../src/validate/index.ts';
import { ROOT } from '../support/docs.ts';

interface FixtureEntry {
  file: string;
  source: { page: string; section: string };
  status: number;
  shape: 'records' | 'error';
  code: string;
}

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'crm-update-records');
const index = JSON.parse(readFileSync(join(FIXTURES, 'index.json'), 'utf8')) as FixtureEntry[];
const load = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Record<string, unknown>;
const schema = buildEndpointSchema({
  product: 'crm',
  endpoint: 'update-records',
  title: updateRecords.title,
  docPage: updateRecords.docPage,
  details: updateRecords.details,
});
const schemaId = String(schema['$id']);
const registry = createSchemaRegistry([schema]);

describe('every example response printed in the Update Records docs', () => {
  it('is transcribed: the page sample and all nine saved Postman examples (plus the code-sample response)', () => {
    expect(index).toHaveLength(11);
    expect(new Set(index.map((e) => e.code))).toEqual(
      new Set([
        'SUCCESS',
        'INVALID_MODULE',
        'INVALID_DATA',
        'MANDATORY_NOT_FOUND',
        'INVALID_REQUEST_METHOD',
        'DUPLICATE_DATA',
        'OAUTH_SCOPE_MISMATCH',
        'NOT_APPROVED',
        'RECORD_LOCKED',
      ]),
    );
  });

  for (const entry of index) {
    it(`${entry.file} (${entry.source.section}) validates as ${entry.shape} ${entry.code}`, () => {
      const body = load(entry.file);
      expect(registry.check(schemaId, entry.shape, body)).toEqual([]);
      expect(observe(entry.status, body)).toMatchObject({ shape: entry.shape, codes: [entry.code] });
    });
  }

  it('each has a catalog case expecting its code and shape', () => {
    for (const entry of index) {
      const matching = updateRecords.cases.filter(
        (c) =>
          c.expect.shape === entry.shape &&
          (c.expect.shape === 'records' ? c.expect.codes.includes(entry.code) : c.expect.code === entry.code),
      );
      expect(matching.length, `${entry.file}: no case expects ${entry.shape} ${entry.code}`).toBeGreaterThan(0);
    }
  });
});

type Json = Record<string, unknown>;
const success = (): Json => load('page-sample-response.json');
const entry0 = (body: Json): Json => (body['data'] as Json[])[0] as Json;
const details0 = (body: Json): Json => entry0(body)['details'] as Json;

const broken: Array<{ name: string; shape: 'records' | 'error'; body: () => unknown; path: string; keyword: string }> =
  [
    {
      name: 'a user name as a number',
      shape: 'records',
      body: () => {
        const b = success();
        (details0(b)['Modified_By'] as Json)['name'] = 42;
        return b;
      },
      path: '/data/0/details/Modified_By/name',
      keyword: 'type',
    },
    {
      name: 'a missing code',
      shape: 'records',
      body: () => {
        const b = success();
        delete entry0(b)['code'];
        return b;
      },
      path: '/data/0',
      keyword: 'required',
    },
    {
      name: 'status "ok"',
      shape: 'records',
      body: () => {
        const b = success();
        entry0(b)['status'] = 'ok';
        return b;
      },
      path: '/data/0/status',
      keyword: 'enum',
    },
    {
      name: 'details.id as a number',
      shape: 'records',
      body: () => {
        const b = success();
        details0(b)['id'] = 554023000000527003;
        return b;
      },
      path: '/data/0/details/id',
      keyword: 'type',
    },
    {
      name: 'a Modified_Time that is not a date-time',
      shape: 'records',
      body: () => {
        const b = success();
        details0(b)['Modified_Time'] = 'yesterday';
        return b;
      },
      path: '/data/0/details/Modified_Time',
      keyword: 'format',
    },
    {
      name: 'SUCCESS with status "error"',
      shape: 'records',
      body: () => {
        const b = success();
        entry0(b)['status'] = 'error';
        return b;
      },
      path: '/data/0/status',
      keyword: 'const',
    },
    {
      name: 'RECORD_LOCKED without the process holding the lock (action)',
      shape: 'records',
      body: () => {
        const b = load('postman-record-locked.json');
        delete details0(b)['action'];
        return b;
      },
      path: '/data/0/details',
      keyword: 'required',
    },
    {
      name: 'DUPLICATE_DATA without api_name',
      shape: 'records',
      body: () => {
        const b = load('postman-duplicate-data.json');
        delete details0(b)['api_name'];
        return b;
      },
      path: '/data/0/details',
      keyword: 'required',
    },
    {
      name: 'a top-level error wrapped in data[]',
      shape: 'error',
      body: () => ({ data: [load('postman-invalid-module.json')] }),
      path: '',
      keyword: 'required',
    },
    {
      name: 'a top-level error with status "success"',
      shape: 'error',
      body: () => ({ ...load('postman-invalid-module.json'), status: 'success' }),
      path: '/status',
      keyword: 'const',
    },
    { name: 'an empty data[]', shape: 'records', body: () => ({ data: [] }), path: '/data', keyword: 'minItems' },
    {
      name: 'an undocumented code',
      shape: 'records',
      body: () => {
        const b = success();
        entry0(b)['code'] = 'ALL_GOOD';
        return b;
      },
      path: '/data/0/code',
      keyword: 'enum',
    },
    {
      name: 'a top-level error without details',
      shape: 'error',
      body: () => {
        const b = load('postman-oauth-scope-mismatch.json');
        delete b['details'];
        return b;
      },
      path: '',
      keyword: 'required',
    },
  ];

describe('broken copies of the doc examples', () => {
  for (const { name, shape, body, path, keyword } of broken) {
    it(`rejects ${name} with a finding at ${path || '(root)'}`, () => {
      const findings = registry.check(schemaId, shape, body());
      expect(findings.map((f) => [f.path, f.keyword])).toContainEqual([path, keyword]);
    });
  }
});
