// The metadata Zoho's SDK asks for before any record call: current user, org, modules and fields, from the profile.

import { authenticate, hasAnyScope } from './authorize.ts';
import type { MockState } from './mock-state.ts';
import { fieldsBody, moduleEntry, modulesBody, orgBody, usersBody } from './org-metadata.ts';
import { parseOrgProfile, type ProfileModule } from './org-profile.ts';
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

/**
 * The record locking API's own module, whose fields Zoho's SDK reads before every locking call. Every org has it, so it
 * is served whatever the profile; it is not listed among the org's modules. UNCONFIRMED: the exact fields Zoho lists
 * (these are the record locking page's keys that a client may write or read back).
 */
const LOCKING_MODULE: ProfileModule = (() => {
  const fields = [
    { api_name: 'Locked_Reason__s', data_type: 'text', length: 255, system_mandatory: true },
    {
      api_name: 'Lock_Source__s',
      data_type: 'picklist',
      pick_list_values: ['Manual', 'Automatic'].map((v) => ({ display_value: v, actual_value: v })),
    },
    { api_name: 'Locked_By__s', data_type: 'ownerlookup' },
    { api_name: 'Locked_Time__s', data_type: 'datetime' },
    { api_name: 'Record_Locking_Configuration_Id__s', data_type: 'bigint' },
    { api_name: 'Record_Locking_Rule_Id__s', data_type: 'bigint' },
  ];
  const module = parseOrgProfile(
    { edition: 'free', modules: { Locking_Information__s: { fields } } },
    'the record locking module',
  ).modules.get('Locking_Information__s');
  if (!module) throw new Error('the record locking module did not parse');
  return module;
})();

const ok = (body: Handled['response']['body'], behaviour: string): Handled => ({
  response: { status: 200, body },
  behaviours: [behaviour],
});
const fail = (response: Handled['response'], behaviour: string): Handled => ({ response, behaviours: [behaviour] });

/** Answers a request already matched by METADATA_PATH. Only GET is served: the mock plays the org, it does not change it. */
export function handleMetadata(
  state: MockState,
  method: string,
  match: RegExpExecArray,
  authorization: string | undefined,
  query: URLSearchParams,
): Handled {
  const [, resource = '', name] = match;
  const grant = authenticate(state, authorization);
  if ('failure' in grant) return fail(grant.failure, grant.behaviour);
  if (method !== 'GET') return fail(topLevelError('INVALID_REQUEST_METHOD'), 'metadata:INVALID_REQUEST_METHOD');
  if (!hasAnyScope(grant, SCOPES[resource] ?? []))
    return fail(topLevelError('OAUTH_SCOPE_MISMATCH'), 'metadata:OAUTH_SCOPE_MISMATCH');
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
    return module
      ? ok({ modules: [moduleEntry(module, index)] }, 'metadata:modules')
      : fail(
          topLevelError('INVALID_MODULE', {}, 'The module name given seems to be invalid'),
          'metadata:INVALID_MODULE',
        );
  }
  if (resource === 'settings/fields' && name === undefined) {
    const wanted = query.get('module');
    if (!wanted)
      return fail(topLevelError('REQUIRED_PARAM_MISSING', { param_name: 'module' }), 'metadata:REQUIRED_PARAM_MISSING');
    if (wanted === LOCKING_MODULE.api_name) return ok(fieldsBody(LOCKING_MODULE, modules.length), 'metadata:fields');
    const index = modules.findIndex((m) => m.api_name === wanted);
    const module = modules[index];
    // UNCONFIRMED: the OpenAPI gives 400 INVALID_MODULE for this call without saying what `details` holds.
    return module
      ? ok(fieldsBody(module, index), 'metadata:fields')
      : fail(
          topLevelError('INVALID_MODULE', {}, 'The module name given seems to be invalid'),
          'metadata:INVALID_MODULE',
        );
  }
  return fail(topLevelError('INVALID_URL_PATTERN'), 'INVALID_URL_PATTERN');
}
