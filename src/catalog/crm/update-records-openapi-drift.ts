// Where Zoho's CRM OpenAPI contradicts the Update Records page and its saved examples: every variant, the one expected, and why.

import { openApiRef } from '../doc-refs.ts';
import type { DocRef, DriftPoint } from '../types.ts';

const PAGE = 'crm-update-records.txt';
const ITEM = 'crm-update-records-postman-item.txt';
const API_EXCEPTION = 'components.schemas.API_Exception.properties';
const errorsTable = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
const savedExample = (name: string): DocRef => ({
  page: ITEM,
  section: `Postman Collection Item JSON: response "${name}"`,
});
const NOT_APPROVED_YET = 'Cannot update record that is not approved yet';

/** record.json closes API_Exception's message and code enums, and leaves out what the page prints. */
export const openApiEnums: DriftPoint = {
  id: 'crm-update-records/openapi-message-enum',
  topic: "Messages the page prints that record.json's closed message enum lacks, and a code its code enum lacks",
  variants: [
    {
      source: { page: PAGE, section: 'Possible Errors' },
      says: `"${NOT_APPROVED_YET}", "Permission denied to update", "Internal Server Error", "Unauthorized", "Only 50 participants can be added to an event.", "The given module is not supported in API", "User does not have sufficient privilege to update records"; and the code AUTHORIZATION_FAILED`,
    },
    {
      source: openApiRef('record.json', `${API_EXCEPTION}.message.enum and .code.enum`),
      says: 'none of those messages (nearest: "record not approved", "permission denied", "Internal server error occurred."), and no AUTHORIZATION_FAILED among the codes',
    },
  ],
  expected: 0,
  why: "The page prints each message with its code, and the saved examples are captured answers; the enums read as the answers the OpenAPI's authors collected, not as every answer. The message checks take the page's wording, so an answer worded as only the enum words it fails its message check, and the report shows which.",
};

/** The saved example's DUPLICATE_DATA details against record.json's. */
export const duplicateDataDetails: DriftPoint = {
  id: 'crm-update-records/duplicate-data-details',
  topic: 'The details of DUPLICATE_DATA',
  variants: [
    {
      source: savedExample('DUPLICATE_DATA'),
      says: '{api_name, id}: the field and the id of the record holding the value (v2)',
    },
    {
      source: openApiRef('record.json', `${API_EXCEPTION}.details.properties (api_name, json_path, duplicate_record)`),
      says: 'api_name and json_path, the holder as duplicate_record {id, module, Owner} (v8)',
    },
  ],
  expected: 0,
  why: 'The schema requires only api_name, which both give (and the echo reads); id and duplicate_record are typed where present, so a v8 answer naming the holder its own way passes, as does the v2 example.',
};

/** RECORD_LOCKED is printed with NOT_APPROVED's message. */
export const recordLockedMessage: DriftPoint = {
  id: 'crm-update-records/record-locked-message',
  topic: 'RECORD_LOCKED and NOT_APPROVED printed with one message',
  variants: [
    {
      source: errorsTable('RECORD_LOCKED; NOT_APPROVED'),
      says: `"${NOT_APPROVED_YET}" for both codes (the saved examples of both print it too)`,
      message: NOT_APPROVED_YET,
    },
    {
      source: openApiRef('record.json', `${API_EXCEPTION}.message.enum`),
      says: 'other messages: "record not approved", "The record is not approved"; for a lock only "The record under merge is locked"',
      message: 'The record under merge is locked',
    },
  ],
  expected: 0,
  why: "The page's text and both saved examples agree, and the saved examples are captured answers; no source gives a plain lock a message of its own (zoho-notes.md section 6 leaves it UNCONFIRMED). The cases check the printed message; the observation records when an org words it otherwise.",
};

/** record_locking.json answers RECORD_LOCKED in data[] under HTTP 400; the saved example under 202. */
export const recordLockedDataStatus: DriftPoint = {
  id: 'crm/record-locked-data-status',
  topic: 'The HTTP status of a data[] answer carrying RECORD_LOCKED',
  variants: [
    { source: savedExample('RECORD_LOCKED'), says: 'HTTP 202, the entry in data[]', status: 202, shape: 'records' },
    {
      source: openApiRef(
        'record_locking.json',
        'paths["/crm/v8/{module_name}/{record_id}/Locking_Information__s/{lock_id}"].put.responses["400"] -> components.responses.Error_Response -> Error_Wrapper',
      ),
      says: 'HTTP 400, data[] of RECORD_LOCKED entries',
      status: 400,
      shape: 'records',
    },
  ],
  expected: 0,
  why: "The saved example is a captured Update Records answer; record_locking.json describes another operation, whose 400 lists this data[] form beside its top-level errors. The record-locked case keeps the captured 202; no locking case expects RECORD_LOCKED, whose schema there accepts the OpenAPI's form.",
};
