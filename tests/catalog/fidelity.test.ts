// The catalog says where it goes beyond the pages (UNCONFIRMED, with a source, settled against crm-oas), and cases agree with their drift points.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  catalog,
  expectedVariantFor,
  expectedVariants,
  isOpenApiRef,
  isPageRef,
  listDrift,
  type Case,
  type Endpoint,
} from '../../src/catalog/index.ts';
import { buildCollection, buildEndpointSchema } from '../../src/generate/index.ts';
import { ROOT, readDocPage } from '../support/docs.ts';

const find = (product: string, endpoint: string): Endpoint => {
  const found = catalog.find((e) => e.product === product && e.id === endpoint);
  if (!found) throw new Error(`${product}/${endpoint} is not catalogued`);
  return found;
};
const caseOf = (endpoint: Endpoint, id: string): Case => {
  const found = endpoint.cases.find((c) => c.id === id);
  if (!found) throw new Error(`${endpoint.id} has no case ${id}`);
  return found;
};
const crm = find('crm', 'update-records');
const locking = find('crm', 'update-record-locking-information');
const bigin = find('bigin', 'update-related-records');
const contracts = find('contracts', 'update-contract-type');
const allCases = catalog.flatMap((endpoint) => endpoint.cases.map((c) => ({ endpoint, c })));

describe('cases that go beyond the pages', () => {
  it('carry an UNCONFIRMED mark: the locking scope mismatches, INVALID_TOKEN, an over-long value, a success status no page prints, and every reading of a situation no page names', () => {
    const marked = [
      [locking, 'scope-without-locking'],
      [locking, 'scope-without-module'],
      [crm, 'invalid-token'],
      [crm, 'invalid-data-length'],
      [locking, 'success-leads'],
      [locking, 'success-deals'],
      [locking, 'success-custom-module1'],
      [bigin, 'success-bulk'],
      [bigin, 'success-single-deals'],
      [bigin, 'success-maximum'],
      [contracts, 'success'],
      [crm, 'authorization-failed'],
      [bigin, 'authorization-failed'],
      [contracts, 'authorization-failed'],
      [locking, 'not-allowed'],
      [locking, 'invalid-module-not-lockable'],
      [locking, 'mandatory-locked-reason'],
      [bigin, 'invalid-related-id'],
      [bigin, 'invalid-data-single'],
      [bigin, 'partial-success'],
    ] as const;
    for (const [endpoint, id] of marked)
      expect(caseOf(endpoint, id).unconfirmed?.length, `${endpoint.id} ${id}`).toBeGreaterThan(0);
  });

  it("name their source and the OpenAPI's word on it; CRM claims are settled against crm-oas, Bigin and Contracts ones say it is silent", () => {
    for (const { endpoint, c } of allCases) {
      for (const item of c.unconfirmed ?? []) {
        expect(item.claim.length, `${c.id}`).toBeGreaterThan(10);
        expect(item.source.page.length, `${c.id}`).toBeGreaterThan(0);
        if (item.openApi.says !== 'silent')
          expect(isOpenApiRef(item.openApi.source), `${endpoint.id} ${c.id}`).toBe(true);
        if (endpoint.product !== 'crm') expect(item.openApi.says, `${endpoint.id} ${c.id}`).toBe('silent');
        if (endpoint.product === 'crm' && c.id !== 'success-append-values')
          expect(item.openApi.says, `${endpoint.id} ${c.id}`).not.toBe('silent');
      }
    }
  });

  it('keep no bare "UNCONFIRMED" in a note: every such claim is a structured mark', () => {
    for (const { endpoint, c } of allCases) expect(c.note ?? '', `${endpoint.id} ${c.id}`).not.toMatch(/UNCONFIRMED/);
  });

  it('say UNCONFIRMED, the source and the OpenAPI reading in the generated collection item', () => {
    for (const endpoint of catalog) {
      const collection = buildCollection(
        endpoint,
        endpoint.versions[0] ?? '',
        buildEndpointSchema({
          product: endpoint.product,
          endpoint: endpoint.id,
          title: endpoint.title,
          docPage: endpoint.docPage,
          details: endpoint.details,
        }),
      );
      const items = (
        collection['item'] as Array<{ item: Array<{ name: string; description: { content: string } }> }>
      ).flatMap((folder) => folder.item);
      for (const c of endpoint.cases.filter(
        (x) => x.unconfirmed && (x.versions ?? endpoint.versions).includes(endpoint.versions[0] ?? ''),
      )) {
        const description = items.find((i) => i.name === c.name)?.description.content ?? '';
        expect(description, `${endpoint.id} ${c.id}`).toContain('UNCONFIRMED: ');
        expect(description, `${endpoint.id} ${c.id}`).toContain(c.unconfirmed?.[0]?.source.page);
        expect(description, `${endpoint.id} ${c.id}`).toMatch(/crm-oas (agrees|disagrees|is silent)/);
      }
    }
  });

  it('read the missing Locked_Reason__s as the OpenAPI does (top-level MANDATORY_NOT_FOUND at 400), marked as not settled', () => {
    const missing = caseOf(locking, 'mandatory-locked-reason');
    expect(missing.expect).toMatchObject({ shape: 'error', status: 400, code: 'MANDATORY_NOT_FOUND' });
    expect(missing.drift?.map((d) => d.id)).toContain('crm-update-record-locking-information/missing-reason');
    expect(missing.unconfirmed?.[0]?.claim).toContain('not a settled one');
  });
});

describe('what the pages document and the catalog had missed', () => {
  const size = (c: Case): number => ((c.request.body as { data: unknown[] }).data ?? []).length;

  it("relates Bigin's maximum of 100 related records in one call, distinct ids, and fails 101", () => {
    const hundred = caseOf(bigin, 'success-maximum');
    expect(size(hundred)).toBe(100);
    expect(new Set((hundred.request.body as { data: Array<{ id: string }> }).data.map((e) => e.id)).size).toBe(100);
    expect(size(caseOf(bigin, 'limit-exceeded'))).toBe(101);
    expect(caseOf(bigin, 'limit-exceeded').expect).toMatchObject({ shape: 'error', code: 'LIMIT_EXCEEDED' });
  });

  it('has the single-entry forms the pages print on their own', () => {
    expect(caseOf(crm, 'mandatory-not-found-single').expect).toEqual({
      shape: 'records',
      status: 202,
      codes: ['MANDATORY_NOT_FOUND'],
    });
    expect(JSON.stringify(caseOf(crm, 'mandatory-not-found-single').request.body)).not.toContain('"id"');
    expect(caseOf(bigin, 'invalid-data-single').expect).toEqual({
      shape: 'records',
      status: 202,
      codes: ['INVALID_DATA'],
    });
  });
});

describe('drift points and the cases that touch them', () => {
  it("name a variant for every case that touches them, and that variant has the case's status and shape", () => {
    for (const { endpoint, c } of allCases) {
      for (const point of c.drift ?? []) {
        const index = expectedVariantFor(point, c.id);
        expect(index, `${point.id} names no variant for ${endpoint.id} ${c.id}`).toBeDefined();
        const variant = point.variants[index ?? -1];
        expect(variant, `${point.id} ${c.id}`).toBeDefined();
        if (variant?.status !== undefined) expect(variant.status, `${point.id} ${c.id}`).toBe(c.expect.status);
        if (variant?.shape !== undefined) expect(variant.shape, `${point.id} ${c.id}`).toBe(c.expect.shape);
      }
    }
  });

  it('expect per case only cases that exist and touch the point, and give every point a reason', () => {
    for (const point of listDrift(catalog)) {
      expect(point.why.length, point.id).toBeGreaterThan(20);
      for (const [index, caseIds] of expectedVariants(point)) {
        expect(point.variants[index], point.id).toBeDefined();
        for (const id of caseIds)
          expect(
            allCases.some(({ c }) => c.id === id && c.drift?.some((d) => d.id === point.id)),
            `${point.id}: ${id}`,
          ).toBe(true);
      }
    }
  });
});

describe('the codes a schema accepts', () => {
  it('are each printed on the page that documents them, or cite the notes or the OpenAPI as such', () => {
    for (const endpoint of catalog) {
      for (const [code, documented] of [
        ...Object.entries(endpoint.details.records),
        ...Object.entries(endpoint.details.errors),
      ]) {
        for (const source of documented.sources) {
          if (isPageRef(source))
            expect(readDocPage(source.page), `${endpoint.id} ${code}: ${source.page}`).toContain(
              code === 'SUCCESS' ? '"SUCCESS"' : code,
            );
          else if (source.page === 'zoho-notes.md')
            expect(readDocPage(source.page), `${endpoint.id} ${code}`).toContain(
              source.section.replace(/:.*$/, '').replace(/^\d+\. /, ''),
            );
          else expect(isOpenApiRef(source), `${endpoint.id} ${code}: ${source.page}`).toBe(true);
        }
      }
    }
  });
});

describe('docs/catalog.md', () => {
  const text = readFileSync(join(ROOT, 'docs', 'catalog.md'), 'utf8');

  it('lists every drift point of the catalog', () => {
    for (const point of listDrift(catalog)) expect(text, point.id).toContain(`\`${point.id}\``);
  });

  it('names every case that carries an UNCONFIRMED mark', () => {
    for (const { endpoint, c } of allCases.filter(({ c }) => c.unconfirmed)) {
      const named =
        text.includes(`\`${c.id}\``) ||
        (c.id.startsWith('success-') && text.includes(`\`success-*\``)) ||
        (endpoint.product === 'contracts' && text.includes('Contracts error cases'));
      expect(named, `${endpoint.id} ${c.id}`).toBe(true);
    }
  });
});
