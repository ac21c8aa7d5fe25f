// The metadata Zoho's SDK asks for before any record call: current user, org, modules and fields, from the profile.

import { authenticate, hasAnyScope } from './authorize.ts';
import { fieldEntries } from './metadata-fields.ts';
import { moduleEntry, modulesBody } from './metadata-modules.ts';
import { orgBody } from './metadata-org.ts';
import { userEntry, usersBody, usersOfType } from './metadata-users.ts';
import type { MockState, TokenGrant } from './mock-state.ts';
import { parseOrgProfile, type ProfileModule } from './org-profile.ts';
import type { Handled } from './records-api.ts';
import { users } from './seed.ts';
import { topLevelError } from './zoho-errors.ts';

export const METADATA_PATH = /^\/crm\/v[0-9.]+\/(users|org|settings\/modules|settings\/fields)(?:\/([^/]+))?\/?$/;

type Resource = 'users' | 'org' | 'settings/modules' | 'settings/fields';

/**
 * The methods the OpenAPI documents on each path (users.json, org.json, modules.json, fields.json `paths`), the list
 * path first, then the path with a name or id. Any other method is INVALID_REQUEST_METHOD.
 */
const METHODS: Readonly<Record<Resource, readonly [readonly string[], readonly string[]]>> = {
  users: [
    ['GET', 'POST', 'PUT'],
    ['GET', 'PUT', 'DELETE'],
  ],
  org: [['GET'], []],
  'settings/modules': [
    ['GET', 'POST', 'PUT'],
    ['GET', 'PUT'],
  ],
  'settings/fields': [
    ['GET', 'POST', 'PATCH'],
    ['GET', 'PATCH', 'DELETE'],
  ],
};

/** The scope group of each resource (`ZohoCRM.<group>.<operation>`); settings also granted as a whole. */
const SCOPE_GROUPS: Readonly<Record<Resource, string>> = {
  users: 'users',
  org: 'org',
  'settings/modules': 'settings.modules',
  'settings/fields': 'settings.fields',
};
const OPERATIONS: Readonly<Record<string, string>> = {
  GET: 'READ',
  POST: 'CREATE',
  PUT: 'UPDATE',
  PATCH: 'UPDATE',
  DELETE: 'DELETE',
};

/**
 * The scopes that allow a method on a resource. Zoho's pages give `ZohoCRM.users.{ALL|READ}`, `ZohoCRM.org.{ALL|READ}`,
 * `ZohoCRM.settings.modules.{ALL|READ}` and `ZohoCRM.settings.fields.{ALL|READ}` (or `ZohoCRM.settings.ALL`) for
 * reads; each OpenAPI file's `security` names the ALL scope (fields.json also `.read`). Writes take the operation's
 * scope (CREATE, UPDATE, DELETE) or ALL.
 */
function scopesFor(resource: Resource, method: string): string[] {
  const group = `ZohoCRM.${SCOPE_GROUPS[resource]}`;
  const settings = resource.startsWith('settings/') ? ['ZohoCRM.settings.ALL'] : [];
  return [`${group}.ALL`, `${group}.${OPERATIONS[method] ?? 'ALL'}`, ...settings];
}

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
/** An empty list: 204 and no body, as each OpenAPI file lists for these GETs. */
const none = (behaviour: string): Handled => ({ response: { status: 204, body: {} }, behaviours: [behaviour] });

/**
 * Answers a request already matched by METADATA_PATH: the method the OpenAPI documents for the path, the scope for it,
 * then the answer. A documented write is refused once its scope holds (403 NO_PERMISSION, as to a user whose profile
 * may not customise): the mock plays the org, it does not change it.
 */
export function handleMetadata(
  state: MockState,
  method: string,
  match: RegExpExecArray,
  authorization: string | undefined,
  query: URLSearchParams,
): Handled {
  const [, matched = '', name] = match;
  const resource = matched as Resource;
  const grant = authenticate(state, authorization);
  if ('failure' in grant) return fail(grant.failure, grant.behaviour);
  if (!METHODS[resource][name === undefined ? 0 : 1].includes(method))
    return fail(topLevelError('INVALID_REQUEST_METHOD'), 'metadata:INVALID_REQUEST_METHOD');
  if (!hasAnyScope(grant, scopesFor(resource, method)))
    return fail(topLevelError('OAUTH_SCOPE_MISMATCH'), 'metadata:OAUTH_SCOPE_MISMATCH');
  if (method !== 'GET') return fail(topLevelError('NO_PERMISSION', {}, 'permission denied'), 'metadata:NO_PERMISSION');
  if (resource === 'users') return answerUsers(grant, name, query);
  if (resource === 'org') return ok(orgBody(state.org.profile), 'metadata:org');
  if (resource === 'settings/modules') return answerModules(state, name);
  return answerFields(state, name, query);
}

/** `users?type=`: the users the v8 type selects; a type v8 does not document is refused. `users/{id}`: that user. */
function answerUsers(grant: TokenGrant, id: string | undefined, query: URLSearchParams): Handled {
  if (id !== undefined) {
    const user = Object.values(users).find((u) => u.id === id);
    return user ? ok({ users: [userEntry(user)] }, 'metadata:users') : none('metadata:users');
  }
  const list = usersOfType(query.get('type'), grant.user);
  // UNCONFIRMED: which of users.json's 400 answers an unknown type gets; its InvalidError (INVALID_DATA) is the one
  // whose details name a key, and no page prints the answer.
  if (!list) return fail(topLevelError('INVALID_DATA', { api_name: 'type' }), 'metadata:INVALID_DATA:type');
  return list.length > 0 ? ok(usersBody(list), 'metadata:users') : none('metadata:users');
}

function answerModules(state: MockState, name: string | undefined): Handled {
  const profile = state.org.profile;
  if (name === undefined) return ok(modulesBody(profile), 'metadata:modules');
  const index = [...profile.modules.keys()].indexOf(name);
  const module = profile.modules.get(name);
  return module
    ? ok({ modules: [moduleEntry(module, index)] }, 'metadata:modules')
    : fail(topLevelError('INVALID_MODULE', {}, 'The module name given seems to be invalid'), 'metadata:INVALID_MODULE');
}

/** `settings/fields?module=X` (and `/{field}`: one field, by id or API name). */
function answerFields(state: MockState, field: string | undefined, query: URLSearchParams): Handled {
  const wanted = query.get('module');
  if (!wanted)
    return fail(topLevelError('REQUIRED_PARAM_MISSING', { param_name: 'module' }), 'metadata:REQUIRED_PARAM_MISSING');
  const modules = [...state.org.profile.modules.values()];
  const index = wanted === LOCKING_MODULE.api_name ? modules.length : modules.findIndex((m) => m.api_name === wanted);
  const module = wanted === LOCKING_MODULE.api_name ? LOCKING_MODULE : modules[index];
  // fields.json `InvalidParamError`: INVALID_MODULE whose details name the parameter (`InvalidParamDetails.api_name`).
  if (!module)
    return fail(
      topLevelError('INVALID_MODULE', { api_name: 'module' }, 'The module name given seems to be invalid'),
      'metadata:INVALID_MODULE',
    );
  // fields.json `Response_Wrapper`: `fields` required.
  const entries = fieldEntries(module, index);
  if (field === undefined) return ok({ fields: entries }, 'metadata:fields');
  const one = entries.find((f) => f['id'] === field || f['api_name'] === field);
  return one ? ok({ fields: [one] }, 'metadata:fields') : none('metadata:fields');
}
