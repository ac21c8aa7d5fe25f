// Update Records cases about who may call: scopes, permissions, record access, tokens, and the mock-only server fault. Pure data.

import { commonCases, mockInternalError, MOCK_ONLY_NOTE } from '../common-cases.ts';
import type { Case } from '../types.ts';
import { scopeMismatchMessage, scopeMismatchResolution } from './update-records-drift.ts';
import { FULL, SINGLE, both, errors, lead } from './update-records-requests.ts';
import { authorizationFailed, invalidToken } from './update-records-unconfirmed.ts';

/** OAUTH_SCOPE_MISMATCH, NO_PERMISSION, AUTHORIZATION_FAILED, INVALID_TOKEN and INTERNAL_ERROR. */
export const authErrors: readonly Case[] = [
  ...commonCases({
    request: { method: 'PUT', path: SINGLE, auth: FULL, body: { data: [lead('Auth')] } },
    module: 'Leads',
    documented: {
      'invalid-token': {
        doc: { page: 'zoho-notes.md', section: '4. Response envelopes: Top-level auth errors' },
        unconfirmed: [invalidToken],
      },
      'oauth-scope-mismatch': {
        doc: errors('OAUTH_SCOPE_MISMATCH'),
        drift: [scopeMismatchMessage, scopeMismatchResolution],
      },
      'no-permission': { doc: errors('NO_PERMISSION') },
    },
  }),
  {
    id: 'authorization-failed',
    name: 'AUTHORIZATION_FAILED when the user may not update that record',
    group: 'auth',
    request: {
      method: 'PUT',
      path: '/crm/{version}/Leads/{{private_record_id}}',
      auth: { token: 'token_restricted_user' },
      body: { data: [lead('Private')] },
    },
    expect: { shape: 'error', status: 400, code: 'AUTHORIZATION_FAILED' },
    doc: errors('AUTHORIZATION_FAILED'),
    provocable: both,
    unconfirmed: [authorizationFailed],
  },
  mockInternalError(
    { method: 'PUT', path: SINGLE, auth: FULL, body: { data: [lead('Boom')] } },
    errors('INTERNAL_ERROR'),
    { note: MOCK_ONLY_NOTE },
  ),
];
