// What Update Record Locking Information answers echo from their request, and the messages its page prints. Pure data.

import { openApiRef } from '../doc-refs.ts';
import type { DocRef, DocumentedMessages, EchoRules, PrintedMessage } from '../types.ts';

const PAGE = 'crm-update-record-locking-information.txt';
const errors = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
const printed = (text: string, source: DocRef): PrintedMessage => ({ text, source });
/** record_locking.json's schema for the code, whose message enum has one value. */
const openApi = (schema: string): DocRef =>
  openApiRef('record_locking.json', `components.schemas.${schema}.properties.message.enum`);

/** One entry per lock reason sent; a success names the lock in the URL, a missing key names that key. */
export const lockingEchoes = {
  entriesFor: '/data',
  rules: [
    {
      shape: 'records',
      codes: ['SUCCESS'],
      at: '/details/id',
      echo: { kind: 'value', from: [{ param: 'record_locking_id' }] },
      doc: { page: PAGE, section: 'Sample Response: details.id is the lock id' },
    },
    // Per record or top-level (drift point crm-update-record-locking-information/missing-reason): either names the key left out.
    {
      shape: 'records',
      codes: ['MANDATORY_NOT_FOUND'],
      at: '/details/api_name',
      echo: { kind: 'key-left-out', record: '/data/{i}', keys: ['Locked_Reason__s'] },
      doc: { page: PAGE, section: 'Input JSON Keys: Locked_Reason__s string, mandatory' },
    },
    {
      shape: 'error',
      codes: ['MANDATORY_NOT_FOUND'],
      at: '/details/api_name',
      echo: { kind: 'key-left-out', record: '/data/{i}', keys: ['Locked_Reason__s'] },
      doc: { page: PAGE, section: 'Input JSON Keys: Locked_Reason__s string, mandatory' },
    },
  ],
} satisfies EchoRules;

/**
 * The page's messages, as printed (with their full stops, which the verdict does not judge: drift point
 * crm/message-full-stop). No page prints OAUTH_SCOPE_MISMATCH's; MANDATORY_NOT_FOUND and INVALID_DATA, which the page
 * does not list, carry the OpenAPI's one message for the code.
 */
export const lockingMessages = {
  records: {
    SUCCESS: [printed('relation updated', { page: PAGE, section: 'Sample Response' })],
  },
  errors: {
    INVALID_MODULE: [printed('The module name given seems to be invalid.', errors('INVALID_MODULE'))],
    NOT_ALLOWED: [printed('Record is already locked.', errors('NOT_ALLOWED'))],
    INVALID_REQUEST_METHOD: [
      printed('The http request method type is not a valid one.', errors('INVALID_REQUEST_METHOD')),
    ],
    NO_PERMISSION: [
      printed(
        'Permission denied to customize record lock configurations. The user does not have permission.',
        errors('NO_PERMISSION'),
      ),
    ],
    INTERNAL_ERROR: [printed('Internal Server Error.', errors('INTERNAL_ERROR'))],
    MANDATORY_NOT_FOUND: [printed('required field not found', openApi('MANDATORY_NOT_FOUND'))],
    // Drift point crm-update-record-locking-information/invalid-lock-id-message: not the record APIs' wording.
    INVALID_DATA: [printed('Invalid data', openApi('INVALID_DATA'))],
  },
} satisfies DocumentedMessages;
