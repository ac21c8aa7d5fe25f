// Every message a page prints keeps its check: walked from the page copies and the printed examples, never from the catalog.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, expectedCodes, type Endpoint } from '../../src/catalog/index.ts';
import { normaliseMessage } from '../../src/validate/index.ts';
import { ROOT, documentedErrorDescriptions } from '../support/docs.ts';

interface Printed {
  readonly code: string;
  readonly text: string;
  readonly where: string;
}

const FIXTURES = join(ROOT, 'tests', 'fixtures');
const endpointOf = (folder: string): Endpoint | undefined => catalog.find((e) => `${e.product}-${e.id}` === folder);

/** Messages of the printed examples (page samples and saved Postman examples), per code. */
function printedInExamples(folder: string): Printed[] {
  const index = JSON.parse(readFileSync(join(FIXTURES, folder, 'index.json'), 'utf8')) as Array<{ file: string }>;
  return index.flatMap(({ file }) => {
    if (!file.endsWith('.json')) return [];
    const body = JSON.parse(readFileSync(join(FIXTURES, folder, file), 'utf8')) as Record<string, unknown>;
    const parts = Array.isArray(body['data']) ? (body['data'] as Array<Record<string, unknown>>) : [body];
    return parts.flatMap((part) =>
      typeof part['code'] === 'string' && typeof part['message'] === 'string'
        ? [{ code: part['code'], text: part['message'], where: `${folder}/${file}` }]
        : [],
    );
  });
}

/** The printed messages the catalog does not check: absent from its messages, or excused on every case with the code. */
function unchecked(endpoint: Endpoint, printed: readonly Printed[]): string[] {
  return printed.flatMap((p) => {
    const known = [...(endpoint.messages?.records[p.code] ?? []), ...(endpoint.messages?.errors[p.code] ?? [])].map(
      (m) => normaliseMessage(m.text),
    );
    const checkedByACase = endpoint.cases.some(
      (c) => expectedCodes(c).includes(p.code) && !c.messageNotPrinted?.[p.code],
    );
    return known.includes(normaliseMessage(p.text)) && checkedByACase
      ? []
      : [`${endpoint.id} ${p.code} "${p.text}" (${p.where})`];
  });
}

describe('messages the pages print', () => {
  const folders = readdirSync(FIXTURES).filter((f) => endpointOf(f));

  it('covers the printed examples of every endpoint', () => {
    expect(folders.sort()).toEqual(catalog.map((e) => `${e.product}-${e.id}`).sort());
  });

  for (const folder of folders) {
    it(`checks every message printed in the examples of ${folder}`, () => {
      const endpoint = endpointOf(folder) as Endpoint;
      const printed = printedInExamples(folder);
      expect(unchecked(endpoint, printed)).toEqual([]);
    });
  }

  it("checks every message of every page's Possible Errors list", () => {
    for (const endpoint of catalog) {
      const printed = documentedErrorDescriptions(endpoint.docPage).map((e) => ({
        code: e.code,
        text: e.description,
        where: `${endpoint.docPage} Possible Errors`,
      }));
      expect(printed.length, endpoint.id).toBeGreaterThan(0);
      expect(unchecked(endpoint, printed)).toEqual([]);
    }
  });

  it('notices a printed message that loses its check (dropped from the catalog, or excused on its only case)', () => {
    const printed = printedInExamples('crm-update-records');
    const { NOT_APPROVED: _dropped, ...records } = catalog[0]?.messages?.records ?? {};
    const withoutMessage: Endpoint = {
      ...(catalog[0] as Endpoint),
      messages: { records, errors: catalog[0]?.messages?.errors ?? {} },
    };
    expect(unchecked(withoutMessage, printed)).toEqual([
      expect.stringContaining('NOT_APPROVED "cannot update record that is not approved yet"'),
    ]);
    const excused: Endpoint = {
      ...(catalog[0] as Endpoint),
      cases: (catalog[0] as Endpoint).cases.map((c) =>
        c.id === 'duplicate-data' ? { ...c, messageNotPrinted: { DUPLICATE_DATA: 'x' } } : c,
      ),
    };
    expect(unchecked(excused, printed)).toEqual([expect.stringContaining('DUPLICATE_DATA "duplicate data"')]);
  });
});
