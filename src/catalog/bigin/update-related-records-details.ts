// The codes each Bigin Update Related Records envelope may carry, with their sources and `details`. Pure data.

import { notesRef } from '../doc-refs.ts';
import { openDetails } from '../envelopes.ts';
import type { DocRef, JsonSchema, ResponseDetails } from '../types.ts';

const PAGE = 'bigin-update-related-records.txt';
const errors = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
const relatedDetails: JsonSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { $ref: '#/definitions/zohoId' } },
};

/** Details per code: the Sample Response's success, the Possible Errors entries (open: no bodies printed), and 101 records. */
export const relatedRecordsDetails = {
  records: {
    // Sample Response: details.id is the related record's id.
    SUCCESS: { sources: [{ page: PAGE, section: 'Sample Response' }], details: relatedDetails },
    // Printed with code, status and message only: details typed where present, nothing required.
    INVALID_DATA: {
      sources: [errors('INVALID_DATA (HTTP 202)')],
      details: { type: 'object', properties: { api_name: { type: 'string' } } },
    },
    MANDATORY_NOT_FOUND: {
      sources: [errors('MANDATORY_NOT_FOUND')],
      details: { type: 'object', properties: { api_name: { type: 'string' } } },
    },
  },
  errors: {
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
      (code) => [errors(code)],
    ),
    // Possible Errors: INVALID_DATA (HTTP 400) for a related id; a body that is not JSON names the expected type.
    INVALID_DATA: {
      sources: [errors('INVALID_DATA (HTTP 400)')],
      details: {
        type: 'object',
        properties: { api_name: { type: 'string' }, expected_data_type: { type: 'string' } },
      },
    },
    // 101 related records (the limit-exceeded case, UNCONFIRMED): answered as CRM answers 101 records.
    LIMIT_EXCEEDED: {
      sources: [notesRef('3. CRM API limits: Per-call caps')],
      details: { type: 'object', properties: { limit: { type: 'integer' } } },
    },
  },
} satisfies ResponseDetails;
