// Shared pieces of Zoho's response envelopes (zoho-notes.md section 4), as draft-07 schema data. Pure.

import type { DocRef, DocumentedCode, JsonSchema } from './types.ts';

/** A Zoho record or user id: digits in a string, never a JSON number (ids overflow doubles). */
export const zohoId: JsonSchema = { type: 'string', pattern: '^[0-9]+$' };

/** Zoho's timestamps: ISO-8601 with an offset, e.g. 2021-05-02T11:17:33+05:30. */
export const zohoTime: JsonSchema = { type: 'string', format: 'date-time' };

/** `{name, id}` as in Modified_By / Created_By. */
export const userRef: JsonSchema = {
  type: 'object',
  required: ['name', 'id'],
  properties: { name: { type: 'string' }, id: { $ref: '#/definitions/zohoId' } },
};

/** One entry of `data[]`: the four keys every record-write answer carries. Open: Zoho may add keys. */
export const recordEntryBase: JsonSchema = {
  type: 'object',
  required: ['code', 'details', 'message', 'status'],
  properties: {
    code: { type: 'string' },
    details: { type: 'object' },
    message: { type: 'string' },
    status: { type: 'string', enum: ['success', 'error'] },
  },
};

/** The top-level error object: the same four keys, status always "error", and never a `data` key. */
export const topLevelErrorBase: JsonSchema = {
  type: 'object',
  required: ['code', 'details', 'message', 'status'],
  properties: {
    code: { type: 'string' },
    details: { type: 'object' },
    message: { type: 'string' },
    status: { type: 'string', const: 'error' },
  },
  not: { type: 'object', required: ['data'], properties: { data: {} } },
};

/** `{"data": [entry, ...]}`, at least one entry (one per record sent). */
export const recordsEnvelopeBase: JsonSchema = {
  type: 'object',
  required: ['data'],
  properties: { data: { type: 'array', minItems: 1, items: { $ref: '#/definitions/recordEntry' } } },
};

/** Codes whose answers print no details (or `{}`): any object, each code cited by `sourceOf(code)`. */
export function openDetails(
  codes: readonly string[],
  sourceOf: (code: string) => readonly DocRef[],
): Record<string, DocumentedCode> {
  return Object.fromEntries(codes.map((code) => [code, { sources: sourceOf(code), details: { type: 'object' } }]));
}

/** A reference to a shared definition of the generated schema (`zohoId`, `zohoTime`, `userRef`). */
export const definitionRef = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

/** A code's sources and the schema of its `details`. */
export const documented = (sources: readonly DocRef[], details: JsonSchema): DocumentedCode => ({ sources, details });

/**
 * A records write's success `details` (Update, Insert and Upsert Records): the five keys the pages' Sample Responses and
 * record.json's Success_Response print, ids as digit strings.
 */
export const writeSuccessDetails: JsonSchema = {
  type: 'object',
  required: ['Modified_Time', 'Modified_By', 'Created_Time', 'Created_By', 'id'],
  properties: {
    Modified_Time: definitionRef('zohoTime'),
    Modified_By: definitionRef('userRef'),
    Created_Time: definitionRef('zohoTime'),
    Created_By: definitionRef('userRef'),
    id: definitionRef('zohoId'),
  },
};
