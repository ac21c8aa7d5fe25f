// The codes each Update Records envelope may carry, with their sources and `details` as the printed examples show them. Pure.

import { notesRef, openApiRef } from '../doc-refs.ts';
import { definitionRef as ref, documented, openDetails, writeSuccessDetails } from '../envelopes.ts';
import type { DocRef, DocumentedCode, ResponseDetails } from '../types.ts';

const PAGE = 'crm-update-records.txt';
const ITEM = 'crm-update-records-postman-item.txt';
const page = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
const saved = (name: string): DocRef => ({ page: ITEM, section: `Postman Collection Item JSON: response "${name}"` });
/** record.json's API_Exception: one top-level error, or one data[] entry, with any code of its enum. */
const apiException = openApiRef('record.json', 'components.schemas.API_Exception.properties.code.enum');
const authErrors = notesRef('4. Response envelopes: Top-level auth errors');
/** record_locking.json's data[] RECORD_LOCKED details: {api_name, json_path, action} or {id, action}. */
const lockedDetails = openApiRef(
  'record_locking.json',
  'components.schemas.Record_Action_Locked_Detail_1; components.schemas.Record_Action_Locked_Detail_2',
);

/** Per-record codes: the page's 202 errors, the saved examples' per-record answers, and SUCCESS. */
const records: Record<string, DocumentedCode> = {
  // Sample Response (page) and "SUCCESS RESPONSE" (saved item): all five keys, ids as digit strings.
  SUCCESS: documented([{ page: PAGE, section: 'Sample Response' }, saved('SUCCESS RESPONSE')], writeSuccessDetails),
  // No example prints an id error's details; the live capture in the notes names the field and the type it expects.
  // maximum_length is a string in record.json, an integer in record_locking.json (drift point crm/maximum-length-type).
  INVALID_DATA: documented([page('INVALID_DATA'), notesRef('4. Response envelopes: Per-record error')], {
    type: 'object',
    properties: {
      api_name: { type: 'string' },
      expected_data_type: { type: 'string' },
      maximum_length: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
      json_path: { type: 'string' },
    },
  }),
  // Saved example "MANDATORY_NOT_FOUND": details.api_name names the missing key ("id").
  MANDATORY_NOT_FOUND: documented([page('MANDATORY_NOT_FOUND'), saved('MANDATORY_NOT_FOUND')], {
    type: 'object',
    required: ['api_name'],
    properties: { api_name: { type: 'string' } },
  }),
  // The field both sources give; the holder as the v2 saved example prints it (id) or as record.json types it for v8
  // (duplicate_record): drift point crm-update-records/duplicate-data-details.
  DUPLICATE_DATA: documented([page('DUPLICATE_DATA'), saved('DUPLICATE_DATA'), apiException], {
    type: 'object',
    required: ['api_name'],
    properties: {
      api_name: { type: 'string' },
      id: ref('zohoId'),
      json_path: { type: 'string' },
      duplicate_record: {
        type: 'object',
        properties: {
          id: ref('zohoId'),
          module: { type: 'object', properties: { api_name: { type: 'string' }, id: { type: 'string' } } },
          Owner: { type: 'object' },
        },
      },
    },
  }),
  // Possible Errors: LIMIT_EXCEEDED 202 (50 participants); no example printed, so only typed where present.
  LIMIT_EXCEEDED: documented([page('LIMIT_EXCEEDED')], {
    type: 'object',
    properties: { api_name: { type: 'string' }, limit: { type: 'integer' } },
  }),
  // Saved example "RECORD_LOCKED" prints the process holding the lock and the record id; record_locking.json's two
  // forms both carry action, and a lock held by a rule names the field (api_name, json_path) and no id.
  RECORD_LOCKED: documented([saved('RECORD_LOCKED'), page('RECORD_LOCKED'), lockedDetails], {
    type: 'object',
    required: ['action'],
    properties: {
      id: ref('zohoId'),
      action: { type: 'string' },
      api_name: { type: 'string' },
      json_path: { type: 'string' },
    },
  }),
  // Saved example "NOT_APPROVED": the record id.
  NOT_APPROVED: documented([saved('NOT_APPROVED'), page('NOT_APPROVED')], {
    type: 'object',
    required: ['id'],
    properties: { id: ref('zohoId') },
  }),
};

/** Top-level codes: the page's 400/401/403/404/500 errors, the saved 400 INVALID_DATA, the auth errors, and the OpenAPI's. */
const errors: Record<string, DocumentedCode> = {
  // Saved examples "INVALID_MODULE", "INVALID_REQUEST_METHOD", "OAUTH_SCOPE_MISMATCH" print details {} (one Zoho sample
  // adds method/url, zoho-notes.md section 4), so details stay open.
  ...openDetails(
    [
      'INVALID_MODULE',
      'INVALID_URL_PATTERN',
      'OAUTH_SCOPE_MISMATCH',
      'NO_PERMISSION',
      'INTERNAL_ERROR',
      'INVALID_REQUEST_METHOD',
      'AUTHORIZATION_FAILED',
    ],
    (code) => [page(code)],
  ),
  // On no page; the notes quote live answers with details {}, and record.json lists both codes.
  ...openDetails(['INVALID_TOKEN', 'AUTHENTICATION_FAILURE'], () => [authErrors, apiException]),
  // Saved example "INVALID_DATA" (HTTP 400): details.expected_data_type "jsonobject" for a body that is not JSON.
  INVALID_DATA: documented([saved('INVALID_DATA')], {
    type: 'object',
    required: ['expected_data_type'],
    properties: { expected_data_type: { type: 'string' }, api_name: { type: 'string' } },
  }),
  // A body without data[]: record.json's top-level API_Exception with this code (no page prints it).
  MANDATORY_NOT_FOUND: documented([apiException], { type: 'object', properties: { api_name: { type: 'string' } } }),
  // More than 100 records (the limit-exceeded-records case is UNCONFIRMED): record.json's top-level API_Exception.
  LIMIT_EXCEEDED: documented([apiException, notesRef('3. CRM API limits: Per-call caps')], {
    type: 'object',
    properties: { limit: { type: 'integer' } },
  }),
};

/** Details per code for CRM Update Records: strict where the docs are specific, open where Zoho may add fields. */
export const updateRecordsDetails = { records, errors } satisfies ResponseDetails;
