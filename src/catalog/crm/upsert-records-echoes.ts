// What Upsert Records answers echo from their request, and the messages its fact sheet gives. Pure data.

import type { DocumentedMessages, EchoRule, EchoRules } from '../types.ts';
import { errorsOn, printed, sharedErrorMessages } from './records-family-shared.ts';

const PAGE = 'crm-upsert-records.md';
const errors = errorsOn(PAGE);

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
    ...sharedErrorMessages(errors, false),
    NO_PERMISSION: [printed('permission denied', errors('NO_PERMISSION'))],
    // LIMIT_EXCEEDED past 100 records: no page prints a message.
  },
} satisfies DocumentedMessages;
