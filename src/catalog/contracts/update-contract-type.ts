// Zoho Contracts Update Contract Type (contracts-update-contract-type.txt): every documented behaviour as a case. Pure data.

import { openDetails } from '../envelopes.ts';
import { notesRef } from '../doc-refs.ts';
import type { Case, DocRef, DriftPoint, Endpoint, Unconfirmed } from '../types.ts';
import { contractTypeEchoes, contractTypeMessages } from './update-contract-type-echoes.ts';

const PAGE = 'contracts-update-contract-type.txt';
const errors = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
const PATH = '/api/{version}/admin/contracttypes/{{contract_type_api_name}}';
const FULL = { token: 'access_token' } as const;
const both = ['mock', 'live'] as const;
const rename = { name: 'Master Services Agreement' };

const updateMethod: DriftPoint = {
  id: 'contracts-update-contract-type/update-method',
  topic: 'The sample request sends `-X UPDATE`, which is not an HTTP method',
  variants: [
    { source: { page: PAGE, section: 'Sample Request' }, says: 'curl -X UPDATE ...' },
    {
      source: { page: PAGE, section: 'Purpose; Possible Operation Types' },
      says: 'an update of a resource: PUT, as every Zoho update API',
    },
  ],
  expected: 1,
  why: 'The collection sends PUT; a server that receives UPDATE must answer INVALID_REQUEST_METHOD, which the invalid-request-method case checks by sending UPDATE.',
};

const scopes: DriftPoint = {
  id: 'contracts-update-contract-type/scopes',
  topic: 'Which scope the update needs: the page lists two, the catalog uses another pair',
  variants: [
    {
      source: { page: PAGE, section: 'Scope' },
      says: 'contracts.meta.UPDATE, contracts.contracts.ALL (a list, and/or unclear)',
    },
    { source: errors('OAUTH_SCOPE_MISMATCH'), says: 'Client does not have contracts.meta.UPDATE scope' },
    {
      source: { page: PAGE, section: 'Possible Operation Types' },
      says: 'ALL or UPDATE of contract type details: contracts.meta.{ALL|UPDATE}',
    },
    {
      source: notesRef('2. Data centres and domains: Zoho Contracts (list of scopes)'),
      says: 'contracts.contracts.{CREATE|READ|UPDATE|DELETE|ALL} are scopes of contracts, not of contract types',
    },
  ],
  expected: 2,
  why: "The catalog lists contracts.meta.UPDATE and contracts.meta.ALL, not the page's contracts.contracts.ALL: the error text names only contracts.meta.UPDATE, the operation types apply ALL and UPDATE to contract type details, and contracts.contracts.* scopes cover contract records. The scope-mismatch case sends a token with none of the three, so every reading expects its 401; a live org shows whether contracts.contracts.ALL alone would do.",
};

const sampleBody: DriftPoint = {
  id: 'contracts-update-contract-type/sample-body',
  topic: 'The sample request sends no body; the Sample Input is not JSON',
  variants: [
    {
      source: { page: PAGE, section: 'Sample Request' },
      says: 'curl -X UPDATE with an Authorization header and no -d: no body at all',
    },
    {
      source: { page: PAGE, section: 'Sample Input' },
      says: '{"name": String}: a type placeholder where a JSON value belongs',
    },
    { source: { page: PAGE, section: 'Input JSON Keys' }, says: 'name, a string (not marked mandatory)' },
  ],
  expected: 2,
  why: 'The cases send {"name": "<a new name>"} as JSON with a Content-Type; what Zoho answers to an update without a name is not documented, so no case sends one.',
};

/** The page prints codes and statuses, no bodies: the body shape is Zoho's usual envelope. */
const errorBody: Unconfirmed = {
  claim:
    'the top-level error body {code, details, message, status: "error"} (the page prints the code, status and message, no body)',
  silent: { page: PAGE, section: 'Possible Errors (codes, statuses and messages; no body)' },
  source: notesRef('4. Response envelopes: Top-level auth errors'),
  openApi: { says: 'silent', detail: 'crm-oas describes CRM, not Contracts.' },
};

/** The page prints the success body with no status. */
const successStatus: Unconfirmed = {
  claim: 'HTTP 200 for a success (the page prints {"Type": String, "apiName": String} with no status)',
  silent: { page: PAGE, section: 'Sample Response' },
  source: {
    page: 'crm-update-records-postman-item.txt',
    section: 'Postman Collection Item JSON: response "SUCCESS RESPONSE" (code 200, the CRM record APIs)',
  },
  openApi: { says: 'silent', detail: 'crm-oas describes CRM, not Contracts.' },
};

/** AUTHORIZATION_FAILED beside NO_PERMISSION: the page prints both, and what provokes each only as resolutions. */
const authorizationFailed: Unconfirmed = {
  claim:
    'AUTHORIZATION_FAILED, HTTP 400, for a user who may update records but is not an administrator (contract types are organisation settings), apart from NO_PERMISSION',
  silent: errors('AUTHORIZATION_FAILED (which user: not said)'),
  source: {
    page: PAGE,
    section:
      'Possible Errors: AUTHORIZATION_FAILED resolution ("module details"; "Contact your organization administrator")',
  },
  openApi: { says: 'silent', detail: 'crm-oas describes CRM, not Contracts.' },
};

const envelope: DriftPoint = {
  id: 'contracts-update-contract-type/envelopes',
  topic: 'Response bodies: a placeholder success body and no error bodies',
  variants: [
    {
      source: { page: PAGE, section: 'Sample Response' },
      says: '{"Type": String, "apiName": String} (types as placeholders, not JSON)',
    },
    {
      source: { page: 'zoho-notes.md', section: '4. Response envelopes' },
      says: "Zoho's top-level error object {code, details, message, status}",
    },
  ],
  expected: 1,
  why: 'The success schema takes both keys as strings; the page prints no error body, so errors are checked against the usual Zoho envelope (UNCONFIRMED for Contracts).',
};

const host: DriftPoint = {
  id: 'contracts-update-contract-type/host',
  topic: 'Contracts host per data centre',
  variants: [
    {
      source: { page: PAGE, section: 'Request URL' },
      says: 'https://contracts.zoho.com/api/v1/... (the US data centre only)',
    },
    {
      source: { page: 'zoho-notes.md', section: '2. Data centres: Zoho Contracts' },
      says: 'contracts.zoho.{com|eu|in|com.au|jp|sa} and contracts.zohocloud.ca, not on zohoapis',
    },
  ],
  expected: 1,
  why: 'The collection uses {{contracts_domain}}, which each target maps to its own Contracts host (the mock runs a second server for it).',
};

const error = (id: string, name: string, code: string, status: number, overrides: Partial<Case> = {}): Case => ({
  id,
  name,
  group: overrides.group ?? 'request errors',
  request: { method: 'PUT', path: PATH, auth: FULL, body: rename },
  expect: { shape: 'error', status, code },
  doc: errors(code),
  provocable: both,
  drift: [envelope],
  unconfirmed: [errorBody],
  ...overrides,
});

const cases: readonly Case[] = [
  {
    id: 'success',
    name: 'SUCCESS: the contract type is renamed and its apiName returned',
    group: 'success',
    request: { method: 'PUT', path: PATH, auth: FULL, body: rename },
    expect: { shape: 'object', status: 200 },
    doc: { page: PAGE, section: 'Sample Input; Response JSON Keys; Sample Response' },
    provocable: both,
    drift: [envelope, host, sampleBody],
    unconfirmed: [successStatus],
  },
  error(
    'invalid-url-pattern',
    'INVALID_URL_PATTERN when the URL is not a contract-type route',
    'INVALID_URL_PATTERN',
    404,
    {
      request: {
        method: 'PUT',
        path: '/api/{version}/admin/contracttype/{{contract_type_api_name}}',
        auth: FULL,
        body: rename,
      },
    },
  ),
  error(
    'invalid-request-method',
    "INVALID_REQUEST_METHOD when the sample's UPDATE method is sent",
    'INVALID_REQUEST_METHOD',
    400,
    {
      request: { method: 'UPDATE', path: PATH, auth: FULL, body: rename },
      drift: [envelope, updateMethod],
    },
  ),
  error(
    'oauth-scope-mismatch',
    'OAUTH_SCOPE_MISMATCH when the token lacks contracts.meta.UPDATE',
    'OAUTH_SCOPE_MISMATCH',
    401,
    {
      group: 'auth',
      request: { method: 'PUT', path: PATH, auth: { token: 'token_without_scope' }, body: rename },
      drift: [envelope, scopes],
    },
  ),
  error('no-permission', 'NO_PERMISSION when the user may not update', 'NO_PERMISSION', 403, {
    group: 'auth',
    request: { method: 'PUT', path: PATH, auth: { token: 'token_no_permission' }, body: rename },
  }),
  error(
    'authorization-failed',
    'AUTHORIZATION_FAILED when the user may not change module details',
    'AUTHORIZATION_FAILED',
    400,
    {
      group: 'auth',
      request: { method: 'PUT', path: PATH, auth: { token: 'token_restricted_user' }, body: rename },
      unconfirmed: [errorBody, authorizationFailed],
    },
  ),
  error('internal-error', 'INTERNAL_ERROR when the server fails unexpectedly', 'INTERNAL_ERROR', 500, {
    group: 'server errors',
    request: { method: 'PUT', path: PATH, auth: FULL, body: rename, headers: { 'X-Mock-Fault': 'internal-error' } },
    provocable: ['mock'],
  }),
];

/** Zoho Contracts Update Contract Type: rename a contract type by its apiName, on the Contracts host. */
export const updateContractType = {
  product: 'contracts',
  id: 'update-contract-type',
  title: 'Update Contract Type',
  docPage: PAGE,
  method: 'PUT',
  paths: ['/api/{version}/admin/contracttypes/{apiName}'],
  versions: ['v1'],
  contractVersion: '1.0.0',
  host: 'contracts',
  scopes: ['contracts.meta.UPDATE', 'contracts.meta.ALL'],
  documentedCodes: [
    'SUCCESS',
    'INVALID_URL_PATTERN',
    'OAUTH_SCOPE_MISMATCH',
    'NO_PERMISSION',
    'INTERNAL_ERROR',
    'INVALID_REQUEST_METHOD',
    'AUTHORIZATION_FAILED',
  ],
  keys: { mandatory: [], optional: ['name'] },
  details: {
    records: {},
    // Response JSON Keys: Type and apiName, both strings. Another key is an undocumented-key finding like any other
    // (failing only under --strict, docs/verdict.md), not a schema error: one rule for every endpoint.
    object: {
      type: 'object',
      required: ['Type', 'apiName'],
      properties: { Type: { type: 'string' }, apiName: { type: 'string', minLength: 1 } },
    },
    // The page prints codes, statuses and messages, no bodies: Zoho's usual envelope with any details (see the envelopes drift point).
    errors: openDetails(
      [
        'INVALID_URL_PATTERN',
        'OAUTH_SCOPE_MISMATCH',
        'NO_PERMISSION',
        'INTERNAL_ERROR',
        'INVALID_REQUEST_METHOD',
        'AUTHORIZATION_FAILED',
      ],
      (code) => [errors(code)],
    ),
  },
  cases,
  drift: [updateMethod, scopes, envelope, host, sampleBody],
  echoes: contractTypeEchoes,
  messages: contractTypeMessages,
} satisfies Endpoint;
