// The mock's own reading of Zoho's error vocabulary (never imported from the catalog): codes, statuses, messages.

/** A JSON object the mock answers with. */
export type Json = { [key: string]: unknown };

/** A response the mock decided on. */
export interface MockResponse {
  readonly status: number;
  readonly body: Json;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Top-level errors: HTTP status and message as the doc pages and saved examples print them. */
export const topLevelErrors = {
  AUTHENTICATION_FAILURE: { status: 401, message: 'Authentication failed' },
  INVALID_TOKEN: { status: 401, message: 'invalid oauth token' },
  OAUTH_SCOPE_MISMATCH: { status: 401, message: 'invalid oauth scope to access this URL' },
  INVALID_URL_PATTERN: { status: 404, message: 'Please check if the URL trying to access is a correct one' },
  INVALID_REQUEST_METHOD: { status: 400, message: 'The http request method type is not a valid one' },
  INVALID_MODULE: { status: 400, message: 'the module name given seems to be invalid' },
  NO_PERMISSION: { status: 403, message: 'permission denied to update' },
  AUTHORIZATION_FAILED: { status: 400, message: 'User does not have sufficient privilege to update records' },
  INVALID_DATA: { status: 400, message: 'invalid data' },
  MANDATORY_NOT_FOUND: { status: 400, message: 'required field not found' },
  LIMIT_EXCEEDED: { status: 400, message: 'Cannot process more than 100 records at a time.' },
  INTERNAL_ERROR: { status: 500, message: 'Internal Server Error' },
  NOT_ALLOWED: { status: 403, message: 'Record is already locked.' },
  TOO_MANY_REQUESTS: { status: 429, message: 'too many requests' },
  REQUEST_ENTITY_TOO_LARGE: { status: 413, message: 'request entity too large' },
  REQUIRED_PARAM_MISSING: { status: 400, message: 'One of the expected parameter is missing' },
  DISCRETE_PAGINATION_LIMIT_EXCEEDED: {
    status: 400,
    message: 'You can only get the first 2000 records without using page_token param.',
  },
  INVALID_QUERY: { status: 400, message: 'invalid query formed' },
} as const;

export type TopLevelCode = keyof typeof topLevelErrors;

/** A top-level `{code, details, message, status:"error"}` answer. */
export function topLevelError(code: TopLevelCode, details: Json = {}, message?: string): MockResponse {
  const known = topLevelErrors[code];
  return { status: known.status, body: { code, details, message: message ?? known.message, status: 'error' } };
}

/** One per-record error entry of a `data[]` answer. */
export function recordError(code: string, details: Json, message: string): Json {
  return { code, details, message, status: 'error' };
}

/** Every behaviour the mock documents, keyed as `provoked()` counts them. */
export const BEHAVIOURS = [
  'SUCCESS',
  'INVALID_MODULE:invalid',
  'INVALID_MODULE:unsupported',
  'INVALID_DATA:body',
  'INVALID_DATA:id',
  'INVALID_DATA:length',
  'INVALID_DATA:trigger',
  'MANDATORY_NOT_FOUND:id',
  'MANDATORY_NOT_FOUND:data',
  'MANDATORY_NOT_FOUND:field',
  'INVALID_DATA:type',
  'INVALID_DATA:lookup',
  'LIMIT_EXCEEDED:records',
  'LIMIT_EXCEEDED:participants',
  'RECORD_LOCKED',
  'NOT_APPROVED',
  'DUPLICATE_DATA',
  'OAUTH_SCOPE_MISMATCH',
  'NO_PERMISSION',
  'AUTHORIZATION_FAILED',
  'INVALID_URL_PATTERN',
  'INVALID_REQUEST_METHOD',
  'INVALID_TOKEN',
  'AUTHENTICATION_FAILURE',
  'INTERNAL_ERROR',
  'TOO_MANY_REQUESTS',
  'TOO_MANY_REQUESTS:concurrency',
  'locking:SUCCESS',
  'locking:INVALID_MODULE:invalid',
  'locking:INVALID_MODULE:unsupported',
  'locking:NOT_ALLOWED',
  'locking:INVALID_REQUEST_METHOD',
  'locking:NO_PERMISSION',
  'locking:OAUTH_SCOPE_MISMATCH:locking',
  'locking:OAUTH_SCOPE_MISMATCH:module',
  'locking:MANDATORY_NOT_FOUND',
  'bigin:SUCCESS:added',
  'bigin:SUCCESS:updated',
  'bigin:INVALID_MODULE:invalid',
  'bigin:INVALID_MODULE:unsupported',
  'bigin:INVALID_URL_PATTERN',
  'bigin:OAUTH_SCOPE_MISMATCH',
  'bigin:NO_PERMISSION',
  'bigin:INVALID_REQUEST_METHOD',
  'bigin:AUTHORIZATION_FAILED',
  'bigin:INVALID_DATA:related-id',
  'bigin:INVALID_DATA:entry',
  'bigin:MANDATORY_NOT_FOUND',
  'contracts:SUCCESS',
  'contracts:INVALID_URL_PATTERN',
  'contracts:OAUTH_SCOPE_MISMATCH',
  'contracts:NO_PERMISSION',
  'contracts:AUTHORIZATION_FAILED',
  'contracts:INVALID_REQUEST_METHOD',
  'SUCCESS:read',
  'SUCCESS:list',
  'NO_CONTENT:read',
  'REQUIRED_PARAM_MISSING:fields',
  'LIMIT_EXCEEDED:fields',
  'DISCRETE_PAGINATION_LIMIT_EXCEEDED',
  'SUCCESS:search',
  'NO_CONTENT:search',
  'REQUIRED_PARAM_MISSING:search',
  'INVALID_QUERY',
  'LIMIT_EXCEEDED:criteria',
  'OAUTH_SCOPE_MISMATCH:search',
  'REQUIRED_PARAM_MISSING:ids',
] as const;
