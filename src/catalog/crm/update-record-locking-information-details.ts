// The codes each record-locking envelope may carry: the page's, the OpenAPI's for this operation, and the UNCONFIRMED ones. Pure.

import { notesRef, openApiRef } from '../doc-refs.ts';
import { openDetails } from '../envelopes.ts';
import type { DocRef, ResponseDetails } from '../types.ts';

const PAGE = 'crm-update-record-locking-information.txt';
const page = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
/** record_locking.json's answer to this PUT at 400: Error_Response, a oneOf of data[] RECORD_LOCKED and top-level errors. */
const errorResponse = (schema: string): DocRef =>
  openApiRef(
    'record_locking.json',
    `paths["/crm/v8/{module_name}/{record_id}/Locking_Information__s/{lock_id}"].put.responses["400"] -> components.responses.Error_Response -> ${schema}`,
  );

/** Details per code for Update Record Locking Information. */
export const lockingDetails = {
  records: {
    // Sample Response: details.id is the lock's id ("relation updated").
    SUCCESS: {
      sources: [{ page: PAGE, section: 'Sample Response' }],
      details: { type: 'object', required: ['id'], properties: { id: { $ref: '#/definitions/zohoId' } } },
    },
    // The OpenAPI's data[] error form carries RECORD_LOCKED only: {api_name, json_path, action} or {id, action}.
    RECORD_LOCKED: {
      sources: [errorResponse('Error_Wrapper')],
      details: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          api_name: { type: 'string' },
          json_path: { type: 'string' },
          action: { type: 'string' },
        },
      },
    },
  },
  errors: {
    // Possible Errors prints codes and messages but no bodies: Zoho's usual envelope with any details.
    ...openDetails(
      ['INVALID_MODULE', 'NOT_ALLOWED', 'INVALID_REQUEST_METHOD', 'NO_PERMISSION', 'INTERNAL_ERROR'],
      (code) => [page(code)],
    ),
    // Not on this page (UNCONFIRMED scope-mismatch cases): the Update Records page's OAUTH_SCOPE_MISMATCH 401.
    ...openDetails(['OAUTH_SCOPE_MISMATCH'], () => [
      { page: 'crm-update-records.txt', section: 'Possible Errors: OAUTH_SCOPE_MISMATCH' },
    ]),
    ...openDetails(['INVALID_TOKEN', 'AUTHENTICATION_FAILURE'], () => [
      notesRef('4. Response envelopes: Top-level auth errors'),
    ]),
    // The OpenAPI's top-level errors for this operation.
    MANDATORY_NOT_FOUND: {
      sources: [errorResponse('MANDATORY_NOT_FOUND')],
      details: { type: 'object', properties: { api_name: { type: 'string' }, json_path: { type: 'string' } } },
    },
    INVALID_DATA: { sources: [errorResponse('INVALID_DATA')], details: { type: 'object' } },
    LIMIT_EXCEEDED: { sources: [errorResponse('LIMIT_EXCEEDED')], details: { type: 'object' } },
    REQUIRED_PARAM_MISSING: {
      sources: [errorResponse('Required_Param_Missing')],
      details: { type: 'object', properties: { param: { type: 'string' } } },
    },
  },
} satisfies ResponseDetails;
