// What Insert Records answers echo from their request, and the messages its fact sheet gives. Pure data.

import type { DocRef, DocumentedMessages, EchoRules, PrintedMessage } from '../types.ts';

const PAGE = 'crm-insert-records.md';
const errors = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
const printed = (text: string, source: DocRef): PrintedMessage => ({ text, source });

/** One entry per record sent, in order; each success a new record (a new id) written during its request by the token's user. */
export const insertRecordsEchoes = {
  entriesFor: '/data',
  rules: [
    {
      shape: 'records',
      codes: ['SUCCESS'],
      at: '/details/id',
      echo: { kind: 'new-id' },
      doc: { page: PAGE, section: 'Success: Sample Response: details' },
    },
    {
      shape: 'records',
      codes: ['SUCCESS'],
      at: '/details/Created_Time',
      echo: { kind: 'time-of-request' },
      doc: { page: PAGE, section: 'Success: Sample Response: details' },
    },
    {
      shape: 'records',
      codes: ['SUCCESS'],
      at: '/details/Modified_Time',
      echo: { kind: 'time-of-request' },
      doc: { page: PAGE, section: 'Success: Sample Response: details' },
    },
    // Created by the token's user, where the run knows who that is (the org's CurrentUser, the mock's seed).
    {
      shape: 'records',
      codes: ['SUCCESS'],
      at: '/details/Created_By/id',
      echo: { kind: 'variable', name: 'current_user_id' },
      doc: { page: PAGE, section: 'Success: Sample Response: details' },
    },
    {
      shape: 'records',
      codes: ['DUPLICATE_DATA'],
      at: '/details/api_name',
      echo: { kind: 'key-sent', record: '/data/{i}' },
      doc: errors('DUPLICATE_DATA'),
    },
  ],
} satisfies EchoRules;

/** The messages the fact sheet gives per code. */
export const insertRecordsMessages = {
  records: {
    SUCCESS: [printed('record added', { page: PAGE, section: 'Success: Sample Response: message' })],
    INVALID_DATA: [printed('invalid data', errors('INVALID_DATA'))],
    MANDATORY_NOT_FOUND: [printed('required field not found', errors('MANDATORY_NOT_FOUND'))],
    DUPLICATE_DATA: [printed('duplicate data', errors('DUPLICATE_DATA'))],
  },
  errors: {
    INVALID_MODULE: [printed('The module name given seems to be invalid', errors('INVALID_MODULE'))],
    INVALID_URL_PATTERN: [
      printed('Please check if the URL trying to access is a correct one', errors('INVALID_URL_PATTERN')),
    ],
    INVALID_REQUEST_METHOD: [
      printed('The http request method type is not a valid one', errors('INVALID_REQUEST_METHOD')),
    ],
    OAUTH_SCOPE_MISMATCH: [printed('invalid oauth scope to access this URL', errors('OAUTH_SCOPE_MISMATCH'))],
    NO_PERMISSION: [printed('permission denied', errors('NO_PERMISSION'))],
    INVALID_TOKEN: [printed('invalid oauth token', errors('INVALID_TOKEN'))],
    INTERNAL_ERROR: [printed('Internal Server Error', errors('INTERNAL_ERROR'))],
    // LIMIT_EXCEEDED past 100 records: no page prints a message.
  },
} satisfies DocumentedMessages;
