import { describe, expect, it } from 'vitest';
import { casesForVersion, catalog } from '../../src/catalog/index.ts';
import { itemId } from '../../src/generate/index.ts';
import { caseIdOfItem, caseKey, parseCaseKey } from '../../src/verdict/index.ts';

describe('a case key', () => {
  const ref = { product: 'crm', endpoint: 'update-records', version: 'v2.1', caseId: 'invalid-data-id' };

  it('is product/endpoint/version/caseId and parses back to its parts', () => {
    expect(caseKey(ref)).toBe('crm/update-records/v2.1/invalid-data-id');
    expect(parseCaseKey(caseKey(ref))).toEqual(ref);
  });

  it('is built from a verdict as from its four parts (other fields ignored)', () => {
    expect(caseKey({ ...ref, outcome: 'pass', reason: '' } as typeof ref)).toBe(
      'crm/update-records/v2.1/invalid-data-id',
    );
  });

  it('does not parse from fewer or more parts, or an empty one', () => {
    for (const key of ['crm/update-records/v2.1', 'crm/update-records/v2.1/a/b', 'crm//v2.1/a', ''])
      expect(parseCaseKey(key)).toBeUndefined();
  });

  it("reads every catalog case's id back from the item id the generator gives it", () => {
    const pairs = catalog.flatMap((endpoint) =>
      endpoint.versions.flatMap((version) =>
        casesForVersion(endpoint, version).map((c) => [c.id, itemId(endpoint, version, c.id)] as const),
      ),
    );
    expect(pairs.length).toBeGreaterThan(100);
    for (const [caseId, id] of pairs) expect(caseIdOfItem(id)).toBe(caseId);
  });
});
