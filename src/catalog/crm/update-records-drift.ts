// Where the Update Records page and its saved Postman examples contradict each other: every variant, the one expected, and why.

import { openApiRef } from '../doc-refs.ts';
import type { DocRef, DriftPoint } from '../types.ts';

const PAGE = 'crm-update-records.txt';
const ITEM = 'crm-update-records-postman-item.txt';
const LOCKING_PAGE = 'crm-update-record-locking-information.txt';

const errorsTable = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
const savedExample = (name: string): DocRef => ({
  page: ITEM,
  section: `Postman Collection Item JSON: response "${name}"`,
});

/** RECORD_LOCKED: 400 in the errors table, 202 with a per-record entry in the saved example. */
export const recordLockedStatus: DriftPoint = {
  id: 'crm-update-records/record-locked-status',
  topic: 'HTTP status and shape of RECORD_LOCKED',
  variants: [
    { source: errorsTable('RECORD_LOCKED'), says: 'HTTP 400', status: 400 },
    {
      source: savedExample('RECORD_LOCKED'),
      says: 'HTTP 202 with a per-record entry in data[]',
      status: 202,
      shape: 'records',
    },
  ],
  expected: 1,
  why: 'The saved example is a captured response, and Update Records answers per input record: a 400 for the whole call could not report the other records of a bulk update.',
};

/** NOT_APPROVED: same contradiction as RECORD_LOCKED. */
export const notApprovedStatus: DriftPoint = {
  id: 'crm-update-records/not-approved-status',
  topic: 'HTTP status and shape of NOT_APPROVED',
  variants: [
    { source: errorsTable('NOT_APPROVED'), says: 'HTTP 400', status: 400 },
    {
      source: savedExample('NOT_APPROVED'),
      says: 'HTTP 202 with a per-record entry in data[]',
      status: 202,
      shape: 'records',
    },
  ],
  expected: 1,
  why: 'As for RECORD_LOCKED: the captured response is per record, which is how the endpoint reports every record-level error.',
};

/** INVALID_DATA: 202 per record on the page, 400 top-level in the saved example. */
export const invalidDataShape: DriftPoint = {
  id: 'crm-update-records/invalid-data-status-shape',
  topic: 'HTTP status and shape of INVALID_DATA',
  variants: [
    {
      source: errorsTable('INVALID_DATA'),
      says: 'HTTP 202, "the id given seems to be invalid" (a per-record error)',
      status: 202,
      shape: 'records',
    },
    {
      source: savedExample('INVALID_DATA'),
      says: 'HTTP 400, top-level object, details.expected_data_type "jsonobject", for a body that is not valid JSON',
      status: 400,
      shape: 'error',
    },
  ],
  expected: { 'invalid-data-id': 0, 'invalid-data-body': 1 },
  why: 'Both are kept, as two cases: the page describes an unknown record id (per record, 202, expected by the invalid-id case); the saved example was provoked by a malformed body (whole request, 400, expected by the malformed-body case).',
};

/** OAUTH_SCOPE_MISMATCH message: "Unauthorized" on the page, the captured message in the example. */
export const scopeMismatchMessage: DriftPoint = {
  id: 'crm-update-records/oauth-scope-mismatch-message',
  topic: 'Message of OAUTH_SCOPE_MISMATCH',
  variants: [
    { source: errorsTable('OAUTH_SCOPE_MISMATCH'), says: 'message "Unauthorized"', message: 'Unauthorized' },
    {
      source: savedExample('OAUTH_SCOPE_MISMATCH'),
      says: 'message "invalid oauth scope to access this URL"',
      message: 'invalid oauth scope to access this URL',
    },
  ],
  expected: 1,
  why: 'The saved example is a captured body, and zoho-notes.md (section 4) quotes the same message; no crm-oas file contains either variant (record.json gives OAUTH_SCOPE_MISMATCH no message of its own). "Unauthorized" reads as the HTTP reason phrase. Either passes.',
};

/** INVALID_REQUEST_METHOD: 400 here, 403 on the record-locking page. */
export const invalidMethodStatus: DriftPoint = {
  id: 'crm/invalid-request-method-status',
  topic: 'HTTP status of INVALID_REQUEST_METHOD',
  variants: [
    { source: errorsTable('INVALID_REQUEST_METHOD'), says: 'HTTP 400', status: 400 },
    { source: savedExample('INVALID_REQUEST_METHOD'), says: 'HTTP 400 (method COPY)', status: 400 },
    {
      source: { page: LOCKING_PAGE, section: 'Possible Errors: INVALID_REQUEST_METHOD' },
      says: 'HTTP 403',
      status: 403,
    },
  ],
  expected: 0,
  why: 'For Update Records both of its own sources agree on 400; the 403 belongs to another endpoint and is kept for it.',
};

/** The saved item authenticates with Bearer; the page and every SDK use Zoho-oauthtoken. */
export const authorizationScheme: DriftPoint = {
  id: 'crm-update-records/authorization-scheme',
  topic: 'Authorization header scheme',
  variants: [
    { source: { page: PAGE, section: 'Header' }, says: 'Authorization: Zoho-oauthtoken <token>' },
    {
      source: { page: ITEM, section: 'Curl Command' },
      says: 'Authorization: Bearer <access_token> (auth type "bearer")',
    },
    {
      source: { page: ITEM, section: 'Postman Collection Item JSON: request.header and every originalRequest.header' },
      says: 'Authorization: {{authorization-token}}, a bare variable with no scheme at all',
    },
  ],
  expected: 0,
  why: 'The page, every sample request and the official SDK (zoho-notes.md section 1) send "Zoho-oauthtoken "; the item sends both a Bearer header and a bare {{authorization-token}}, so neither says which scheme authenticated it. The cases send "Zoho-oauthtoken <token>"; the invalid-token case keeps the scheme and breaks the token.',
};

/** `id` is a mandatory key on the page; the saved item updates by URL with a body that has none. */
export const idMandatory: DriftPoint = {
  id: 'crm-update-records/id-mandatory',
  topic: 'Is `id` mandatory in the body when the URL names the record?',
  variants: [
    {
      source: { page: PAGE, section: 'Request JSON Keys: id string, mandatory' },
      says: '`id` is mandatory: a body without it is MANDATORY_NOT_FOUND (HTTP 202)',
      status: 202,
    },
    {
      source: savedExample('SUCCESS RESPONSE'),
      says: 'PUT /crm/v2/Leads/{record_id} with no `id` in the body: SUCCESS, HTTP 200',
      status: 200,
    },
  ],
  expected: 1,
  why: 'The page lists one key table for both URLs; the item is a captured answer to the single-record URL. The suite reads `id` as mandatory in the bulk form only (mandatory-not-found cases) and sends none in the single form (success-single).',
};

/** OAUTH_SCOPE_MISMATCH's resolution names UPDATE; the Scope section allows ALL, WRITE or UPDATE. */
export const scopeMismatchResolution: DriftPoint = {
  id: 'crm-update-records/oauth-scope-mismatch-resolution',
  topic: 'Which operation type the update scope needs',
  variants: [
    {
      source: errorsTable('OAUTH_SCOPE_MISMATCH'),
      says: 'Resolution: "Client does not have ZohoCRM.modules.{module_name}.UPDATE scope" (UPDATE only)',
    },
    {
      source: { page: PAGE, section: 'Scope; Possible operation types' },
      says: 'ZohoCRM.modules.ALL, or ZohoCRM.modules.{module_name}.{ALL|WRITE|UPDATE}',
    },
  ],
  expected: 1,
  why: "The Scope section is the endpoint's specification; the resolution names the narrowest scope that suffices. The catalog and the mock accept ALL, WRITE and UPDATE; the scope-mismatch case sends a token with none of them, so both readings expect its 401.",
};

/** crm-oas documents every Update Records answer, errors included, under HTTP 200. */
export const openApiStatuses: DriftPoint = {
  id: 'crm-update-records/openapi-statuses',
  topic: 'HTTP statuses of Update Records answers: the page per code, the OpenAPI only 200',
  variants: [
    {
      source: { page: PAGE, section: 'Possible Errors' },
      says: 'a status per code: 202 per-record errors, 400/401/403/404 top-level errors, 500',
    },
    {
      source: openApiRef(
        'record.json',
        'paths["/crm/v8/{module_api_name}"].put.responses and paths["/crm/v8/{module_api_name}/{id}"].put.responses',
      ),
      says: 'one response, "200", whose body is either data[] (Success_Response | API_Exception) or one API_Exception',
    },
  ],
  expected: 0,
  why: 'The page and the captured examples print statuses per code; the OpenAPI lists no other status for these operations, errors included, which reads as "not described" rather than "always 200". The cases keep the page\'s statuses.',
};

/** The type of `details.maximum_length` differs between the two OpenAPI files. */
export const maximumLengthType: DriftPoint = {
  id: 'crm/maximum-length-type',
  topic: 'Type of details.maximum_length in an INVALID_DATA for an over-long value',
  variants: [
    {
      source: openApiRef(
        'record.json',
        'components.schemas.API_Exception.properties.details.properties.maximum_length',
      ),
      says: 'a string',
    },
    {
      source: openApiRef('record_locking.json', 'components.schemas.Maximum_Length.properties.maximum_length'),
      says: 'an integer (int32)',
    },
  ],
  expected: 0,
  why: "No page prints the key. The Update Records schema accepts both types (the endpoint's own file says string, the mock answers an integer as record_locking.json has it); a live run shows which one an org sends.",
};

/** The page lists v2.1 URLs, the saved item v2 URLs. */
export const apiVersions: DriftPoint = {
  id: 'crm-update-records/api-version',
  topic: 'API version in the request URL',
  variants: [
    { source: { page: PAGE, section: 'Sample Request' }, says: '/crm/v2.1/...' },
    { source: { page: ITEM, section: 'Curl Command' }, says: '/crm/v2/...' },
  ],
  expected: 0,
  why: 'Not a contradiction to settle: both versions get a collection; the optional keys documented only on the v2.1 page are cased for v2.1 only.',
};
