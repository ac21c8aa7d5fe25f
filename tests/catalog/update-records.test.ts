import { describe, expect, it } from 'vitest';
import {
  casesForVersion,
  expectedCodes,
  expectedVariantFor,
  expectedVariants,
  listDrift,
  updateRecords,
} from '../../src/catalog/index.ts';
import { documentedErrors, readDocPage } from '../support/docs.ts';

const codesOf = expectedCodes;

describe('CRM Update Records catalog entry', () => {
  it("has a case for every code in the page's Possible Errors, at the status the page or its drift point gives", () => {
    const documented = documentedErrors(updateRecords.docPage);
    expect(documented.length).toBeGreaterThanOrEqual(14);
    for (const { code, status } of documented) {
      const cases = updateRecords.cases.filter((c) => codesOf(c).includes(code));
      expect(cases, `no case for ${code}`).not.toHaveLength(0);
      // Either some case expects the page's status, or the case records a drift point with the page's status as a variant.
      const honoured = cases.some(
        (c) => c.expect.status === status || c.drift?.some((d) => d.variants.some((v) => v.status === status)),
      );
      expect(honoured, `${code}: page says HTTP ${status}, no case expects it or records it as drift`).toBe(true);
    }
  });

  it('covers both INVALID_MODULE variants by their messages', () => {
    const messages = updateRecords.cases.flatMap((c) =>
      c.expect.shape === 'error' && c.expect.code === 'INVALID_MODULE' ? [c.expect.message] : [],
    );
    expect(messages.sort()).toEqual([
      'the given module is not supported in api',
      'the module name given seems to be invalid',
    ]);
  });

  it('covers the optional keys trigger, $append_values and lar_id with success cases', () => {
    const bodies = updateRecords.cases.filter((c) => c.group === 'success').map((c) => JSON.stringify(c.request.body));
    for (const key of updateRecords.keys.optional)
      expect(
        bodies.some((b) => b.includes(`"${key}"`)),
        key,
      ).toBe(true);
  });

  it('sends exactly 100 records in the maximum case and 101 in the over-limit case', () => {
    const count = (id: string): number => {
      const body = updateRecords.cases.find((c) => c.id === id)?.request.body as { data: unknown[] };
      return body.data.length;
    };
    expect(count('success-bulk-maximum')).toBe(100);
    expect(count('limit-exceeded-records')).toBe(101);
  });

  it('gives every case a unique id and name, a doc reference and a valid version list', () => {
    const ids = updateRecords.cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(updateRecords.cases.map((c) => c.name)).size).toBe(ids.length);
    for (const c of updateRecords.cases) {
      expect(c.id).toMatch(/^[a-z0-9-]+$/);
      expect(c.doc.section.length).toBeGreaterThan(3);
      for (const v of c.versions ?? []) expect(updateRecords.versions).toContain(v);
    }
  });

  it('cites doc pages that exist and sections whose code appears on the page', () => {
    for (const c of updateRecords.cases) {
      if (c.doc.page === 'zoho-notes.md') continue;
      const page = readDocPage(c.doc.page);
      const code = c.doc.section.match(/Possible Errors: ([A-Z_]+)/)?.[1];
      if (code) expect(page, `${c.id} cites ${code}`).toContain(code);
    }
  });

  it('keeps the optional-key cases out of v2, $append_values out of v8, and every other case in all versions', () => {
    const ids = (version: string) => casesForVersion(updateRecords, version).map((c) => c.id);
    expect(ids('v2.1')).toHaveLength(updateRecords.cases.length);
    expect(
      ids('v2.1')
        .filter((id) => !ids('v2').includes(id))
        .sort(),
    ).toEqual(['success-append-values', 'success-lar-id', 'success-trigger']);
    expect(ids('v2.1').filter((id) => !ids('v8').includes(id))).toEqual(['success-append-values']);
  });

  it('marks INTERNAL_ERROR as mock-only and everything else as provocable live', () => {
    const mockOnly = updateRecords.cases.filter((c) => !c.provocable.includes('live')).map((c) => c.id);
    expect(mockOnly).toEqual(['internal-error']);
  });

  it('records each drift point with valid expected variants and a reason', () => {
    const points = listDrift([updateRecords]);
    expect(points.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'crm-update-records/record-locked-status',
        'crm-update-records/not-approved-status',
        'crm-update-records/invalid-data-status-shape',
        'crm-update-records/oauth-scope-mismatch-message',
        'crm-update-records/authorization-scheme',
      ]),
    );
    for (const p of points) {
      expect(p.variants.length).toBeGreaterThanOrEqual(2);
      for (const index of expectedVariants(p).keys()) expect(p.variants[index]).toBeDefined();
      expect(p.why.length).toBeGreaterThan(20);
    }
  });

  it('expects the drift variant each case names, so a case and its drift point cannot disagree', () => {
    for (const c of updateRecords.cases) {
      for (const point of c.drift ?? []) {
        const index = expectedVariantFor(point, c.id);
        expect(index, `${point.id} names no variant for ${c.id}`).toBeDefined();
        const chosen = point.variants[index ?? -1];
        const matching = point.variants.filter((v) => v.status === undefined || v.status === c.expect.status);
        if (chosen?.status !== undefined) expect(chosen.status, `${c.id} vs ${point.id}`).toBe(c.expect.status);
        if (chosen?.shape !== undefined) expect(chosen.shape, `${c.id} vs ${point.id}`).toBe(c.expect.shape);
        expect(matching.length, `${c.id}: no variant of ${point.id} has its status`).toBeGreaterThan(0);
      }
    }
  });
});
