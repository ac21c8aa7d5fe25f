// The Zoho doc pages (the specification): the project's own copies in docs/zoho, which every doc-conformance test reads.
// A page is a verbatim text copy (`.txt`) or a fact sheet (`.md`: the page's facts as tables, its errors in a
// "Possible Errors" table of code, HTTP, where, message and source).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
/** docs/zoho: each page byte for byte as copied, indexed with its source and date in docs/zoho/README.md. */
export const DOCS_DIR = join(ROOT, 'docs', 'zoho');

/** The text of one doc page. */
export function readDocPage(page: string): string {
  return readFileSync(join(DOCS_DIR, page), 'utf8');
}

/** Every `CODE` + `HTTP nnn` pair of a page's "Possible Errors" list, in page order. */
export function documentedErrors(page: string): Array<{ code: string; status: number }> {
  return documentedErrorDescriptions(page, true).map(({ code, status }) => ({ code, status }));
}

/** Each "Possible Errors" code label paired with its description: on a text copy the line that FOLLOWS the label
 * (labels sit before their text), on a fact sheet the row's message cell ("—" where no page prints one: empty). */
export function documentedErrorDescriptions(
  page: string,
  withoutMessage = false,
): Array<{ code: string; status: number; description: string }> {
  const text = readDocPage(page);
  // A fact sheet's row whose answer prints no message has an empty description: kept only where the codes are asked.
  if (page.endsWith('.md')) return factSheetErrors(text).filter((e) => withoutMessage || e.description !== '');
  const section = text.slice(text.indexOf('Possible Errors'));
  return [...section.matchAll(/([A-Z][A-Z_]+)HTTP (\d{3})\s*\n\s*([^\n]+)/g)].map((m) => ({
    code: m[1] ?? '',
    status: Number(m[2]),
    description: (m[3] ?? '').trim(),
  }));
}

/**
 * The rows of a fact sheet's "## Possible Errors" table: | code | status | where | message | source |, the code plain or
 * in backticks, the status `400` or `HTTP 400`, the message in backticks or plain ("—" or a note in parentheses: none printed).
 */
export function factSheetErrors(text: string): Array<{ code: string; status: number; description: string }> {
  const start = text.indexOf('\n## Possible Errors');
  if (start < 0) return [];
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  return section.split('\n').flatMap((line) => {
    const cells = line.split('|').map((cell) => cell.trim());
    const code = cells[1]?.match(/^`?([A-Z][A-Z_]+)`?$/)?.[1];
    const status = cells[2]?.match(/^(?:HTTP )?(\d{3})$/)?.[1];
    if (!code || !status) return [];
    const cell = cells[4] ?? '';
    const quoted = /`([^`]+)`/.exec(cell)?.[1];
    // A cell in parentheses says why none is printed ("(none: the answer has no body)").
    const description = quoted ?? (cell === '—' || cell.startsWith('(') ? '' : cell);
    return [{ code, status: Number(status), description }];
  });
}
