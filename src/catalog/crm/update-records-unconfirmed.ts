// What Update Records cases expect beyond the page and its saved item (UNCONFIRMED), each settled against crm-oas. Pure data.

import { notesRef, openApiRef } from '../doc-refs.ts';
import type { Unconfirmed } from '../types.ts';

const PAGE = 'crm-update-records.txt';
const UPDATE_200 = 'paths["/crm/v8/{module_api_name}"].put.responses["200"]';
const API_EXCEPTION = 'components.schemas.API_Exception';

/** An over-long value: the page's note names INVALID_DATA but no status; the case takes the page's per-record 202. */
export const overLongStatus: Unconfirmed = {
  claim: 'HTTP 202 with a per-record entry for a value longer than the field allows',
  silent: {
    page: PAGE,
    section:
      "Note: The 'INVALID_DATA' error is thrown if the field value length is more than the maximum length (no status)",
  },
  source: { page: PAGE, section: 'Possible Errors: INVALID_DATA HTTP 202 ("the id given seems to be invalid")' },
  openApi: {
    says: 'disagrees',
    source: openApiRef('record.json', `${UPDATE_200}; ${API_EXCEPTION}.properties.details.properties.maximum_length`),
    detail:
      'the per-record INVALID_DATA entry with details.maximum_length is documented, but under 200, as every answer is (drift point crm-update-records/openapi-statuses).',
  },
};

/** A bulk answer that mixes a success and an error. */
export const mixedStatus: Unconfirmed = {
  claim: 'HTTP 202 for a bulk answer that mixes a success and an error entry',
  silent: {
    page: PAGE,
    section: 'Possible Errors (a status per code, none for an answer mixing a success and an error)',
  },
  source: notesRef('4. Response envelopes: HTTP status for a mixed-result bulk PUT (UNCONFIRMED)'),
  openApi: {
    says: 'disagrees',
    source: openApiRef('record.json', UPDATE_200),
    detail:
      'documents only 200 for any data[] answer (drift point crm-update-records/openapi-statuses); 202 follows every captured answer that carries an error entry.',
  },
};

/** 101 records: the page states the maximum, not the answer past it. */
export const overLimit: Unconfirmed = {
  claim: 'a top-level LIMIT_EXCEEDED, HTTP 400, for 101 records; message from the legacy SDK',
  silent: {
    page: PAGE,
    section: 'Note: A maximum of 100 records can be updated per API call (not the answer past it)',
  },
  source: notesRef('3. CRM API limits: Per-call caps ("Cannot process more than 100 records at a time.")'),
  openApi: {
    says: 'agrees',
    source: openApiRef(
      'record.json',
      `${UPDATE_200}.content["application/json"].schema.oneOf[1] (API_Exception); ${API_EXCEPTION}.properties.code.enum`,
    ),
    detail:
      'a top-level API_Exception with code LIMIT_EXCEEDED and details.limit is a documented answer; its message enum has "Record count exceeded", not the legacy SDK\'s text, and its status is 200.',
  },
};

/** INVALID_TOKEN is on no page. */
export const invalidToken: Unconfirmed = {
  claim: 'INVALID_TOKEN, HTTP 401, for an access token the server does not know',
  silent: { page: PAGE, section: 'Possible Errors (no INVALID_TOKEN)' },
  source: notesRef('4. Response envelopes: Top-level auth errors'),
  openApi: {
    says: 'agrees',
    source: openApiRef('record.json', `${API_EXCEPTION}.properties.code.enum and .message.enum`),
    detail:
      'INVALID_TOKEN is a code of the top-level API_Exception and "invalid oauth token" one of its messages; the status is not given (only 200 is listed).',
  },
};

/** $append_values in v8. */
export const appendValuesVersions: Unconfirmed = {
  claim: '$append_values only in v2.1 (not claimed for v8)',
  silent: { page: PAGE, section: 'Request JSON Keys: $append_values (a v2.1 page, silent on v8)' },
  source: { page: PAGE, section: 'Request JSON Keys: $append_values' },
  openApi: {
    says: 'silent',
    detail: "record.json's Body_Wrapper and Record schemas list no $append_values, so v8 is not claimed.",
  },
};

/** AUTHORIZATION_FAILED beside NO_PERMISSION: the page prints both, and no situation for either. */
export const authorizationFailed: Unconfirmed = {
  claim:
    "AUTHORIZATION_FAILED, HTTP 400, for a user who may not reach that record (another user's private record), apart from NO_PERMISSION's profile-level denial",
  silent: { page: PAGE, section: 'Possible Errors: AUTHORIZATION_FAILED (what provokes it: not said)' },
  source: {
    page: PAGE,
    section: 'Possible Errors: NO_PERMISSION HTTP 403 (the profile permission "to update records data")',
  },
  openApi: {
    says: 'disagrees',
    source: openApiRef('record.json', `${API_EXCEPTION}.properties.code.enum`),
    detail:
      'AUTHORIZATION_FAILED is not among its codes (drift point crm-update-records/openapi-message-enum); NO_PERMISSION is.',
  },
};
