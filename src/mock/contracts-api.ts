// Zoho Contracts Update Contract Type: PUT /api/v1/admin/contracttypes/{apiName}, served on the Contracts host.

import { authenticate, hasAnyScope } from './authorize.ts';
import type { MockState } from './mock-state.ts';
import type { Handled } from './records-api.ts';
import { isHandled, parseObjectBody } from './parse-body.ts';
import { topLevelError } from './zoho-errors.ts';

export const CONTRACTS_PATH = /^\/api\/([^/]+)\/admin\/([^/]+)(?:\/([^/]*))?(\/.*)?$/;

/** Answers a request already matched by CONTRACTS_PATH. The error envelope is Zoho's usual one (the page prints none). */
export function handleContracts(
  state: MockState,
  method: string,
  match: RegExpExecArray,
  authorization: string | undefined,
  body: string,
): Handled {
  const [, version, resource, apiName, rest] = match;
  const grant = authenticate(state, authorization);
  if ('failure' in grant) return { response: grant.failure, behaviours: [grant.behaviour] };
  if (
    version !== 'v1' ||
    resource !== 'contracttypes' ||
    !apiName ||
    rest !== undefined ||
    !state.contractTypes.has(apiName)
  ) {
    return {
      response: topLevelError('INVALID_URL_PATTERN', {}, 'Request URL is incorrect'),
      behaviours: ['contracts:INVALID_URL_PATTERN'],
    };
  }
  if (method !== 'PUT')
    return {
      response: topLevelError('INVALID_REQUEST_METHOD', {}, 'The HTTP request method is not a valid one.'),
      behaviours: ['contracts:INVALID_REQUEST_METHOD'],
    };
  if (!hasAnyScope(grant, ['contracts.meta.UPDATE', 'contracts.meta.ALL']))
    return {
      response: topLevelError('OAUTH_SCOPE_MISMATCH', {}, 'Unauthorized'),
      behaviours: ['contracts:OAUTH_SCOPE_MISMATCH'],
    };
  if (!grant.user.canEdit)
    return {
      response: topLevelError('NO_PERMISSION', {}, 'Permission denied to update'),
      behaviours: ['contracts:NO_PERMISSION'],
    };
  // Contract types are organisation settings: only an administrator may change them.
  if (!grant.user.admin) {
    return {
      response: topLevelError(
        'AUTHORIZATION_FAILED',
        {},
        'The user does not have sufficient privilege to update module details.',
      ),
      behaviours: ['contracts:AUTHORIZATION_FAILED'],
    };
  }
  const parsed = parseObjectBody(body);
  if (isHandled(parsed)) return parsed;
  const name = parsed['name'];
  if (typeof name !== 'string' || name.trim() === '')
    return { response: topLevelError('INVALID_DATA', { api_name: 'name' }), behaviours: ['INVALID_DATA:body'] };
  state.contractTypes.set(apiName, name);
  return { response: { status: 200, body: { Type: 'success', apiName } }, behaviours: ['contracts:SUCCESS'] };
}
