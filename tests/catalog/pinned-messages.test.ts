// Every message the catalog pins is printed where it says: on the page it cites, the case's page for a case's own pin.

import { describe, expect, it } from 'vitest';
import {
  catalog,
  expectedCodes,
  isOpenApiRef,
  isPageRef,
  type Endpoint,
  type PrintedMessage,
} from '../../src/catalog/index.ts';
import { readDocPage } from '../support/docs.ts';

/** The page text as a verdict compares it: without case and with whitespace collapsed (the stop is kept). */
const flat = (text: string): string => text.replace(/\s+/g, ' ').toLowerCase();
const pageText = new Map<string, string>();
const printedOn = (page: string, text: string): boolean => {
  if (!pageText.has(page)) pageText.set(page, flat(readDocPage(page)));
  return pageText.get(page)?.includes(flat(text).trim()) ?? false;
};

/** What is wrong with an endpoint's pinned messages; empty when each is printed where the catalog says. */
function pinnedMessageProblems(endpoint: Endpoint): string[] {
  const problems: string[] = [];
  const ownPages = new Set([
    endpoint.docPage,
    ...endpoint.cases.map((c) => c.doc.page).filter((p) => isPageRef({ page: p, section: '' })),
  ]);
  for (const [envelope, byCode] of Object.entries(endpoint.messages ?? { records: {}, errors: {} })) {
    for (const [code, printed] of Object.entries(byCode as Record<string, readonly PrintedMessage[]>)) {
      const pagePrints = printed.some((m) => isPageRef(m.source) && m.source.page !== 'zoho-notes.md');
      for (const message of printed) {
        const where = `${endpoint.id} ${envelope} ${code} "${message.text}"`;
        if (isOpenApiRef(message.source)) {
          // The OpenAPI is cited, never read: its message stands in only where no page prints one for the code.
          if (pagePrints) problems.push(`${where}: from the OpenAPI although a page prints one`);
          continue;
        }
        if (!printedOn(message.source.page, message.text)) problems.push(`${where}: not on ${message.source.page}`);
        if (ownPages.has(message.source.page)) continue;
        // Borrowed from another endpoint's page: every case that meets the code says so.
        for (const c of endpoint.cases.filter((x) => expectedCodes(x).includes(code)))
          if (!c.unconfirmed?.some((u) => u.source.page === message.source.page))
            problems.push(`${where}: borrowed from ${message.source.page}, and ${c.id} does not mark it UNCONFIRMED`);
      }
    }
  }
  for (const c of endpoint.cases) {
    if (c.expect.shape !== 'error' || c.expect.message === undefined) continue;
    if (!printedOn(c.doc.page, c.expect.message))
      problems.push(`${endpoint.id} ${c.id} pins "${c.expect.message}", not on ${c.doc.page}`);
  }
  return problems;
}

describe('messages the catalog pins', () => {
  it('are each printed on the page they cite, a case pin on the page its case cites', () => {
    for (const endpoint of catalog) expect(pinnedMessageProblems(endpoint), endpoint.id).toEqual([]);
  });

  it('pin something on every endpoint (the check is not vacuous)', () => {
    for (const endpoint of catalog)
      expect(Object.keys(endpoint.messages?.errors ?? {}).length, endpoint.id).toBeGreaterThan(0);
  });

  it('name a message that is not on its page, a case pin off its page, and a borrowed wording no case marks', () => {
    const bigin = catalog.find((e) => e.product === 'bigin') as Endpoint;
    const messages = bigin.messages ?? { records: {}, errors: {} };
    const broken: Endpoint = {
      ...bigin,
      messages: {
        records: {
          ...messages.records,
          INVALID_DATA: [{ text: 'an invented message', source: { page: bigin.docPage, section: 'Possible Errors' } }],
        },
        errors: messages.errors,
      },
      cases: bigin.cases.map((c) => {
        if (c.id === 'invalid-related-id' && c.expect.shape === 'error')
          return { ...c, expect: { ...c.expect, message: 'the related id is wrong' } };
        return c.id === 'success-bulk' ? { ...c, unconfirmed: [] } : c;
      }),
    };
    expect(pinnedMessageProblems(broken)).toEqual([
      expect.stringContaining(
        '"relation updated": borrowed from crm-update-record-locking-information.txt, and success-bulk does not mark it UNCONFIRMED',
      ),
      expect.stringContaining('records INVALID_DATA "an invented message": not on bigin-update-related-records.txt'),
      expect.stringContaining('invalid-related-id pins "the related id is wrong"'),
    ]);
  });
});
