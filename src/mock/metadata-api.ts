// The metadata Zoho's SDK asks for before any record call: current user, org, modules and fields, from the profile.

import { authenticate, hasAnyScope } from './authorize.ts';
import type { MockState } from './mock-state.ts';
import { fieldsBody, moduleEntry, modulesBody, orgBody, usersBody } from './org-metadata.ts';
import type { Handled } from './records-api.ts';
import { users } from './seed.ts';
import { topLevelError } from './zoho-errors.ts';

export const METADATA_PATH = /^\/crm\/v[0-9.]+\/(users|org|settings\/modules|settings\/fields)(?:\/([^/]+))?\/?$/;

/** Scopes that read each resource (Zoho's scope list: `ZohoCRM.<group>.<READ|ALL>`, settings also as a whole). */
const SCOPES: Readonly<Record<string, readonly string[]>> = {
  users: ['ZohoCRM.users.READ', 'ZohoCRM.users.ALL'],
  org: ['ZohoCRM.org.READ', 'ZohoCRM.org.ALL'],
  'settings/modules': ['ZohoCRM.settings.modules.READ', 'ZohoCRM.settings.modules.ALL', 'ZohoCRM.settings.ALL'],
  'settings/fields': ['ZohoCRM.settings.fields.READ', 'ZohoCRM.settings.fields.ALL', 'ZohoCRM.settings.ALL'],
};

const ok = (body: Handled['response']['body'], behaviour: string): Handled => ({ response: { status: 200, body }, behaviours: [behaviour] });
const fail = (response: Handled['response'], behaviour: string): Handled => ({ response, behaviours: [behaviour] });

/** Answers a request already matched by METADATA_PATH. Only GET is served: the mock plays the org, it does not change it. */
export function handleMetadata(state: MockState, method: string, match: RegExpExecArray, authorization: string | undefined, query: URLSearchParams): Handled {
  const [, resource = '', name] = match;
  const grant = authenticate(state, authorization);
  if ('failure' in grant) return fail(grant.failure, grant.behaviour);
  if (method !== 'GET') return fail(topLevelError('INVALID_REQUEST_METHOD'), 'metadata:INVALID_REQUEST_METHOD');
  if (!hasAnyScope(grant, SCOPES[resource] ?? [])) return fail(topLevelError('OAUTH_SCOPE_MISMATCH'), 'metadata:OAUTH_SCOPE_MISMATCH');
  const profile = state.org.profile;
  if (resource === 'users' && name === undefined) {
    const type = query.get('type') ?? 'AllUsers';
    const list = type === 'CurrentUser' ? [grant.user] : type === 'AdminUsers' ? [users.admin] : Object.values(users);
    return ok(usersBody(list), 'metadata:users');
  }
  if (resource === 'org' && name === undefined) return ok(orgBody(profile), 'metadata:org');
  const modules = [...profile.modules.values()];
  if (resource === 'settings/modules') {
    if (name === undefined) return ok(modulesBody(profile), 'metadata:modules');
    const index = modules.findIndex((m) => m.api_name === name);
    const module = modules[index];
    return module ? ok({ modules: [moduleEntry(module, index)] }, 'metadata:modules') : fail(topLevelError('INVALID_MODULE', {}, 'The module name given seems to be invalid'), 'metadata:INVALID_MODULE');
  }
  if (resource === 'settings/fields' && name === undefined) {
    const wanted = query.get('module');
    if (!wanted) return fail(topLevelError('REQUIRED_PARAM_MISSING', { param_name: 'module' }), 'metadata:REQUIRED_PARAM_MISSING');
    const index = modules.findIndex((m) => m.api_name === wanted);
    const module = modules[index];
    // UNCONFIRMED: the OpenAPI gives 400 INVALID_MODULE for this call without saying what `details` holds.
    return module ? ok(fieldsBody(module, index), 'metadata:fields') : fail(topLevelError('INVALID_MODULE', {}, 'The module name given seems to be invalid'), 'metadata:INVALID_MODULE');
  }
  return fail(topLevelError('INVALID_URL_PATTERN'), 'INVALID_URL_PATTERN');
}
