// The specification travels with the code: every page the catalog and the fixtures cite is in docs/zoho, indexed with
// its source and copy date, and nothing in the project reaches for a folder beside the checkout.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, isOpenApiRef, listDrift } from '../../src/catalog/index.ts';
import { DOCS_DIR, ROOT } from '../support/docs.ts';

const INDEX = 'README.md';
const pages = readdirSync(DOCS_DIR).filter((name) => name !== INDEX);

/** The index's table rows, by file: `| \`file\` | page | source | copied |`. */
function indexRows(): Map<string, { source: string; copied: string }> {
  const rows = new Map<string, { source: string; copied: string }>();
  for (const line of readFileSync(join(DOCS_DIR, INDEX), 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const file = cells[1]?.match(/^`([^`]+)`$/)?.[1];
    if (file) rows.set(file, { source: cells[3] ?? '', copied: cells[4] ?? '' });
  }
  return rows;
}

function citedPages(): Set<string> {
  const cited = new Set<string>();
  for (const endpoint of catalog) {
    cited.add(endpoint.docPage);
    for (const c of endpoint.cases) {
      cited.add(c.doc.page);
      for (const item of c.unconfirmed ?? []) cited.add(item.source.page);
    }
  }
  for (const point of listDrift()) for (const variant of point.variants) cited.add(variant.source.page);
  const fixtures = join(ROOT, 'tests', 'fixtures');
  for (const folder of readdirSync(fixtures)) {
    const index = join(fixtures, folder, 'index.json');
    if (!existsSync(index)) continue;
    for (const entry of JSON.parse(readFileSync(index, 'utf8')) as Array<{ source?: { page?: string } }>)
      if (entry.source?.page) cited.add(entry.source.page);
  }
  return cited;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return [path];
  });
}

describe('the doc pages in docs/zoho', () => {
  it("holds every page the catalog, its drift points and the doc-example fixtures cite (Zoho's OpenAPI is cited, never copied)", () => {
    const cited = [...citedPages()].filter((page) => !isOpenApiRef({ page, section: '' }));
    expect(cited.length).toBeGreaterThan(4);
    expect(cited.filter((page) => !pages.includes(page))).toEqual([]);
  });

  it('indexes each page with its source and the date it was copied, and indexes nothing that is not there', () => {
    const rows = indexRows();
    expect([...rows.keys()].sort()).toEqual([...pages].sort());
    for (const [file, row] of rows) {
      expect(row.copied, file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // Copies (.txt) and fact sheets (.md) name the page they come from; only the team's notes have no URL.
      if (file !== 'zoho-notes.md') expect(row.source, file).toMatch(/^https:\/\/\S+$/);
    }
  });

  it('is what the project reads: no source, test, bench, script or workflow refers to a shared folder beside the checkout', () => {
    // Spelled in pieces so that this file does not match itself: the relative path, and a path.join of its parts.
    const beside = ['..' + '/shared', "'..'" + ', ' + "'shared'"];
    const files = ['src', 'tests', 'bench', 'bin', '.ci', '.github'].flatMap((dir) => filesUnder(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files
      .filter((file) => beside.some((needle) => readFileSync(file, 'utf8').includes(needle)))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
