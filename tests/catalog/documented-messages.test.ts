// Messages and pages agree both ways: every message a page prints keeps its check (walked from the page copies and the
// printed examples), and every message the catalog pins is printed on the page it cites (walked from the catalog).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, expectedCodes, pinnedMessages, type Endpoint, type PrintedMessage } from '../../src/catalog/index.ts';
import { normaliseMessage } from '../../src/validate/index.ts';
import { ROOT, documentedErrorDescriptions, readDocPage } from '../support/docs.ts';

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
      // A fact sheet's row with no printed message ("—") has nothing to check.
      const printed = documentedErrorDescriptions(endpoint.docPage)
        .filter((e) => e.description !== '')
        .map((e) => ({
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

/** Every `"message": "..."` of a printed JSON example on a page, plain or escaped inside a saved example's body string. */
function jsonMessagesOn(page: string): string[] {
  return [...readDocPage(page).matchAll(/\\?"message\\?"\s*:\s*\\?"(.*?)\\?"/g)].map((m) =>
    normaliseMessage(m[1] ?? ''),
  );
}

/** Is `text` printed on `page` for `code`: as the description of its Possible Errors entry, or in a printed example? */
function printedOn(page: string, code: string, text: string, where: 'errors' | 'examples' | 'anywhere'): boolean {
  const wanted = normaliseMessage(text);
  const inErrors = () =>
    documentedErrorDescriptions(page).some((e) => e.code === code && normaliseMessage(e.description) === wanted);
  const inExamples = () => jsonMessagesOn(page).includes(wanted);
  return where === 'errors' ? inErrors() : where === 'examples' ? inExamples() : inErrors() || inExamples();
}

/** The pinned messages of every case that are not printed where they say, and the cases whose own page prints none. */
function unprinted(endpoint: Endpoint): string[] {
  return endpoint.cases.flatMap((testCase) =>
    expectedCodes(testCase).flatMap((code) => {
      const pinned = pinnedMessages(endpoint, testCase, code);
      const misplaced = pinned.filter((m) => !printedWhereCited(code, m));
      // A case whose only wordings are the OpenAPI's (the page prints none; they are marked UNCONFIRMED) is held there.
      const onCasePage =
        pinned.every((m) => m.source.page.startsWith('crm-oas/')) ||
        pinned.some((m) => printedOn(testCase.doc.page, code, m.text, 'anywhere'));
      return [
        ...misplaced.map(
          (m) => `${endpoint.id} ${testCase.id} ${code} "${m.text}" not on ${m.source.page} § ${m.source.section}`,
        ),
        ...(pinned.length > 0 && !onCasePage
          ? [
              `${endpoint.id} ${testCase.id} ${code}: ${testCase.doc.page}, the page the case cites, prints none of its messages`,
            ]
          : []),
      ];
    }),
  );
}

/** A message citing a Possible Errors entry is that entry's description; any other source is a printed example. */
function printedWhereCited(code: string, message: PrintedMessage): boolean {
  // Zoho's OpenAPI is not carried by the project (its README asks that it is not copied): a wording taken from it is
  // held to be marked UNCONFIRMED on its cases instead (pinned-messages.test.ts).
  if (message.source.page.startsWith('crm-oas/')) return true;
  const entry = /^Possible Errors: ([A-Z][A-Z_]+)/.exec(message.source.section)?.[1];
  return entry
    ? entry === code && printedOn(message.source.page, code, message.text, 'errors')
    : printedOn(message.source.page, code, message.text, 'examples');
}

describe('messages the catalog pins', () => {
  it('pins some message on every endpoint', () => {
    for (const endpoint of catalog)
      expect(
        endpoint.cases.some((c) => expectedCodes(c).some((code) => pinnedMessages(endpoint, c, code).length > 0)),
        endpoint.id,
      ).toBe(true);
  });

  for (const endpoint of catalog) {
    it(`finds every message ${endpoint.product} ${endpoint.id} pins on the page it cites, and one on each case's page`, () => {
      expect(unprinted(endpoint)).toEqual([]);
    });
  }

  it('notices a pinned message no page prints, a case citing a page without its message, and a wrong entry', () => {
    const endpoint = catalog[0] as Endpoint;
    const records = endpoint.messages?.records ?? {};
    const reworded: Endpoint = {
      ...endpoint,
      messages: {
        errors: endpoint.messages?.errors ?? {},
        records: {
          ...records,
          DUPLICATE_DATA: (records['DUPLICATE_DATA'] ?? []).map((m) => ({ ...m, text: 'duplicated data' })),
        },
      },
    };
    expect(unprinted(reworded)).toEqual([
      expect.stringContaining('duplicate-data DUPLICATE_DATA "duplicated data" not on crm-update-records.txt'),
      expect.stringContaining(
        'duplicate-data DUPLICATE_DATA "duplicated data" not on crm-update-records-postman-item.txt',
      ),
      'update-records duplicate-data DUPLICATE_DATA: crm-update-records.txt, the page the case cites, prints none of its messages',
    ]);
    const elsewhere: Endpoint = {
      ...endpoint,
      cases: endpoint.cases.map((c) =>
        c.id === 'no-permission'
          ? { ...c, doc: { page: 'crm-update-record-locking-information.txt', section: 'x' } }
          : c,
      ),
    };
    expect(unprinted(elsewhere)).toEqual([
      'update-records no-permission NO_PERMISSION: crm-update-record-locking-information.txt, the page the case cites, prints none of its messages',
    ]);
    const wrongEntry: PrintedMessage = {
      text: 'duplicate data',
      source: { page: 'crm-update-records.txt', section: 'Possible Errors: RECORD_LOCKED' },
    };
    expect(printedWhereCited('DUPLICATE_DATA', wrongEntry)).toBe(false);
  });
});
