// Each UNCONFIRMED mark names the page that is silent on its claim, and a reading from somewhere else.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, describeDocRef, isPageRef, type Endpoint, type Unconfirmed } from '../../src/catalog/index.ts';
import { DOCS_DIR, readDocPage } from '../support/docs.ts';

/** The heading a section starts with: "Possible Errors: NOT_ALLOWED (...)" -> "Possible Errors". */
const heading = (section: string): string => section.split(/[:;(]/)[0]?.trim() ?? '';

/** What is wrong with one mark; empty when its silent source is a page the project carries, at a heading it has. */
function markProblems(endpoint: Endpoint, caseId: string, mark: Unconfirmed): string[] {
  const where = `${endpoint.id} ${caseId} "${mark.claim}"`;
  const { silent } = mark;
  if (!isPageRef(silent) || silent.page === 'zoho-notes.md')
    return [`${where}: silent source ${describeDocRef(silent)} is not a doc page`];
  if (!existsSync(join(DOCS_DIR, silent.page))) return [`${where}: silent source ${silent.page} is not in docs/zoho`];
  const problems: string[] = [];
  const pages = new Set([endpoint.docPage, ...endpoint.cases.filter((c) => c.id === caseId).map((c) => c.doc.page)]);
  if (!pages.has(silent.page))
    problems.push(`${where}: silent source ${silent.page} is neither the endpoint's page nor the case's`);
  if (!readDocPage(silent.page).includes(heading(silent.section)))
    problems.push(`${where}: ${silent.page} has no section "${heading(silent.section)}"`);
  // A reading that agrees must come from another file than the source it agrees with, or it settles nothing.
  if (mark.openApi.says === 'agrees' && mark.openApi.source.page === mark.source.page)
    problems.push(`${where}: agrees with its own source (${mark.source.page})`);
  return problems;
}

const problemsOf = (endpoint: Endpoint): string[] =>
  endpoint.cases.flatMap((c) => (c.unconfirmed ?? []).flatMap((mark) => markProblems(endpoint, c.id, mark)));

describe('UNCONFIRMED marks', () => {
  it("name their silent source: the endpoint's page (or the case's), at a section it has", () => {
    for (const endpoint of catalog) expect(problemsOf(endpoint), endpoint.id).toEqual([]);
    expect(catalog.flatMap((e) => e.cases.flatMap((c) => c.unconfirmed ?? [])).length).toBeGreaterThan(20);
  });

  it("name a silent source that is the notes, the OpenAPI, another endpoint's page or a missing section, and an agreement with its own file", () => {
    const locking = catalog.find((e) => e.id === 'update-record-locking-information') as Endpoint;
    const mark = (change: Partial<Unconfirmed>): Endpoint => ({
      ...locking,
      cases: locking.cases
        .filter((c) => c.id === 'mandatory-locked-reason')
        .map((c) => ({
          ...c,
          unconfirmed: (c.unconfirmed ?? []).map((u) => ({ ...u, ...change })),
        })),
    });
    const [missing] = locking.cases.find((c) => c.id === 'mandatory-locked-reason')?.unconfirmed ?? [];
    if (!missing) throw new Error('the missing-reason case lost its mark');
    expect(problemsOf(mark({ silent: { page: 'zoho-notes.md', section: '6. Record locking' } }))).toEqual([
      expect.stringContaining('is not a doc page'),
    ]);
    expect(problemsOf(mark({ silent: { page: 'crm-oas/record_locking.json', section: 'paths' } }))).toEqual([
      expect.stringContaining('is not a doc page'),
    ]);
    expect(
      problemsOf(mark({ silent: { page: 'bigin-update-related-records.txt', section: 'Sample Response' } })),
    ).toEqual([expect.stringContaining("neither the endpoint's page nor the case's")]);
    expect(problemsOf(mark({ silent: { page: locking.docPage, section: 'Response JSON Keys: none' } }))).toEqual([
      expect.stringContaining('has no section "Response JSON Keys"'),
    ]);
    const circular = { says: 'agrees' as const, source: missing.source, detail: 'the same place' };
    expect(problemsOf(mark({ openApi: circular }))).toEqual([expect.stringContaining('agrees with its own source')]);
    // The same file at another section is no second opinion either (the missing reason's mark once did this).
    if (missing.openApi.says === 'silent') throw new Error('the missing-reason mark lost its OpenAPI reading');
    const sameFile = { source: { ...missing.openApi.source, section: 'components.schemas.Lock_Record' } };
    expect(problemsOf(mark(sameFile))).toEqual([expect.stringContaining('agrees with its own source (crm-oas/')]);
  });
});
