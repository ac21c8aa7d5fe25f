// What Update Records answers echo from their request, and the messages its page and saved examples print. Pure data.

import type { DocRef, DocumentedMessages, EchoRules, PrintedMessage } from '../types.ts';

const PAGE = 'crm-update-records.txt';
const ITEM = 'crm-update-records-postman-item.txt';
const errors = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
const saved = (name: string): DocRef => ({ page: ITEM, section: `Postman Collection Item JSON: response "${name}"` });
const printed = (text: string, source: DocRef): PrintedMessage => ({ text, source });
/** The record an entry answers: the id in the URL (single update) or the id sent at the entry's position (bulk). */
const recordSent = [{ param: 'record_id' }, { sent: '/data/{i}/id' }] as const;

/** One entry per record sent, in order; each entry names the record (or the key) it is about. */
export const updateRecordsEchoes = {
  entriesFor: '/data',
  rules: [
    {
      shape: 'records',
      codes: ['SUCCESS'],
      at: '/details/id',
      echo: { kind: 'value', from: recordSent },
      doc: { page: PAGE, section: 'Sample Response; Request JSON Keys: id' },
    },
    {
      shape: 'records',
      codes: ['SUCCESS'],
      at: '/details/Modified_Time',
      echo: { kind: 'time-of-request' },
      doc: { page: PAGE, section: 'Sample Response: Modified_Time' },
    },
    {
      shape: 'records',
      codes: ['RECORD_LOCKED', 'NOT_APPROVED'],
      at: '/details/id',
      echo: { kind: 'value', from: recordSent },
      doc: saved('RECORD_LOCKED'),
    },
    {
      shape: 'records',
      codes: ['MANDATORY_NOT_FOUND'],
      at: '/details/api_name',
      echo: { kind: 'key-left-out', record: '/data/{i}', keys: ['id'] },
      doc: saved('MANDATORY_NOT_FOUND'),
    },
    {
      shape: 'records',
      codes: ['DUPLICATE_DATA'],
      at: '/details/api_name',
      echo: { kind: 'key-sent', record: '/data/{i}' },
      doc: saved('DUPLICATE_DATA'),
    },
  ],
} satisfies EchoRules;

/** Every message the page's Possible Errors list, its Sample Response and the saved examples print. */
export const updateRecordsMessages = {
  records: {
    SUCCESS: [
      printed('record updated', { page: PAGE, section: 'Sample Response' }),
      printed('record updated', saved('SUCCESS RESPONSE')),
    ],
    INVALID_DATA: [printed('the id given seems to be invalid', errors('INVALID_DATA'))],
    MANDATORY_NOT_FOUND: [
      printed('Required field not found', errors('MANDATORY_NOT_FOUND')),
      printed('required field not found', saved('MANDATORY_NOT_FOUND')),
    ],
    DUPLICATE_DATA: [
      printed('duplicate data', errors('DUPLICATE_DATA')),
      printed('duplicate data', saved('DUPLICATE_DATA')),
    ],
    LIMIT_EXCEEDED: [printed('Only 50 participants can be added to an event.', errors('LIMIT_EXCEEDED'))],
    RECORD_LOCKED: [
      printed('Cannot update record that is not approved yet', errors('RECORD_LOCKED')),
      printed('cannot update record that is not approved yet', saved('RECORD_LOCKED')),
    ],
    NOT_APPROVED: [
      printed('Cannot update record that is not approved yet', errors('NOT_APPROVED')),
      printed('cannot update record that is not approved yet', saved('NOT_APPROVED')),
    ],
  },
  errors: {
    INVALID_MODULE: [
      printed('The module name given seems to be invalid', errors('INVALID_MODULE')),
      printed('The given module is not supported in API', errors('INVALID_MODULE')),
      printed('the module name given seems to be invalid', saved('INVALID_MODULE')),
    ],
    // The saved example provoked by a body that is not JSON prints "body".
    INVALID_DATA: [printed('body', saved('INVALID_DATA'))],
    INVALID_URL_PATTERN: [
      printed('Please check if the URL trying to access is a correct one', errors('INVALID_URL_PATTERN')),
    ],
    // Two variants (drift point crm-update-records/oauth-scope-mismatch-message): either passes, the drift observation says which.
    OAUTH_SCOPE_MISMATCH: [
      printed('Unauthorized', errors('OAUTH_SCOPE_MISMATCH')),
      printed('invalid oauth scope to access this URL', saved('OAUTH_SCOPE_MISMATCH')),
    ],
    NO_PERMISSION: [printed('Permission denied to update', errors('NO_PERMISSION'))],
    INTERNAL_ERROR: [printed('Internal Server Error', errors('INTERNAL_ERROR'))],
    INVALID_REQUEST_METHOD: [
      printed('The http request method type is not a valid one', errors('INVALID_REQUEST_METHOD')),
      printed('The http request method type is not a valid one', saved('INVALID_REQUEST_METHOD')),
    ],
    AUTHORIZATION_FAILED: [
      printed('User does not have sufficient privilege to update records', errors('AUTHORIZATION_FAILED')),
    ],
    // LIMIT_EXCEEDED past 100 records, INVALID_TOKEN, MANDATORY_NOT_FOUND without data[]: no page prints a message.
  },
} satisfies DocumentedMessages;
