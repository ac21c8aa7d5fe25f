// What Bigin Update Related Records answers echo from their request, and the messages its page prints. Pure data.

import type { DocRef, DocumentedMessages, EchoRules, PrintedMessage } from '../types.ts';

const PAGE = 'bigin-update-related-records.txt';
const errors = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
const printed = (text: string, source: DocRef): PrintedMessage => ({ text, source });

/** One entry per related record sent, in order; a success names the related id (in the URL, or sent at its position). */
export const relatedRecordsEchoes = {
  entriesFor: '/data',
  rules: [
    {
      shape: 'records',
      codes: ['SUCCESS'],
      at: '/details/id',
      echo: { kind: 'value', from: [{ param: 'related_record_id' }, { sent: '/data/{i}/id' }] },
      doc: { page: PAGE, section: 'Sample Input; Sample Response' },
    },
    {
      shape: 'records',
      codes: ['MANDATORY_NOT_FOUND'],
      at: '/details/api_name',
      echo: { kind: 'key-left-out', record: '/data/{i}', keys: ['id'] },
      doc: errors('MANDATORY_NOT_FOUND'),
    },
  ],
} satisfies EchoRules;

/**
 * The page's messages. "relation updated" is the CRM locking page's, accepted for a relation already in place
 * (UNCONFIRMED on the success cases). A per-entry INVALID_DATA may carry either INVALID_DATA text: the page ties neither
 * to the URL or the body (UNCONFIRMED on the INVALID_DATA cases).
 */
export const relatedRecordsMessages = {
  records: {
    SUCCESS: [
      printed('relation added', { page: PAGE, section: 'Sample Response' }),
      printed('relation updated', { page: 'crm-update-record-locking-information.txt', section: 'Sample Response' }),
    ],
    INVALID_DATA: [
      printed('invalid data', errors('INVALID_DATA (HTTP 202)')),
      printed('the related id given seems to be invalid', errors('INVALID_DATA (HTTP 400)')),
    ],
    MANDATORY_NOT_FOUND: [printed('required field not found', errors('MANDATORY_NOT_FOUND'))],
  },
  errors: {
    INVALID_MODULE: [
      printed('The module name given seems to be invalid', errors('INVALID_MODULE')),
      printed('The given module is not supported in API', errors('INVALID_MODULE')),
    ],
    INVALID_URL_PATTERN: [
      printed('Please check if the URL trying to access is a correct one', errors('INVALID_URL_PATTERN')),
    ],
    OAUTH_SCOPE_MISMATCH: [printed('Unauthorized', errors('OAUTH_SCOPE_MISMATCH'))],
    NO_PERMISSION: [printed('Permission denied to update records', errors('NO_PERMISSION'))],
    INTERNAL_ERROR: [printed('Internal Server Error', errors('INTERNAL_ERROR'))],
    INVALID_REQUEST_METHOD: [
      printed('The http request method type is not a valid one', errors('INVALID_REQUEST_METHOD')),
    ],
    AUTHORIZATION_FAILED: [
      printed('User does not have sufficient privilege to update related records data', errors('AUTHORIZATION_FAILED')),
    ],
    INVALID_DATA: [printed('the related id given seems to be invalid', errors('INVALID_DATA (HTTP 400)'))],
  },
} satisfies DocumentedMessages;
