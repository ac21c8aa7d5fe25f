// What Update Contract Type answers echo from their request, and the messages its page prints. Pure data.

import type { DocRef, DocumentedMessages, EchoRules, PrintedMessage } from '../types.ts';

const PAGE = 'contracts-update-contract-type.txt';
const errors = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
const printed = (text: string, source: DocRef): PrintedMessage => ({ text, source });

/**
 * A success names the contract type of the URL. `Type` is not compared with the name sent: Response JSON Keys says it
 * "Represents the success response to the request", not the type's name.
 */
export const contractTypeEchoes = {
  rules: [
    {
      shape: 'object',
      codes: ['SUCCESS'],
      at: '/apiName',
      echo: { kind: 'value', from: [{ param: 'apiName' }] },
      doc: { page: PAGE, section: 'Response JSON Keys: apiName' },
    },
  ],
} satisfies EchoRules;

/** The page's messages, as printed. */
export const contractTypeMessages = {
  records: {},
  errors: {
    INVALID_URL_PATTERN: [printed('Request URL is incorrect', errors('INVALID_URL_PATTERN'))],
    OAUTH_SCOPE_MISMATCH: [printed('Unauthorized', errors('OAUTH_SCOPE_MISMATCH'))],
    NO_PERMISSION: [printed('Permission denied to update', errors('NO_PERMISSION'))],
    INTERNAL_ERROR: [printed('Internal Server Error', errors('INTERNAL_ERROR'))],
    INVALID_REQUEST_METHOD: [printed('The HTTP request method is not a valid one.', errors('INVALID_REQUEST_METHOD'))],
    AUTHORIZATION_FAILED: [
      printed('The user does not have sufficient privilege to update module details.', errors('AUTHORIZATION_FAILED')),
    ],
  },
} satisfies DocumentedMessages;
