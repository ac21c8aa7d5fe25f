// The records endpoints behind routing: update (PUT), insert (POST) and delete (DELETE); reads are get-records-api.ts's.

import type { TokenGrant, MockState } from './mock-state.ts';
import { deleteRecord, insertRecord, updateRecord, type EntryOutcome } from './record-write.ts';
import { isHandled, parseDataBody } from './parse-body.ts';
import { topLevelError, type Json, type MockResponse } from './zoho-errors.ts';

const MAX_RECORDS = 100;
const TRIGGERS = new Set(['workflow', 'approval', 'blueprint', 'orchestration', 'pathfinder']);

/** A routed records request. */
export interface RecordsRequest {
  readonly module: string;
  /** The id in the URL, for single-record paths. */
  readonly recordId?: string;
  readonly grant: TokenGrant;
  readonly body: string;
  readonly query: URLSearchParams;
}

/** What an API handler returns: the response and the behaviours it provoked. */
export interface Handled {
  readonly response: MockResponse;
  readonly behaviours: readonly string[];
}

/** PUT: validate the body, check access, then answer one entry per input record. */
export function handleUpdate(state: MockState, request: RecordsRequest): Handled {
  const parsed = parseDataBody(request.body);
  if (isHandled(parsed)) return parsed;
  const { data, body } = parsed;
  if (
    body['trigger'] !== undefined &&
    !(Array.isArray(body['trigger']) && body['trigger'].every((t) => typeof t === 'string' && TRIGGERS.has(t)))
  ) {
    return { response: topLevelError('INVALID_DATA', { api_name: 'trigger' }), behaviours: ['INVALID_DATA:trigger'] };
  }
  const ids = data.map((entry) => request.recordId ?? (typeof entry['id'] === 'string' ? entry['id'] : undefined));
  const records = state.moduleRecords(request.module);
  const denied = ids.some((id) => {
    const record = id === undefined ? undefined : records.get(id);
    return record?.privateToOwner === true && !request.grant.user.admin && record.ownerId !== request.grant.user.id;
  });
  if (denied) return { response: topLevelError('AUTHORIZATION_FAILED'), behaviours: ['AUTHORIZATION_FAILED'] };
  return answerEntries(
    data.map((entry, i) => updateRecord(state, request.module, ids[i], entry, request.grant.user, i)),
    200,
  );
}

/** POST: insert up to 100 records. */
export function handleInsert(state: MockState, request: RecordsRequest): Handled {
  const parsed = parseDataBody(request.body);
  if (isHandled(parsed)) return parsed;
  return answerEntries(
    parsed.data.map((entry, i) => insertRecord(state, request.module, entry, request.grant.user, i)),
    201,
  );
}

/** DELETE: one record by URL, or `?ids=a,b`. */
export function handleDelete(state: MockState, request: RecordsRequest): Handled {
  const ids = request.recordId
    ? [request.recordId]
    : (request.query.get('ids') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
  // The Delete Records page: `ids` is mandatory on the bulk path, at most 100 of them a call.
  if (ids.length === 0)
    return {
      response: topLevelError('REQUIRED_PARAM_MISSING', { param_name: 'ids' }),
      behaviours: ['REQUIRED_PARAM_MISSING:ids'],
    };
  if (ids.length > MAX_RECORDS)
    return {
      response: topLevelError('LIMIT_EXCEEDED', { limit: MAX_RECORDS }, 'Record count exceeded'),
      behaviours: ['LIMIT_EXCEEDED:records'],
    };
  return answerEntries(
    ids.map((id) => deleteRecord(state, request.module, id)),
    200,
  );
}

/** `{"data": [...]}`: the success status when every entry succeeded, 202 when any failed. */
function answerEntries(outcomes: readonly EntryOutcome[], successStatus: number): Handled {
  const failed = outcomes.some((o) => o.behaviour !== 'SUCCESS');
  return {
    response: { status: failed ? 202 : successStatus, body: { data: outcomes.map((o) => o.entry) } },
    behaviours: outcomes.map((o) => o.behaviour),
  };
}
