// Catalog details + shared envelopes -> one self-contained draft-07 schema per endpoint (the Postman sandbox cannot load refs). Pure.

import {
  recordEntryBase,
  recordsEnvelopeBase,
  topLevelErrorBase,
  userRef,
  zohoId,
  zohoTime,
} from '../catalog/index.ts';
import type { DocumentedCode, JsonSchema, ResponseDetails } from '../catalog/index.ts';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const BASE_ID = 'https://schemas.zoho-contract.test';

/** What an endpoint schema is built from. */
export interface EndpointSchemaSource {
  readonly product: string;
  readonly endpoint: string;
  readonly title: string;
  readonly docPage: string;
  readonly details: ResponseDetails;
}

/** The endpoint's whole documented response contract: a data[] envelope or a top-level error, details pinned per code. */
export function buildEndpointSchema(source: EndpointSchemaSource): JsonSchema {
  const recordCodes = Object.keys(source.details.records).sort();
  const errorCodes = Object.keys(source.details.errors).sort();
  const hasRecords = recordCodes.length > 0;
  const definitions: Record<string, JsonSchema> = {
    // An endpoint that never answers data[] (Contracts) gets no records branch: a data[] answer then fails the oneOf.
    ...(hasRecords
      ? {
          recordsEnvelope: recordsEnvelopeBase,
          recordEntry: withCodes(recordEntryBase, recordCodes, 'record', true, source.details.records),
        }
      : {}),
    topLevelError: withCodes(topLevelErrorBase, errorCodes, 'error', false),
    ...prefixed('record', source.details.records),
    ...prefixed('error', source.details.errors),
    ...sharedDefinitions(),
    ...(source.details.object ? { successObject: source.details.object } : {}),
    ...(source.details.list ? listDefinitions(source.details.list) : {}),
  };
  const branches = [
    ...(hasRecords ? ['recordsEnvelope'] : []),
    'topLevelError',
    ...(source.details.object ? ['successObject'] : []),
    ...(source.details.list ? ['listEnvelope'] : []),
  ];
  return {
    $schema: DRAFT_07,
    $id: `${BASE_ID}/${source.product}/${source.endpoint}.json`,
    title: `${source.title} responses`,
    description: `Responses of ${source.product.toUpperCase()} ${source.title} as documented in ${source.docPage} (Possible Errors, Sample Response) and its saved examples: a data[] envelope with one entry per record, or one top-level error.`,
    oneOf: branches.map((name) => ({ $ref: `#/definitions/${name}` })),
    definitions: sortKeys(definitions),
  };
}

/** The generic shared envelopes, each self-contained, for readers and other tools. */
export function buildSharedSchemas(): Array<{ name: string; schema: JsonSchema }> {
  const shared = (
    name: string,
    title: string,
    description: string,
    root: JsonSchema,
    definitions: Record<string, JsonSchema>,
  ): { name: string; schema: JsonSchema } => ({
    name: `${name}.json`,
    schema: {
      $schema: DRAFT_07,
      $id: `${BASE_ID}/shared/${name}.json`,
      title,
      description,
      ...root,
      definitions: sortKeys({ ...definitions, ...sharedDefinitions() }),
    },
  });
  return [
    shared(
      'record-entry',
      'Record entry',
      'One entry of a record-write answer: code, details, message, status (zoho-notes.md section 4).',
      recordEntryBase,
      {},
    ),
    shared(
      'records-envelope',
      'Records envelope',
      'A record-write answer: {"data": [...]}, one entry per record sent, in order (zoho-notes.md section 4).',
      recordsEnvelopeBase,
      { recordEntry: recordEntryBase },
    ),
    shared(
      'top-level-error',
      'Top-level error',
      'One error object for the whole request: code, details, message, status "error" (zoho-notes.md section 4).',
      topLevelErrorBase,
      {},
    ),
  ];
}

/**
 * The base entry with its code enum and, per code, its details schema, status (success only for SUCCESS) and the keys
 * the code's entries carry beside the four (`entry`: Upsert's action and duplicate_field).
 */
function withCodes(
  base: JsonSchema,
  codes: readonly string[],
  prefix: string,
  pinStatus: boolean,
  documented: Readonly<Record<string, DocumentedCode>> = {},
): JsonSchema {
  const properties = (base['properties'] ?? {}) as Record<string, JsonSchema>;
  return {
    ...base,
    properties: { ...properties, code: { type: 'string', enum: [...codes] } },
    allOf: codes.map((code) => ({
      if: { type: 'object', properties: { code: { const: code } }, required: ['code'] },
      then: {
        ...documented[code]?.entry,
        type: 'object',
        properties: {
          ...((documented[code]?.entry?.['properties'] ?? {}) as Record<string, JsonSchema>),
          details: { $ref: `#/definitions/${prefix}_${code}` },
          ...(pinStatus ? { status: { const: code === 'SUCCESS' ? 'success' : 'error' } } : {}),
        },
      },
    })),
  };
}

/** A read's answer: `{"data":[record...], "info":{...}}`, at least one record (nothing found is a 204 without a body). */
function listDefinitions(list: NonNullable<ResponseDetails['list']>): Record<string, JsonSchema> {
  return {
    listEnvelope: {
      type: 'object',
      required: list.infoRequired ? ['data', 'info'] : ['data'],
      properties: {
        data: { type: 'array', minItems: 1, items: { $ref: '#/definitions/listRecord' } },
        info: { $ref: '#/definitions/listInfo' },
      },
    },
    listRecord: list.record,
    listInfo: list.info,
  };
}

function prefixed(prefix: string, codes: Readonly<Record<string, DocumentedCode>>): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(codes).map(([code, documented]) => [`${prefix}_${code}`, documented.details]),
  );
}

function sharedDefinitions(): Record<string, JsonSchema> {
  return { zohoId, zohoTime, userRef };
}

function sortKeys(record: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
