// The `details` object of each Update Records answer, per code, as the page and its saved examples print them. Pure.

import { openDetails } from '../envelopes.ts';
import type { JsonSchema, ResponseDetails } from '../types.ts';

const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

/** Details per code for CRM Update Records: strict where the docs are specific, open where Zoho may add fields. */
export const updateRecordsDetails = {
  records: {
    // Sample Response (page) and "SUCCESS RESPONSE" (saved item): all five keys, ids as digit strings.
    SUCCESS: {
      type: 'object',
      required: ['Modified_Time', 'Modified_By', 'Created_Time', 'Created_By', 'id'],
      properties: { Modified_Time: ref('zohoTime'), Modified_By: ref('userRef'), Created_Time: ref('zohoTime'), Created_By: ref('userRef'), id: ref('zohoId') },
    },
    // Possible Errors: INVALID_DATA 202 ("the id given seems to be invalid"); live capture in zoho-notes.md section 4.
    INVALID_DATA: {
      type: 'object',
      properties: { api_name: { type: 'string' }, expected_data_type: { type: 'string' }, maximum_length: { type: 'integer' } },
    },
    // Saved example "MANDATORY_NOT_FOUND": details.api_name names the missing key ("id").
    MANDATORY_NOT_FOUND: { type: 'object', required: ['api_name'], properties: { api_name: { type: 'string' } } },
    // Saved example "DUPLICATE_DATA": the unique field and the id of the record already holding the value.
    DUPLICATE_DATA: { type: 'object', required: ['api_name', 'id'], properties: { api_name: { type: 'string' }, id: ref('zohoId') } },
    // Possible Errors: LIMIT_EXCEEDED 202 (50 participants); no example printed, so only typed where present.
    LIMIT_EXCEEDED: { type: 'object', properties: { api_name: { type: 'string' }, limit: { type: 'integer' } } },
    // Saved example "RECORD_LOCKED": the record id and the process holding the lock.
    RECORD_LOCKED: { type: 'object', required: ['id'], properties: { id: ref('zohoId'), action: { type: 'string' } } },
    // Saved example "NOT_APPROVED": the record id.
    NOT_APPROVED: { type: 'object', required: ['id'], properties: { id: ref('zohoId') } },
  },
  errors: {
    // Saved examples "INVALID_MODULE", "INVALID_REQUEST_METHOD", "OAUTH_SCOPE_MISMATCH": details is {} (open: one
    // Zoho sample adds method/url, zoho-notes.md section 4).
    // zoho-notes.md section 4: the top-level auth errors (INVALID_TOKEN, AUTHENTICATION_FAILURE) carry details {} too.
    ...openDetails(['INVALID_MODULE', 'INVALID_URL_PATTERN', 'OAUTH_SCOPE_MISMATCH', 'NO_PERMISSION', 'INTERNAL_ERROR', 'INVALID_REQUEST_METHOD']),
    ...openDetails(['AUTHORIZATION_FAILED', 'INVALID_TOKEN', 'AUTHENTICATION_FAILURE']),
    // Saved example "INVALID_DATA" (HTTP 400): details.expected_data_type "jsonobject" for a body that is not JSON.
    INVALID_DATA: { type: 'object', properties: { expected_data_type: { type: 'string' }, api_name: { type: 'string' } } },
    // A body without data[] names the missing key, as the per-record variant does.
    MANDATORY_NOT_FOUND: { type: 'object', properties: { api_name: { type: 'string' } } },
    // More than 100 records (UNCONFIRMED answer; see the case's note): the limit, when given.
    LIMIT_EXCEEDED: { type: 'object', properties: { limit: { type: 'integer' } } },
  },
} satisfies ResponseDetails;
