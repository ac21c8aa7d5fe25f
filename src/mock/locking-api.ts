// CRM Update Record Locking Information: PUT /crm/{version}/{module}/{record_id}/Locking_Information__s/{lock_id}.

import { authenticate, hasAnyScope, hasScope } from './authorize.ts';
import type { MockState } from './mock-state.ts';
import type { Handled } from './records-api.ts';
import { isHandled, parseDataBody } from './parse-body.ts';
import { topLevelError, type Json } from './zoho-errors.ts';

/** True when the org's profile marks the module lockable (the default profile: the page's "Possible module names"). */
const lockable = (state: MockState, module: string): boolean => state.org.modules.get(module)?.module.lockable === true;
export const LOCKING_PATH = /^\/crm\/(v[0-9.]+)\/([^/]+)\/(\d+)\/Locking_Information__s(?:\/(\d+))?\/?$/;

/** Answers a request already matched by LOCKING_PATH. */
export function handleLocking(
  state: MockState,
  method: string,
  match: RegExpExecArray,
  authorization: string | undefined,
  body: string,
): Handled {
  const [, , module = '', recordId = '', lockId] = match;
  const grant = authenticate(state, authorization);
  if ('failure' in grant) return { response: grant.failure, behaviours: [grant.behaviour] };
  // Lock (POST without a lock id) and unlock (DELETE with one): what live fixtures use (zoho-notes.md section 6).
  if (lockId === undefined && method === 'POST') return lockRecord(state, module, recordId);
  if (lockId !== undefined && method === 'DELETE') return unlockRecord(state, module, recordId, lockId);
  if (lockId === undefined)
    return {
      response: {
        ...topLevelError('INVALID_REQUEST_METHOD', {}, 'The http request method type is not a valid one.'),
        status: 403,
      },
      behaviours: ['locking:INVALID_REQUEST_METHOD'],
    };
  // The page gives 403 for a wrong method on this URL (Update Records gives 400): the drift ledger keeps both.
  if (method !== 'PUT')
    return {
      response: {
        ...topLevelError('INVALID_REQUEST_METHOD', {}, 'The http request method type is not a valid one.'),
        status: 403,
      },
      behaviours: ['locking:INVALID_REQUEST_METHOD'],
    };
  if (!state.org.modules.has(module))
    return {
      response: topLevelError('INVALID_MODULE', {}, 'The module name given seems to be invalid.'),
      behaviours: ['locking:INVALID_MODULE:invalid'],
    };
  if (!lockable(state, module))
    return {
      response: topLevelError('INVALID_MODULE', {}, 'The module name given seems to be invalid.'),
      behaviours: ['locking:INVALID_MODULE:unsupported'],
    };
  if (!hasAnyScope(grant, ['ZohoCRM.modules.lockinginformation.Update', 'ZohoCRM.modules.lockinginformation.ALL'])) {
    return { response: topLevelError('OAUTH_SCOPE_MISMATCH'), behaviours: ['locking:OAUTH_SCOPE_MISMATCH:locking'] };
  }
  if (!hasScope(grant, module, 'UPDATE'))
    return { response: topLevelError('OAUTH_SCOPE_MISMATCH'), behaviours: ['locking:OAUTH_SCOPE_MISMATCH:module'] };
  if (!grant.user.canEdit) {
    return {
      response: topLevelError(
        'NO_PERMISSION',
        {},
        'Permission denied to customize record lock configurations. The user does not have permission.',
      ),
      behaviours: ['locking:NO_PERMISSION'],
    };
  }
  const parsed = parseDataBody(body);
  if (isHandled(parsed)) return parsed;
  const { data } = parsed;
  const lock = state.moduleRecords(module).has(recordId) ? state.locks.get(`${module}/${recordId}`) : undefined;
  // Zoho's OpenAPI (record_locking.json) answers this operation's errors top-level at 400; only RECORD_LOCKED comes in data[].
  if (!lock || lock.lockId !== lockId)
    return {
      response: topLevelError('INVALID_DATA', { resource_path_index: 5 }, 'the id given seems to be invalid'),
      behaviours: ['INVALID_DATA:id'],
    };
  if (lock.source === 'automatic')
    return { response: topLevelError('NOT_ALLOWED'), behaviours: ['locking:NOT_ALLOWED'] };
  return answer(lock, lockId, data);
}

/**
 * A lock or unlock naming a record or lock id the org does not have: record_locking.json answers both operations'
 * errors top-level at 400 (`Error_Response`), INVALID_DATA "Invalid data" with `Invalid_ID.resource_path_index`, the
 * place of the bad id in /crm/{version}/{module}/{record_id}/Locking_Information__s/{lock_id} (3 or 5). No page
 * documents lock or unlock; docs/coverage.md records the point.
 */
function badId(index: 3 | 5): Handled {
  return {
    response: topLevelError('INVALID_DATA', { resource_path_index: index }, 'Invalid data'),
    behaviours: ['INVALID_DATA:id'],
  };
}

function lockRecord(state: MockState, module: string, recordId: string): Handled {
  if (!lockable(state, module))
    return {
      response: topLevelError('INVALID_MODULE', {}, 'The module name given seems to be invalid.'),
      behaviours: ['locking:INVALID_MODULE:unsupported'],
    };
  if (!state.moduleRecords(module).has(recordId)) return badId(3);
  if (state.locks.has(`${module}/${recordId}`))
    return { response: topLevelError('NOT_ALLOWED'), behaviours: ['locking:NOT_ALLOWED'] };
  const lockId = state.newId();
  state.locks.set(`${module}/${recordId}`, { lockId, source: 'manual', reason: 'locked by the API' });
  return {
    response: {
      status: 201,
      body: { data: [{ code: 'SUCCESS', details: { id: lockId }, message: 'record locked', status: 'success' }] },
    },
    behaviours: ['locking:SUCCESS'],
  };
}

function unlockRecord(state: MockState, module: string, recordId: string, lockId: string): Handled {
  const lock = state.locks.get(`${module}/${recordId}`);
  if (!lock || lock.lockId !== lockId) return badId(5);
  state.locks.delete(`${module}/${recordId}`);
  return {
    response: {
      status: 200,
      body: { data: [{ code: 'SUCCESS', details: { id: lockId }, message: 'record unlocked', status: 'success' }] },
    },
    behaviours: ['locking:SUCCESS'],
  };
}

/** Locked_Reason__s is mandatory: without it the whole request fails, top-level at 400 (record_locking.json's Error_Response). */
function answer(lock: { reason: string }, lockId: string, data: readonly Json[]): Handled {
  const missing = data.findIndex(
    (entry) => typeof entry['Locked_Reason__s'] !== 'string' || entry['Locked_Reason__s'] === '',
  );
  if (missing >= 0) {
    const details = { api_name: 'Locked_Reason__s', json_path: `$.data[${missing}].Locked_Reason__s` };
    return { response: topLevelError('MANDATORY_NOT_FOUND', details), behaviours: ['locking:MANDATORY_NOT_FOUND'] };
  }
  for (const entry of data) lock.reason = String(entry['Locked_Reason__s']);
  return {
    response: {
      status: 200,
      body: {
        data: data.map(() => ({
          code: 'SUCCESS',
          details: { id: lockId },
          message: 'relation updated',
          status: 'success',
        })),
      },
    },
    behaviours: data.map(() => 'locking:SUCCESS'),
  };
}
