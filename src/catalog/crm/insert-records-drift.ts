// Where Insert Records' sources disagree, and what its cases expect that no page prints. Pure data.

import { notesRef, openApiRef } from '../doc-refs.ts';
import type { DriftPoint, Unconfirmed } from '../types.ts';

const PAGE = 'crm-insert-records.md';
const createRecords = openApiRef('record.json', 'paths["/crm/v8/{module_api_name}"].post.responses');

/** The success status: the sheet prints none, the notes and the mock read 201, record.json lists only 200. */
export const insertSuccessStatus: DriftPoint = {
  id: 'crm-insert-records/success-status',
  topic: 'HTTP status of a successful insert',
  variants: [
    {
      source: notesRef('5. Insert / Delete (fixtures)'),
      says: "201, as Zoho's status codes page gives it for an insertion",
      status: 201,
    },
    { source: createRecords, says: 'only 200', status: 200 },
  ],
  expected: 0,
  why: '201 is what an insert means in HTTP and what Zoho client libraries transcribe; record.json gives one status to every records operation. A live run settles it.',
};

/** The 201 itself is on no page the project carries. */
export const successStatusUnconfirmed: Unconfirmed = {
  claim: 'HTTP 201 for a successful insert',
  silent: { page: PAGE, section: 'Success: Sample Response: status' },
  source: notesRef('5. Insert / Delete (fixtures)'),
  openApi: { says: 'disagrees', source: createRecords, detail: 'only 200 is listed' },
};

/** A lookup to a record that does not exist: the sheet's INVALID_DATA row is about an over-long value, and no page prints this answer. */
export const lookupUnconfirmed: Unconfirmed = {
  claim: 'INVALID_DATA, per record, for a lookup to a record that does not exist',
  silent: { page: PAGE, section: 'Possible Errors: INVALID_DATA' },
  source: notesRef('4. Response envelopes: Per-record error'),
  openApi: {
    says: 'agrees',
    source: openApiRef('record.json', 'components.schemas.API_Exception.properties.code.enum'),
    detail: 'INVALID_DATA is in the per-record code enum, with `details.expected_data_type` and `api_name`',
  },
};
