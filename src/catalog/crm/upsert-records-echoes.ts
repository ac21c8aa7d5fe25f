// What Upsert Records answers echo from their request, and the messages its fact sheet gives. Pure data.

import type { DocRef, DocumentedMessages, EchoRule, EchoRules, PrintedMessage } from '../types.ts';

const PAGE = 'crm-upsert-records.md';
const errors = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
const printed = (text: string, source: DocRef): PrintedMessage => ({ text, source });

const success = { page: PAGE, section: 'Success: Sample Response' };

/**
 * One entry per record sent, in order; a success (insert or update) was written during its request (an update keeps its
 * Created_Time). `duplicate_field` names a field the record sent with a value, one of the `duplicate_check_fields` sent
 * (when sent); `action` is `update` exactly when the entry names that field. Which record a case matches, and so its
 * action, is the case's own rule (`echoes` on the case); a matched record's id is a run variable the verdict never sees.
 */
export const upsertRecordsEchoes = {
  entriesFor: '/data',
  rules: [
    {
      shape: 'records',
      codes: ['SUCCESS'],
      at: '/details/Modified_Time',
      echo: { kind: 'time-of-request' },
      doc: { page: PAGE, section: 'Success: Sample Response: details' },
    },
    {
      shape: 'records',
      codes: ['SUCCESS'],
      at: '/duplicate_field',
      echo: { kind: 'matched-field', record: '/data/{i}', fields: '/duplicate_check_fields' },
      doc: { page: PAGE, section: 'Success: Sample Response: `duplicate_field`' },
    },
    {
      shape: 'records',
      codes: ['SUCCESS'],
      at: '/action',
      echo: { kind: 'action-of-match', matched: '/duplicate_field' },
      doc: { page: PAGE, section: 'Success: Sample Response: `action`' },
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

/** What a success case's own request and fixture decide: the action taken (and for a new record, a new id). */
export function upsertCaseEchoes(action: 'insert' | 'update'): EchoRule[] {
  const rules: EchoRule[] = [
    { shape: 'records', codes: ['SUCCESS'], at: '/action', echo: { kind: 'expected', value: action }, doc: success },
  ];
  if (action === 'insert')
    rules.push({ shape: 'records', codes: ['SUCCESS'], at: '/details/id', echo: { kind: 'new-id' }, doc: success });
  // The record matched is the one the run's fixture holds (its Mobile is the one sent): its id comes back.
  else
    rules.push({
      shape: 'records',
      codes: ['SUCCESS'],
      at: '/details/id',
      echo: { kind: 'variable', name: 'mobile_holder_id' },
      doc: success,
    });
  return rules;
}

/** The messages the fact sheet gives per code. */
export const upsertRecordsMessages = {
  records: {
    SUCCESS: [
      printed('record added', { page: PAGE, section: 'Success: Sample Response: message' }),
      printed('record updated', { page: PAGE, section: 'Success: Sample Response: message' }),
    ],
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
