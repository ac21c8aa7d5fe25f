// The codes Insert and Upsert Records answers may carry, with their sources and `details`: both endpoints write records
// the same way (zoho-notes.md section 4), so one reading serves both, each citing its own fact sheet. Pure.

import { notesRef, openApiRef } from '../doc-refs.ts';
import { definitionRef as ref, documented, openDetails, writeSuccessDetails } from '../envelopes.ts';
import type { DocRef, JsonSchema, ResponseDetails } from '../types.ts';

const apiException = openApiRef('record.json', 'components.schemas.API_Exception.properties.code.enum');
const successResponse = openApiRef('record.json', 'components.schemas.Success_Response');
const perRecord = notesRef('4. Response envelopes: Per-record error');
const authErrors = notesRef('4. Response envelopes: Top-level auth errors');

/**
 * Upsert's success entry keys beside the four: `action` (insert or update) and `duplicate_field` (the field matched;
 * null for an insert, UNCONFIRMED: record.json types it a string and no source prints an insert's).
 */
export const upsertEntry: JsonSchema = {
  type: 'object',
  required: ['action'],
  properties: {
    action: { type: 'string', enum: ['insert', 'update'] },
    duplicate_field: { type: ['string', 'null'] },
  },
};

/**
 * The codes of a records write that creates (Insert, Upsert), citing `page` (the endpoint's fact sheet); `successEntry`
 * lists the keys a success entry carries beside the four (Upsert's `upsertEntry`).
 */
export function recordWriteDetails(page: string, successEntry?: JsonSchema): ResponseDetails {
  const errors = (code: string): DocRef => ({ page, section: `Possible Errors: ${code}` });
  return {
    records: {
      SUCCESS: {
        ...documented([successResponse], writeSuccessDetails),
        ...(successEntry ? { entry: successEntry } : {}),
      },
      // The field at fault and the type it expects (the live answer in the notes); open, keys vary by type and version.
      INVALID_DATA: documented([errors('INVALID_DATA'), perRecord], {
        type: 'object',
        properties: {
          api_name: { type: 'string' },
          expected_data_type: { type: 'string' },
          maximum_length: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
          json_path: { type: 'string' },
        },
      }),
      MANDATORY_NOT_FOUND: documented([errors('MANDATORY_NOT_FOUND'), apiException], {
        type: 'object',
        required: ['api_name'],
        properties: { api_name: { type: 'string' }, json_path: { type: 'string' } },
      }),
      DUPLICATE_DATA: documented([apiException], {
        type: 'object',
        required: ['api_name'],
        properties: {
          api_name: { type: 'string' },
          id: ref('zohoId'),
          json_path: { type: 'string' },
          duplicate_record: { type: 'object', properties: { id: ref('zohoId') } },
        },
      }),
    },
    errors: {
      ...openDetails(
        ['INVALID_MODULE', 'INVALID_URL_PATTERN', 'OAUTH_SCOPE_MISMATCH', 'NO_PERMISSION', 'INVALID_REQUEST_METHOD'],
        (code) => [errors(code), apiException],
      ),
      ...openDetails(['INTERNAL_ERROR'], (code) => [errors(code), apiException]),
      ...openDetails(['INVALID_TOKEN'], () => [authErrors, apiException]),
      // A body that is not JSON or has no data[] (parse errors Zoho gives every records write; record.json lists both).
      INVALID_DATA: documented([apiException], {
        type: 'object',
        properties: { expected_data_type: { type: 'string' }, api_name: { type: 'string' } },
      }),
      MANDATORY_NOT_FOUND: documented([apiException], { type: 'object', properties: { api_name: { type: 'string' } } }),
      LIMIT_EXCEEDED: documented([errors('LIMIT_EXCEEDED'), notesRef('3. CRM API limits: Per-call caps')], {
        type: 'object',
        properties: { limit: { type: 'integer' } },
      }),
    },
  };
}
