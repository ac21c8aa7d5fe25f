// Saved Postman examples against the catalog: the seed item's findings are pinned exactly.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/index.ts';
import { schemaId } from '../../src/generate/index.ts';
import { checkSavedExamples, createSchemaRegistry, loadSchemas, matchesTemplate } from '../../src/validate/index.ts';
import { ROOT } from '../support/docs.ts';

const registry = createSchemaRegistry(await loadSchemas(join(ROOT, 'schemas')));
const seed = JSON.parse(
  readFileSync(join(ROOT, 'tests', 'fixtures', 'postman', 'crm-update-records-item.json'), 'utf8'),
) as Record<string, unknown>;
const check = (collection: unknown) => checkSavedExamples(collection, catalog, registry, schemaId);

describe('checkSavedExamples on the seed item (crm-update-records-postman-item.txt)', () => {
  const checks = check(seed);

  it('gives every saved example its exact verdict, and points each contradiction at the drift ledger', () => {
    expect(checks.map((c) => [c.example, c.status, c.codes.join(','), c.verdict, c.drift.join(',')])).toEqual([
      // The item updates by URL with no id in the body: it is the second variant of the id-mandatory point.
      ['Leads › SUCCESS RESPONSE', 200, 'SUCCESS', 'drift', 'crm-update-records/id-mandatory'],
      ['Leads › INVALID_MODULE', 400, 'INVALID_MODULE', 'agrees', ''],
      ['Leads › INVALID_DATA', 400, 'INVALID_DATA', 'drift', 'crm-update-records/invalid-data-status-shape'],
      ['Leads › MANDATORY_NOT_FOUND', 202, 'MANDATORY_NOT_FOUND', 'agrees', ''],
      ['Leads › INVALID_REQUEST_METHOD', 400, 'INVALID_REQUEST_METHOD', 'drift', 'crm/invalid-request-method-status'],
      ['Leads › DUPLICATE_DATA', 202, 'DUPLICATE_DATA', 'agrees', ''],
      [
        'Leads › OAUTH_SCOPE_MISMATCH',
        401,
        'OAUTH_SCOPE_MISMATCH',
        'drift',
        'crm-update-records/oauth-scope-mismatch-message',
      ],
      [
        'Leads › NOT_APPROVED',
        202,
        'NOT_APPROVED',
        'drift',
        'crm-update-records/not-approved-status,crm-update-records/record-locked-message',
      ],
      [
        'Leads › RECORD_LOCKED',
        202,
        'RECORD_LOCKED',
        'drift',
        'crm-update-records/record-locked-status,crm/record-locked-data-status,crm-update-records/record-locked-message',
      ],
    ]);
  });

  it('says what the page and record_locking.json say for RECORD_LOCKED (400) against the example (202)', () => {
    const locked = checks.find((c) => c.example === 'Leads › RECORD_LOCKED');
    expect(locked?.reasons).toEqual([
      'drift: crm-update-records.txt § Possible Errors: RECORD_LOCKED says HTTP 400; see drift ledger crm-update-records/record-locked-status',
      expect.stringMatching(
        /^drift: crm-oas\/record_locking\.json § .* says HTTP 400, data\[\] of RECORD_LOCKED entries; see drift ledger crm\/record-locked-data-status$/,
      ),
      // The example words it as the page does, not as record.json's enum: it takes the page's side.
      expect.stringMatching(
        /^drift: crm-oas\/record\.json § .*"The record under merge is locked"; see drift ledger crm-update-records\/record-locked-message$/,
      ),
    ]);
    expect(locked?.endpoint).toBe('crm/update-records');
  });
});

describe('checkSavedExamples on other collections', () => {
  const item = (name: string, method: string, url: unknown, code: number, body: string) => ({
    name,
    request: { method, url },
    response: [{ name, code, body }],
  });

  it('reports a request no catalog endpoint serves as unmatched', () => {
    const [result] = check({ item: [item('Invoices', 'GET', '{{api-domain}}/books/v3/invoices', 200, '{}')] });
    expect(result).toMatchObject({ verdict: 'unmatched', path: '/books/v3/invoices' });
    const [users] = check({ item: [item('Users', 'GET', '{{api-domain}}/crm/v2/users', 200, '{"users":[]}')] });
    expect(users).toMatchObject({
      verdict: 'disagrees',
      reasons: ['a plain JSON object is not a documented answer of crm/update-records'],
    });
  });

  it('disagrees, with reasons, when an example breaks the documented contract', () => {
    const body = JSON.stringify({
      data: [{ code: 'SUCCESS', details: { id: 5 }, message: 'record updated', status: 'success' }],
    });
    const [wrongStatus] = check({
      item: [item('Leads', 'PUT', 'https://www.zohoapis.com/crm/v2.1/Leads/1', 201, body)],
    });
    expect(wrongStatus?.verdict).toBe('disagrees');
    expect(wrongStatus?.reasons).toEqual([
      "schema: /data/0/details must have required property 'Modified_Time'",
      "schema: /data/0/details must have required property 'Modified_By'",
      "schema: /data/0/details must have required property 'Created_Time'",
      "schema: /data/0/details must have required property 'Created_By'",
      'schema: /data/0/details/id must be string',
      'cases expect HTTP 200 or 202 (success-single, success-bulk, success-bulk-maximum, success-trigger, success-append-values, success-lar-id, mandatory-not-found), the example says 201',
    ]);
    const [undocumented] = check({
      item: [
        item(
          'Leads',
          'PUT',
          'https://www.zohoapis.com/crm/v8/Leads',
          400,
          '{"code":"TEAPOT","details":{},"message":"x","status":"error"}',
        ),
      ],
    });
    expect(undocumented?.reasons).toContain('TEAPOT is not a documented answer of crm/update-records');
    const [html] = check({ item: [item('Leads', 'PUT', 'https://www.zohoapis.com/crm/v8/Leads', 500, '<html>')] });
    expect(html).toMatchObject({ verdict: 'disagrees', reasons: ['body is not JSON'] });
  });

  it('reads v2.0 collections (url as a string), folders, and Contracts on its own host', () => {
    const folder = {
      name: 'admin',
      item: [
        item(
          'Rename',
          'PUT',
          'https://contracts.zoho.eu/api/v1/admin/contracttypes/MSS',
          200,
          '{"Type":"success","apiName":"MSS"}',
        ),
      ],
    };
    const [result] = check({
      info: { schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
      item: [folder],
    });
    expect(result).toMatchObject({ verdict: 'agrees', endpoint: 'contracts/update-contract-type' });
  });
});

describe('matchesTemplate', () => {
  it('matches {version} against the endpoint versions and any other placeholder against anything', () => {
    expect(matchesTemplate('/crm/{version}/{module}/{id}', ['v2'], ['crm', 'v2', 'Leads', '{{record-id}}'])).toBe(true);
    expect(matchesTemplate('/crm/{version}/{module}/{id}', ['v2'], ['crm', 'v3', 'Leads', '1'])).toBe(false);
    expect(matchesTemplate('/crm/{version}/{module}', ['v2'], ['crm', 'v2', 'Leads', '1'])).toBe(false);
  });
});
