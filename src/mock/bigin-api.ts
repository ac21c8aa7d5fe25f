// Bigin Update Related Records: PUT /bigin/v1/{module}/{record_id}/{related_list}[/{related_id}].

import { authenticate, hasScope } from './authorize.ts';
import type { MockState, TokenGrant } from './mock-state.ts';
import { UNSUPPORTED_MODULES } from './org-profile.ts';
import { deleteRecord, insertRecord } from './record-write.ts';
import type { Handled } from './records-api.ts';
import { isHandled, parseDataBody } from './parse-body.ts';
import { recordError, topLevelError, type Json, type MockResponse } from './zoho-errors.ts';

export const BIGIN_PATH = /^\/bigin\/([^/]+)(?:\/([^/]*)(?:\/([^/]*)(?:\/([^/]*)(?:\/([^/]*))?)?)?)?(\/.*)?$/;
const MODULES = new Set(['Deals', 'Contacts', 'Accounts', 'Products']);
/** "You can update a maximum of 100 related records per API call." */
const MAX_RELATED = 100;
/** "Products - to - Contacts, Deals, Accounts": either side may be the parent. */
const RELATED = new Map<string, readonly string[]>([
  ['Deals', ['Products']],
  ['Contacts', ['Products']],
  ['Accounts', ['Products']],
  ['Products', ['Deals', 'Contacts', 'Accounts']],
]);

const fail = (response: MockResponse, behaviour: string): Handled => ({ response, behaviours: [behaviour] });

/** Answers a request already matched by BIGIN_PATH. */
export function handleBigin(
  state: MockState,
  method: string,
  match: RegExpExecArray,
  authorization: string | undefined,
  body: string,
  query: URLSearchParams = new URLSearchParams(),
): Handled {
  const [, version, module = '', recordId = '', related = '', relatedId, rest] = match;
  const grant = authenticate(state, authorization);
  if ('failure' in grant) return { response: grant.failure, behaviours: [grant.behaviour] };
  if (version === 'v1' && MODULES.has(module) && recordId === '' && (method === 'POST' || method === 'DELETE'))
    return handleRecords(state, method, module, grant, body, query);
  if (
    version !== 'v1' ||
    rest !== undefined ||
    !/^\d+$/.test(recordId) ||
    !related ||
    (relatedId !== undefined && !/^\d+$/.test(relatedId))
  ) {
    return fail(topLevelError('INVALID_URL_PATTERN'), 'bigin:INVALID_URL_PATTERN');
  }
  if (method !== 'PUT') return fail(topLevelError('INVALID_REQUEST_METHOD'), 'bigin:INVALID_REQUEST_METHOD');
  if (UNSUPPORTED_MODULES.has(module))
    return fail(
      topLevelError('INVALID_MODULE', {}, 'the given module is not supported in api'),
      'bigin:INVALID_MODULE:unsupported',
    );
  if (!MODULES.has(module)) return fail(topLevelError('INVALID_MODULE'), 'bigin:INVALID_MODULE:invalid');
  if (!RELATED.get(module)?.includes(related))
    return fail(topLevelError('INVALID_URL_PATTERN'), 'bigin:INVALID_URL_PATTERN');
  if (!hasScope(grant, module, 'UPDATE', 'ZohoBigin'))
    return fail(topLevelError('OAUTH_SCOPE_MISMATCH', {}, 'Unauthorized'), 'bigin:OAUTH_SCOPE_MISMATCH');
  if (!grant.user.canEdit)
    return fail(topLevelError('NO_PERMISSION', {}, 'Permission denied to update records'), 'bigin:NO_PERMISSION');
  const parent = state.moduleRecords(`bigin:${module}`).get(recordId);
  if (!parent)
    return fail(
      topLevelError('INVALID_DATA', { api_name: 'id' }, 'the id given seems to be invalid'),
      'bigin:INVALID_DATA:related-id',
    );
  if (parent.privateToOwner && !grant.user.admin && parent.ownerId !== grant.user.id) {
    return fail(
      topLevelError(
        'AUTHORIZATION_FAILED',
        {},
        'User does not have sufficient privilege to update related records data',
      ),
      'bigin:AUTHORIZATION_FAILED',
    );
  }
  const parsed = parseDataBody(body, MAX_RELATED);
  if (isHandled(parsed)) return parsed;
  const { data } = parsed;
  const relatedRecords = state.moduleRecords(`bigin:${related}`);
  if (relatedId !== undefined && !relatedRecords.has(relatedId)) {
    return fail(
      topLevelError('INVALID_DATA', { api_name: 'id' }, 'the related id given seems to be invalid'),
      'bigin:INVALID_DATA:related-id',
    );
  }
  const linked = relationSet(state, `${module}/${recordId}/${related}`);
  const outcomes = data.map((entry) => relate(linked, relatedRecords, relatedId ?? entry['id']));
  const failed = outcomes.some((o) => o.entry['status'] === 'error');
  return {
    response: { status: failed ? 202 : 200, body: { data: outcomes.map((o) => o.entry) } },
    behaviours: outcomes.map((o) => o.behaviour),
  };
}

/** Bigin Insert (POST) and Delete (?ids=) Records: what live fixtures use. */
function handleRecords(
  state: MockState,
  method: string,
  module: string,
  grant: TokenGrant,
  body: string,
  query: URLSearchParams,
): Handled {
  if (!hasScope(grant, module, method === 'POST' ? 'CREATE' : 'DELETE', 'ZohoBigin'))
    return fail(topLevelError('OAUTH_SCOPE_MISMATCH', {}, 'Unauthorized'), 'bigin:OAUTH_SCOPE_MISMATCH');
  if (method === 'DELETE') {
    const ids = (query.get('ids') ?? '').split(',').filter(Boolean);
    const outcomes = ids.map((id) => deleteRecord(state, `bigin:${module}`, id));
    return {
      response: {
        status: outcomes.some((o) => o.behaviour !== 'SUCCESS') ? 202 : 200,
        body: { data: outcomes.map((o) => o.entry) },
      },
      behaviours: outcomes.map((o) => o.behaviour),
    };
  }
  const parsed = parseDataBody(body);
  if (isHandled(parsed)) return parsed;
  const outcomes = parsed.data.map((entry) => insertRecord(state, `bigin:${module}`, entry, grant.user));
  return {
    response: { status: 201, body: { data: outcomes.map((o) => o.entry) } },
    behaviours: outcomes.map((o) => o.behaviour),
  };
}

/** Relates one record: "relation added" the first time, "relation updated" after. */
function relate(
  linked: Set<string>,
  relatedRecords: ReadonlyMap<string, unknown>,
  id: unknown,
): { entry: Json; behaviour: string } {
  if (id === undefined || id === null || id === '')
    return {
      entry: recordError('MANDATORY_NOT_FOUND', { api_name: 'id' }, 'required field not found'),
      behaviour: 'bigin:MANDATORY_NOT_FOUND',
    };
  if (typeof id !== 'string' || !relatedRecords.has(id))
    return {
      entry: recordError('INVALID_DATA', { api_name: 'id' }, 'invalid data'),
      behaviour: 'bigin:INVALID_DATA:entry',
    };
  const added = !linked.has(id);
  linked.add(id);
  return {
    entry: {
      code: 'SUCCESS',
      details: { id },
      message: added ? 'relation added' : 'relation updated',
      status: 'success',
    },
    behaviour: added ? 'bigin:SUCCESS:added' : 'bigin:SUCCESS:updated',
  };
}

function relationSet(state: MockState, key: string): Set<string> {
  let set = state.relations.get(key);
  if (!set) {
    set = new Set();
    state.relations.set(key, set);
  }
  return set;
}
