import { describe, expect, it } from 'vitest';
import { expectedCodes, updateRelatedRecords } from '../../src/catalog/index.ts';
import { documentedErrorDescriptions } from '../support/docs.ts';

describe('Bigin Update Related Records against its page', () => {
  const table = documentedErrorDescriptions(updateRelatedRecords.docPage);

  it('pairs each code label with the description after it, not before it', () => {
    const find = (code: string, status: number) =>
      table.filter((e) => e.code === code && e.status === status).map((e) => e.description);
    expect(find('INVALID_DATA', 400)).toEqual(['the related id given seems to be invalid']);
    expect(find('INVALID_DATA', 202)).toEqual(['invalid data']);
    expect(find('MANDATORY_NOT_FOUND', 202)).toEqual(['required field not found']);
    expect(find('INVALID_MODULE', 400)).toEqual([
      'The module name given seems to be invalid',
      'The given module is not supported in API',
    ]);
    expect(table).toHaveLength(11);
  });

  it('gives every error case that pins a message the description paired with its own code and status', () => {
    const pinned = updateRelatedRecords.cases.flatMap((c) =>
      c.expect.shape === 'error' && c.expect.message ? [c.expect] : [],
    );
    expect(pinned.length).toBeGreaterThanOrEqual(3);
    for (const expectation of pinned) {
      const descriptions = table
        .filter((e) => e.code === expectation.code && e.status === expectation.status)
        .map((e) => e.description.toLowerCase());
      expect(descriptions, `${expectation.code} ${expectation.status}`).toContain(expectation.message?.toLowerCase());
    }
  });

  it('has a case at every documented status of every code (INVALID_DATA at both 400 and 202)', () => {
    for (const { code, status } of table) {
      const found = updateRelatedRecords.cases.some(
        (c) => c.expect.status === status && expectedCodes(c).includes(code),
      );
      expect(found, `${code} HTTP ${status}`).toBe(true);
    }
  });
});
