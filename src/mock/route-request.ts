// One request -> one answer, in Zoho's order: fault, auth, URL, method, module, scope, permission, then the records API.

import { authenticate, hasAnyScope, hasScope, type Operation } from './authorize.ts';
import { BIGIN_PATH, handleBigin } from './bigin-api.ts';
import { CONTRACTS_PATH, handleContracts } from './contracts-api.ts';
import { LOCKING_PATH, handleLocking } from './locking-api.ts';
import { METADATA_PATH, handleMetadata } from './metadata-api.ts';
import type { MockState } from './mock-state.ts';
import { UNSUPPORTED_MODULES } from './org-profile.ts';
import { handleList, handleRead } from './get-records-api.ts';
import { handleDelete, handleInsert, handleUpdate, type Handled, type RecordsRequest } from './records-api.ts';
import { handleSearch } from './search-api.ts';
import { handleUpsert } from './upsert-api.ts';
import { topLevelError } from './zoho-errors.ts';

const HANDLERS = { UPDATE: handleUpdate, CREATE: handleInsert, DELETE: handleDelete, READ: handleRead } as const;
/** Path segments after the module that name an action rather than a record id. */
const ACTIONS = new Set(['search', 'upsert']);
const SEARCH_SCOPE = 'ZohoSearch.securesearch.READ';
const VERSIONS = new Set(['v2', 'v2.1', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8']);
const PATH = /^\/crm\/([^/]+)\/([^/]+)(?:\/([^/]+))?\/?$/;

/** The parts of an HTTP request the mock decides on. */
export interface IncomingRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization?: string | undefined;
  readonly fault?: string | undefined;
  readonly body: string;
  /** Which of the mock's hosts received it: the API domain (every product) or the Contracts host (Contracts only). */
  readonly host?: 'api' | 'contracts';
}

/** Decides the answer to a request (faults that need the socket, latency and drop, are the server's). */
export function routeRequest(state: MockState, request: IncomingRequest): Handled {
  if (request.fault === 'internal-error') {
    // The record-locking page prints the message with a full stop; the other pages without.
    const message = request.url.includes('/Locking_Information__s') ? 'Internal Server Error.' : undefined;
    return { response: topLevelError('INTERNAL_ERROR', {}, message), behaviours: ['INTERNAL_ERROR'] };
  }
  if (request.fault === 'rate-limit')
    return {
      response: { ...topLevelError('TOO_MANY_REQUESTS'), headers: { 'Retry-After': '1' } },
      behaviours: ['TOO_MANY_REQUESTS'],
    };
  const url = splitUrl(request.url);
  // Each API's pattern is tried only where its prefix matches (a CRM update no longer runs three regexes first).
  const path = url.pathname;
  const locking = path.includes('/Locking_Information__s') ? LOCKING_PATH.exec(path) : null;
  if (locking) return handleLocking(state, request.method, locking, request.authorization, request.body);
  const contracts = path.startsWith('/api/') ? CONTRACTS_PATH.exec(path) : null;
  if (contracts) return handleContracts(state, request.method, contracts, request.authorization, request.body);
  if (request.host === 'contracts')
    return {
      response: topLevelError('INVALID_URL_PATTERN', {}, 'Request URL is incorrect'),
      behaviours: ['contracts:INVALID_URL_PATTERN'],
    };
  const bigin = path.startsWith('/bigin/') ? BIGIN_PATH.exec(path) : null;
  if (bigin) return handleBigin(state, request.method, bigin, request.authorization, request.body, url.searchParams);
  const metadata = METADATA_PATH.exec(path);
  if (metadata) return handleMetadata(state, request.method, metadata, request.authorization, url.searchParams);
  const grant = authenticate(state, request.authorization);
  if ('failure' in grant) return { response: grant.failure, behaviours: [grant.behaviour] };
  const match = PATH.exec(url.pathname);
  const [, version, module, recordId] = match ?? [];
  // `/upsert` and `/search` are actions of the module, not record ids.
  const action = recordId !== undefined && ACTIONS.has(recordId) ? recordId : undefined;
  if (
    !match ||
    !version ||
    !module ||
    !VERSIONS.has(version) ||
    (recordId !== undefined && !action && !/^\d+$/.test(recordId))
  ) {
    return { response: topLevelError('INVALID_URL_PATTERN'), behaviours: ['INVALID_URL_PATTERN'] };
  }
  const operation =
    action === 'upsert'
      ? request.method === 'POST'
        ? 'CREATE'
        : undefined
      : action
        ? request.method === 'GET'
          ? 'READ'
          : undefined
        : operationOf(request.method, recordId);
  if (!operation) return { response: topLevelError('INVALID_REQUEST_METHOD'), behaviours: ['INVALID_REQUEST_METHOD'] };
  if (UNSUPPORTED_MODULES.has(module))
    return {
      response: topLevelError('INVALID_MODULE', {}, 'the given module is not supported in api'),
      behaviours: ['INVALID_MODULE:unsupported'],
    };
  if (!state.org.modules.has(module))
    return { response: topLevelError('INVALID_MODULE'), behaviours: ['INVALID_MODULE:invalid'] };
  if (!hasScope(grant, module, operation))
    return { response: topLevelError('OAUTH_SCOPE_MISMATCH'), behaviours: ['OAUTH_SCOPE_MISMATCH'] };
  // Search Records needs ZohoSearch.securesearch.READ as well as the module scope.
  if (action === 'search' && !hasAnyScope(grant, [SEARCH_SCOPE]))
    return { response: topLevelError('OAUTH_SCOPE_MISMATCH'), behaviours: ['OAUTH_SCOPE_MISMATCH:search'] };
  if (operation !== 'READ' && !grant.user.canEdit)
    // Insert, Upsert and Delete print record.json's "permission denied"; the update pages their own wording.
    return {
      response: topLevelError(
        'NO_PERMISSION',
        {},
        operation === 'CREATE' || operation === 'DELETE' ? 'permission denied' : undefined,
      ),
      behaviours: ['NO_PERMISSION'],
    };
  // Plain literals, one object shape per kind of request: built with an object spread, it cost the mock up to 30% of
  // its throughput under load (the handlers' property reads lost their fast path).
  const records: RecordsRequest =
    recordId && !action
      ? { module, grant, body: request.body, query: url.searchParams, recordId }
      : { module, grant, body: request.body, query: url.searchParams };
  if (action === 'upsert') return handleUpsert(state, records);
  if (action === 'search') return handleSearch(state, records);
  if (operation === 'READ' && recordId === undefined) return handleList(state, records);
  return HANDLERS[operation](state, records);
}

/** Path and query of a request target. A plain path is split by hand (a URL object per request cost the mock a tenth of
 * its throughput); one with escapes or dot segments goes through URL, which normalises them as Zoho's front end does. */
function splitUrl(target: string): { pathname: string; searchParams: URLSearchParams } {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  if (path.startsWith('/') && !path.includes('%') && !path.includes('/.') && !path.includes('\\')) {
    return { pathname: path, searchParams: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)) };
  }
  return new URL(target, 'http://mock.invalid');
}

/** Which operation a method performs on the bulk or single path; undefined when the URL does not serve it. */
function operationOf(method: string, recordId: string | undefined): Operation | undefined {
  if (method === 'PUT') return 'UPDATE';
  if (method === 'POST' && recordId === undefined) return 'CREATE';
  if (method === 'DELETE') return 'DELETE';
  if (method === 'GET') return 'READ';
  return undefined;
}
