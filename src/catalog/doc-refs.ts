// How the catalog cites its sources (pages, zoho-notes.md, Zoho's CRM OpenAPI) and reads its drift expectations. Pure.

import type { DocRef, DriftPoint, Unconfirmed } from './types.ts';

/** The folder name OpenAPI citations start with: Zoho's CRM v8 OpenAPI (github.com/zoho/crm-oas, v8.0/). */
const OPEN_API = 'crm-oas/';

/** A citation of Zoho's CRM v8 OpenAPI: the file and the path inside it, e.g. `paths["/crm/v8/{module_api_name}"].put`. */
export function openApiRef(file: string, path: string): DocRef {
  return { page: `${OPEN_API}${file}`, section: path };
}

/** A citation of zoho-notes.md (facts from Zoho's public sources beyond the five pages) by its section. */
export function notesRef(section: string): DocRef {
  return { page: 'zoho-notes.md', section };
}

/** True for a citation of a doc page the project carries (not the notes, not the OpenAPI). */
export function isPageRef(ref: DocRef): boolean {
  return !ref.page.startsWith(OPEN_API) && ref.page !== 'zoho-notes.md';
}

/** True for a citation of the OpenAPI. */
export function isOpenApiRef(ref: DocRef): boolean {
  return ref.page.startsWith(OPEN_API);
}

/** One line naming a source, as every report prints it. */
export function describeDocRef(ref: DocRef): string {
  return `${ref.page} § ${ref.section}`;
}

/** The variants some case expects: variant index -> the case ids expecting it (empty when the whole point expects it). */
export function expectedVariants(point: DriftPoint): ReadonlyMap<number, readonly string[]> {
  if (typeof point.expected === 'number') return new Map([[point.expected, []]]);
  const byVariant = new Map<number, string[]>();
  for (const [caseId, index] of Object.entries(point.expected))
    byVariant.set(index, [...(byVariant.get(index) ?? []), caseId]);
  return byVariant;
}

/** The variant one case expects of a point. */
export function expectedVariantFor(point: DriftPoint, caseId: string): number | undefined {
  return typeof point.expected === 'number' ? point.expected : point.expected[caseId];
}

/**
 * "UNCONFIRMED: <claim> (<page § section> is silent; from <source>); crm-oas agrees|disagrees|is silent: ...": how a
 * case's description names what goes beyond the pages, the page that says nothing of it, and where the reading comes from.
 */
export function describeUnconfirmed(item: Unconfirmed): string {
  const openApi =
    item.openApi.says === 'silent'
      ? `crm-oas is silent: ${item.openApi.detail}`
      : `crm-oas ${item.openApi.says} (${describeDocRef(item.openApi.source)}): ${item.openApi.detail}`;
  return `UNCONFIRMED: ${item.claim} (${describeDocRef(item.silent)} is silent; from ${describeDocRef(item.source)}); ${openApi}`;
}
