import { describe, expect, it } from 'vitest';
import {
  buildCoverage,
  catalog,
  messageCoverage,
  totalCoverage,
  type CoverageRow,
  type Endpoint,
} from '../../src/catalog/index.ts';
import { documentedErrors } from '../support/docs.ts';

describe('coverage matrix', () => {
  it('has a case and a schema for 100% of documented codes', () => {
    const rows = buildCoverage(catalog);
    expect(rows.filter((r) => r.cases.length === 0 || !r.schema).map((r) => `${r.endpoint} ${r.code}`)).toEqual([]);
    const totals = totalCoverage(rows);
    expect(totals.withCase).toBe(totals.documented);
  });

  it('shows a row without a case when a code loses its cases, so a dropped case cannot go unnoticed', () => {
    const [endpoint] = catalog;
    if (!endpoint) throw new Error('empty catalog');
    const without: Endpoint = {
      ...endpoint,
      cases: endpoint.cases.filter((c) => !(c.expect.shape === 'records' && c.expect.codes.includes('RECORD_LOCKED'))),
    };
    const row = buildCoverage([without]).find((r) => r.code === 'RECORD_LOCKED');
    expect(row).toMatchObject({ cases: [], mock: false, live: false, schema: true });
    expect(totalCoverage(buildCoverage([without])).withCase).toBe(endpoint.documentedCodes.length - 1);
  });

  it("counts a read's SUCCESS by its list schema, and a 204's NO_CONTENT by its missing body, not by any schema", () => {
    const get = catalog.find((e) => e.id === 'get-records') as Endpoint;
    const rows = buildCoverage([get]);
    expect(rows.find((r) => r.code === 'SUCCESS')?.schema).toBe(true);
    expect(rows.find((r) => r.code === 'NO_CONTENT')?.schema).toBe(true);
    // A NO_CONTENT case that expected a body instead would leave the code without a schema.
    const withBody: Endpoint = {
      ...get,
      cases: get.cases.map((c) =>
        c.expect.shape === 'empty' ? { ...c, expect: { shape: 'error', status: 204, code: 'NO_CONTENT' } } : c,
      ),
    };
    expect(buildCoverage([withBody]).find((r) => r.code === 'NO_CONTENT')?.schema).toBe(false);
    const { list: _list, ...noList } = get.details;
    expect(buildCoverage([{ ...get, details: noList }]).find((r) => r.code === 'SUCCESS')?.schema).toBe(false);
  });

  it('separates mock from live: INTERNAL_ERROR is mock only', () => {
    const row = buildCoverage(catalog).find((r) => r.code === 'INTERNAL_ERROR');
    expect(row).toMatchObject({ mock: true, live: false });
  });

  it("counts a code's message as checked only when every case of the code checks it", () => {
    const rows = buildCoverage(catalog);
    const row = (endpoint: string, code: string) => rows.find((r) => r.endpoint === endpoint && r.code === code);
    // The page prints LIMIT_EXCEEDED's message for 50 participants, none for 101 records in one call.
    expect(row('update-records', 'LIMIT_EXCEEDED')).toMatchObject({
      message: false,
      messageUnchecked: ['limit-exceeded-records'],
    });
    expect(messageCoverage(row('update-records', 'LIMIT_EXCEEDED') as CoverageRow)).toBe('partly');
    expect(row('update-records', 'DUPLICATE_DATA')).toMatchObject({ message: true, messageUnchecked: [] });
    expect(messageCoverage(row('update-contract-type', 'SUCCESS') as CoverageRow)).toBe('none');
    expect(totalCoverage(rows).withMessage).toBe(rows.filter((r) => r.messageUnchecked.length === 0).length);
  });

  it('stops counting a message as checked when one case of its code excuses it', () => {
    const [endpoint] = catalog;
    if (!endpoint) throw new Error('empty catalog');
    const excused: Endpoint = {
      ...endpoint,
      cases: endpoint.cases.map((c) =>
        c.id === 'invalid-module-unsupported' ? { ...c, messageNotPrinted: { INVALID_MODULE: 'test' } } : c,
      ),
    };
    expect(buildCoverage([endpoint]).find((r) => r.code === 'INVALID_MODULE')?.message).toBe(true);
    expect(buildCoverage([excused]).find((r) => r.code === 'INVALID_MODULE')).toMatchObject({
      message: false,
      messageUnchecked: ['invalid-module-unsupported'],
    });
  });

  it('lists exactly the codes each doc page documents (plus SUCCESS)', () => {
    for (const endpoint of catalog) {
      const fromPage = new Set(['SUCCESS', ...documentedErrors(endpoint.docPage).map((e) => e.code)]);
      expect(new Set(endpoint.documentedCodes), endpoint.id).toEqual(fromPage);
    }
  });
});
