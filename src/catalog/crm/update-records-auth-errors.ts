// Update Records cases about who may call: scopes, permissions, record access, tokens, and the mock-only server fault. Pure data.

import type { Case } from '../types.ts';
import { scopeMismatchMessage, scopeMismatchResolution } from './update-records-drift.ts';
import { FULL, SINGLE, both, errors, lead } from './update-records-requests.ts';
import { authorizationFailed, invalidToken } from './update-records-unconfirmed.ts';

/** OAUTH_SCOPE_MISMATCH, NO_PERMISSION, AUTHORIZATION_FAILED, INVALID_TOKEN and INTERNAL_ERROR. */
export const authErrors: readonly Case[] = [
  {
    id: 'oauth-scope-mismatch',
    name: 'OAUTH_SCOPE_MISMATCH when the token lacks the update scope',
    group: 'auth',
    request: { method: 'PUT', path: SINGLE, auth: { token: 'token_without_scope' }, body: { data: [lead('Scope')] } },
    expect: { shape: 'error', status: 401, code: 'OAUTH_SCOPE_MISMATCH' },
    doc: errors('OAUTH_SCOPE_MISMATCH'),
    provocable: both,
    drift: [scopeMismatchMessage, scopeMismatchResolution],
  },
  {
    id: 'no-permission',
    name: 'NO_PERMISSION when the user may not update records',
    group: 'auth',
    request: { method: 'PUT', path: SINGLE, auth: { token: 'token_no_permission' }, body: { data: [lead('Denied')] } },
    expect: { shape: 'error', status: 403, code: 'NO_PERMISSION' },
    doc: errors('NO_PERMISSION'),
    provocable: both,
  },
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
  {
    id: 'invalid-token',
    name: 'INVALID_TOKEN when the access token is not valid',
    group: 'auth',
    request: {
      method: 'PUT',
      path: SINGLE,
      auth: { literal: 'Zoho-oauthtoken 1000.00000000000000000000000000000000.00000000000000000000000000000000' },
      body: { data: [lead('Bad Token')] },
    },
    expect: { shape: 'error', status: 401, code: 'INVALID_TOKEN' },
    doc: { page: 'zoho-notes.md', section: '4. Response envelopes: Top-level auth errors' },
    provocable: both,
    unconfirmed: [invalidToken],
  },
  {
    id: 'internal-error',
    name: 'INTERNAL_ERROR when the server fails unexpectedly',
    group: 'server errors',
    request: {
      method: 'PUT',
      path: SINGLE,
      auth: FULL,
      body: { data: [lead('Boom')] },
      headers: { 'X-Mock-Fault': 'internal-error' },
    },
    expect: { shape: 'error', status: 500, code: 'INTERNAL_ERROR' },
    doc: errors('INTERNAL_ERROR'),
    provocable: ['mock'],
    note: 'Only the mock can be made to fail on purpose (fault-injection header); a live org is never asked to.',
  },
];
