// What Insert Records answers echo from their request, and the messages its fact sheet gives. Pure data.

import type { DocumentedMessages, EchoRules } from '../types.ts';
import { errorsOn, printed, sharedErrorMessages } from './records-family-shared.ts';

const PAGE = 'crm-insert-records.md';
const errors = errorsOn(PAGE);

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
    ...sharedErrorMessages(errors, false),
    NO_PERMISSION: [printed('permission denied', errors('NO_PERMISSION'))],
    // LIMIT_EXCEEDED past 100 records: no page prints a message.
  },
} satisfies DocumentedMessages;
