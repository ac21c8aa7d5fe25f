// Where the Zoho doc pages (the specification) are: ../shared/docs beside the checkout, or ZOHO_DOCS_DIR.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DOCS_DIR = process.env['ZOHO_DOCS_DIR'] ?? join(ROOT, '..', 'shared', 'docs');
export const docsAvailable = existsSync(DOCS_DIR);

/** The text of one doc page. */
export function readDocPage(page: string): string {
  return readFileSync(join(DOCS_DIR, page), 'utf8');
}

/** Every `CODE` + `HTTP nnn` pair of a page's "Possible Errors" list, in page order. */
export function documentedErrors(page: string): Array<{ code: string; status: number }> {
  const text = readDocPage(page);
  const section = text.slice(text.indexOf('Possible Errors'));
  return [...section.matchAll(/([A-Z][A-Z_]+)HTTP (\d{3})/g)].map((m) => ({ code: m[1] ?? '', status: Number(m[2]) }));
}

/** Each "Possible Errors" code label paired with the description that FOLLOWS it (labels sit before their text). */
export function documentedErrorDescriptions(page: string): Array<{ code: string; status: number; description: string }> {
  const text = readDocPage(page);
  const section = text.slice(text.indexOf('Possible Errors'));
  return [...section.matchAll(/([A-Z][A-Z_]+)HTTP (\d{3})\s*\n\s*([^\n]+)/g)].map((m) => ({ code: m[1] ?? '', status: Number(m[2]), description: (m[3] ?? '').trim() }));
}
