// The requests Update Records cases share: the page, its URLs, the token, and valid Lead bodies. Pure data.

import type { DocRef, JsonValue } from '../types.ts';

/** The doc page every case cites unless it names another. */
export const PAGE = 'crm-update-records.txt';
/** A section of the page's Possible Errors list. */
export const errors = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
/** The single-record URL and the bulk URL. */
export const SINGLE = '/crm/{version}/Leads/{{record_id}}';
export const BULK = '/crm/{version}/Leads';
/** The token with every scope the endpoint needs. */
export const FULL = { token: 'access_token' } as const;
/** Provocable on the mock and on a live org. */
export const both = ['mock', 'live'] as const;

/** A small, valid Lead update. */
export const lead = (name: string): { [key: string]: JsonValue } => ({ Last_Name: name, Company: 'Zylker' });

/** `count` bulk entries over the target's bulk fixture ids (bulk_id_001 ...). */
export function bulkEntries(count: number): JsonValue[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return { id: `{{bulk_id_${n}}}`, Last_Name: `Bulk ${n}` };
  });
}

/** `count` Event participants, one address each. */
export function participants(count: number): JsonValue[] {
  return Array.from({ length: count }, (_, i) => ({ type: 'email', participant: `guest${i + 1}@zylker.com` }));
}
