// A read's generated contract: the list envelope (records with their id, a typed info) and the 204's Postman script.

import { describe, expect, it } from 'vitest';
import { getRecords, searchRecords, type Case } from '../../src/catalog/index.ts';
import { buildEndpointSchema, renderTestScript } from '../../src/generate/index.ts';
import { createSchemaRegistry } from '../../src/validate/index.ts';

const schemaOf = (endpoint: typeof getRecords | typeof searchRecords) =>
  buildEndpointSchema({
    product: endpoint.product,
    endpoint: endpoint.id,
    title: endpoint.title,
    docPage: endpoint.docPage,
    details: endpoint.details,
  });
const caseOf = (id: string): Case => getRecords.cases.find((c) => c.id === id) as Case;

describe('the list envelope of a read', () => {
  const get = schemaOf(getRecords);
  const search = schemaOf(searchRecords);
  const registry = createSchemaRegistry([get, search]);
  const id = (schema: Record<string, unknown>) => String(schema['$id']);

  it('accepts records with their id, with or without info (a read by id has none)', () => {
    expect(registry.check(id(get), 'list', { data: [{ id: '1', Last_Name: 'A' }] })).toEqual([]);
    expect(registry.check(id(get), 'list', { data: [{ id: '1' }], info: { more_records: true, count: 1 } })).toEqual(
      [],
    );
  });

  it('rejects a record without its id, an empty data[], a mistyped info, and a search answer without info', () => {
    expect(registry.check(id(get), 'list', { data: [{ Last_Name: 'A' }] }).map((f) => f.keyword)).toEqual(['required']);
    expect(registry.check(id(get), 'list', { data: [] }).map((f) => f.keyword)).toEqual(['minItems']);
    expect(registry.check(id(get), 'list', { data: [{ id: '1' }], info: { more_records: 'yes' } }).length).toBe(1);
    expect(registry.check(id(search), 'list', { data: [{ id: '1' }] }).map((f) => f.keyword)).toEqual(['required']);
  });
});

describe('the Postman script of a read case', () => {
  it('checks a 204 for no body, and a list for data[] against the list schema', () => {
    expect(renderTestScript(caseOf('no-content-deleted')).join('\n')).toContain('pm.response.text()).to.eql("")');
    const listScript = renderTestScript(caseOf('success-by-id')).join('\n');
    expect(listScript).toContain('#/definitions/listEnvelope');
    expect(listScript).toContain('expected.count');
  });
});
