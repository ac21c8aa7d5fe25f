// The Zoho doc pages (the specification): the project's own copies in docs/zoho, which every doc-conformance test reads.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
/** docs/zoho: each page byte for byte as copied, indexed with its source and date in docs/zoho/README.md. */
export const DOCS_DIR = join(ROOT, 'docs', 'zoho');

/** The text of one doc page. */
export function readDocPage(page: string): string {
  return readFileSync(join(DOCS_DIR, page), 'utf8');
}

/**
 * A markdown fact sheet's "Possible Errors" table rows, `| CODE | HTTP nnn | where | message | ... |`, in page order; the
 * message is the one in backticks (a row whose answer prints none has no description).
 */
function factSheetErrors(page: string): Array<{ code: string; status: number; description?: string }> {
  const text = readDocPage(page);
  const start = text.indexOf('## Possible Errors');
  if (start < 0) return [];
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\|\s*([A-Z][A-Z_]+)\s*\|\s*HTTP (\d{3})\s*\|[^|]*\|([^|]*)\|/gm)].map((m) => {
    const message = /`([^`]+)`/.exec(m[3] ?? '')?.[1];
    return { code: m[1] ?? '', status: Number(m[2]), ...(message ? { description: message } : {}) };
  });
}

/** Every `CODE` + `HTTP nnn` pair of a page's "Possible Errors" list, in page order. */
export function documentedErrors(page: string): Array<{ code: string; status: number }> {
  if (page.endsWith('.md')) return factSheetErrors(page).map(({ code, status }) => ({ code, status }));
  const text = readDocPage(page);
  const section = text.slice(text.indexOf('Possible Errors'));
  return [...section.matchAll(/([A-Z][A-Z_]+)HTTP (\d{3})/g)].map((m) => ({ code: m[1] ?? '', status: Number(m[2]) }));
}

/** Each "Possible Errors" code label paired with the description that FOLLOWS it (labels sit before their text). */
export function documentedErrorDescriptions(
  page: string,
): Array<{ code: string; status: number; description: string }> {
  if (page.endsWith('.md'))
    return factSheetErrors(page).flatMap((e) =>
      e.description === undefined ? [] : [{ ...e, description: e.description }],
    );
  const text = readDocPage(page);
  const section = text.slice(text.indexOf('Possible Errors'));
  return [...section.matchAll(/([A-Z][A-Z_]+)HTTP (\d{3})\s*\n\s*([^\n]+)/g)].map((m) => ({
    code: m[1] ?? '',
    status: Number(m[2]),
    description: (m[3] ?? '').trim(),
  }));
}
