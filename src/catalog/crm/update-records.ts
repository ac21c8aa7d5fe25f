// CRM Update Records (crm-update-records.txt + its saved Postman item): every documented behaviour as a case. Pure data.

import type { Case, DocRef, Endpoint, JsonValue } from '../types.ts';
import { updateRecordsDetails } from './update-records-details.ts';
import { updateRecordsEchoes, updateRecordsMessages } from './update-records-echoes.ts';
import {
  apiVersions,
  authorizationScheme,
  idMandatory,
  invalidDataShape,
  invalidMethodStatus,
  maximumLengthType,
  notApprovedStatus,
  openApiStatuses,
  recordLockedStatus,
  scopeMismatchMessage,
  scopeMismatchResolution,
} from './update-records-drift.ts';
import { appendValuesVersions, invalidToken, mixedStatus, overLimit, overLongStatus } from './update-records-unconfirmed.ts';

const PAGE = 'crm-update-records.txt';
const errors = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
const SINGLE = '/crm/{version}/Leads/{{record_id}}';
const BULK = '/crm/{version}/Leads';
const FULL = { token: 'access_token' } as const;
const both = ['mock', 'live'] as const;

/** A small, valid Lead update. */
const lead = (name: string): { [key: string]: JsonValue } => ({ Last_Name: name, Company: 'Zylker' });

/** `count` bulk entries over the target's bulk fixture ids (bulk_id_001 ...). */
function bulkEntries(count: number): JsonValue[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return { id: `{{bulk_id_${n}}}`, Last_Name: `Bulk ${n}` };
  });
}

/** `count` Event participants, one address each. */
function participants(count: number): JsonValue[] {
  return Array.from({ length: count }, (_, i) => ({ type: 'email', participant: `guest${i + 1}@zylker.com` }));
}

const success: readonly Case[] = [
  {
    id: 'success-single',
    name: 'SUCCESS when one record is updated by the id in the URL',
    group: 'success',
    request: { method: 'PUT', path: SINGLE, auth: FULL, body: { data: [lead('Contract Suite')] } },
    expect: { shape: 'records', status: 200, codes: ['SUCCESS'] },
    doc: { page: PAGE, section: 'Request URL: To update a specific record; Sample Response' },
    provocable: both,
    drift: [idMandatory],
  },
  {
    id: 'success-bulk',
    name: 'SUCCESS for each record of a bulk update, in order',
    group: 'success',
    request: {
      method: 'PUT',
      path: BULK,
      auth: FULL,
      body: { data: [{ id: '{{record_id}}', ...lead('Bulk One') }, { id: '{{second_record_id}}', ...lead('Bulk Two') }] },
    },
    expect: { shape: 'records', status: 200, codes: ['SUCCESS', 'SUCCESS'] },
    doc: { page: PAGE, section: 'Request URL; Request JSON Keys: id' },
    provocable: both,
  },
  {
    id: 'success-bulk-maximum',
    name: 'SUCCESS for each of the maximum 100 records in one call',
    group: 'success',
    request: { method: 'PUT', path: BULK, auth: FULL, body: { data: bulkEntries(100) } },
    expect: { shape: 'records', status: 200, codes: Array.from({ length: 100 }, () => 'SUCCESS') },
    doc: { page: PAGE, section: 'Note: A maximum of 100 records can be updated per API call' },
    provocable: both,
  },
  {
    id: 'success-trigger',
    name: 'SUCCESS with the optional trigger key',
    group: 'success',
    request: { method: 'PUT', path: SINGLE, auth: FULL, body: { data: [lead('Triggered')], trigger: ['approval', 'workflow', 'blueprint'] } },
    expect: { shape: 'records', status: 200, codes: ['SUCCESS'] },
    doc: { page: PAGE, section: 'Sample Request: $request->setTrigger(["approval", "workflow", "blueprint"])' },
    provocable: both,
    versions: ['v2.1', 'v8'],
    note: 'trigger, $append_values and lar_id are shown only on the v2.1 page, not in the v2 saved item; v8 keeps trigger and lar_id in its body wrapper (zoho-notes.md section 4, crm-oas Body_Wrapper).',
  },
  {
    id: 'success-append-values',
    name: 'SUCCESS appending to a multi-select picklist with $append_values',
    group: 'success',
    request: {
      method: 'PUT',
      path: '/crm/{version}/Deals',
      auth: FULL,
      body: { data: [{ id: '{{deal_id}}', Foreign_Languages: ['Korean'], $append_values: { Foreign_Languages: true } }] },
    },
    expect: { shape: 'records', status: 200, codes: ['SUCCESS'] },
    doc: { page: PAGE, section: 'Request JSON Keys: $append_values; Sample Input' },
    provocable: both,
    versions: ['v2.1'],
    note: '$append_values is a per-record key documented on the v2.1 page; no source says whether v8 keeps it, so the case is not claimed for v8.',
    unconfirmed: [appendValuesVersions],
  },
  {
    id: 'success-lar-id',
    name: 'SUCCESS with the optional lar_id key',
    group: 'success',
    request: { method: 'PUT', path: SINGLE, auth: FULL, body: { data: [lead('Assigned')], lar_id: '3652397000000129001' } },
    expect: { shape: 'records', status: 200, codes: ['SUCCESS'] },
    doc: { page: PAGE, section: 'Sample Request: body_wrapper.lar_id' },
    provocable: both,
    versions: ['v2.1', 'v8'],
  },
];

const recordErrors: readonly Case[] = [
  {
    id: 'invalid-data-id',
    name: 'INVALID_DATA per record when the id does not exist',
    group: 'record errors',
    request: { method: 'PUT', path: BULK, auth: FULL, body: { data: [{ id: '3652397000099999999', ...lead('Nobody') }] } },
    expect: { shape: 'records', status: 202, codes: ['INVALID_DATA'] },
    doc: errors('INVALID_DATA'),
    provocable: both,
    drift: [invalidDataShape],
  },
  {
    id: 'invalid-data-length',
    name: 'INVALID_DATA per record when a value is longer than the field allows',
    group: 'record errors',
    request: { method: 'PUT', path: SINGLE, auth: FULL, body: { data: [{ Last_Name: 'x'.repeat(81) }] } },
    expect: { shape: 'records', status: 202, codes: ['INVALID_DATA'] },
    doc: { page: PAGE, section: "Note: The 'INVALID_DATA' error is thrown if the field value length is more than the maximum length" },
    provocable: both,
    note: 'Last_Name of Leads allows 80 characters in a default org (Fields metadata); an org that changed it needs a longer value.',
    unconfirmed: [overLongStatus],
    messageNotPrinted: { INVALID_DATA: "the page prints INVALID_DATA's message for an unknown id, none for an over-long value" },
  },
  {
    id: 'mandatory-not-found',
    name: 'MANDATORY_NOT_FOUND for the bulk entry without an id, beside a success',
    group: 'record errors',
    request: { method: 'PUT', path: BULK, auth: FULL, body: { data: [{ id: '{{record_id}}', ...lead('Has Id') }, lead('No Id')] } },
    expect: { shape: 'records', status: 202, codes: ['SUCCESS', 'MANDATORY_NOT_FOUND'] },
    doc: errors('MANDATORY_NOT_FOUND'),
    provocable: both,
    unconfirmed: [mixedStatus],
  },
  {
    id: 'mandatory-not-found-single',
    name: 'MANDATORY_NOT_FOUND alone for a bulk update of one record without an id',
    group: 'record errors',
    request: { method: 'PUT', path: BULK, auth: FULL, body: { data: [lead('Only No Id')] } },
    expect: { shape: 'records', status: 202, codes: ['MANDATORY_NOT_FOUND'] },
    doc: { page: 'crm-update-records-postman-item.txt', section: 'Postman Collection Item JSON: response "MANDATORY_NOT_FOUND"' },
    provocable: both,
  },
  {
    id: 'duplicate-data',
    name: 'DUPLICATE_DATA when a unique field repeats another record',
    group: 'record errors',
    request: { method: 'PUT', path: '/crm/{version}/Leads/{{second_record_id}}', auth: FULL, body: { data: [{ Mobile: '{{existing_mobile}}' }] } },
    expect: { shape: 'records', status: 202, codes: ['DUPLICATE_DATA'] },
    doc: errors('DUPLICATE_DATA'),
    provocable: both,
  },
  {
    id: 'limit-exceeded-participants',
    name: 'LIMIT_EXCEEDED when an event gets more than 50 participants',
    group: 'record errors',
    request: { method: 'PUT', path: '/crm/{version}/Events/{{event_id}}', auth: FULL, body: { data: [{ Participants: participants(51) }] } },
    expect: { shape: 'records', status: 202, codes: ['LIMIT_EXCEEDED'] },
    doc: errors('LIMIT_EXCEEDED'),
    provocable: both,
  },
  {
    id: 'record-locked',
    name: 'RECORD_LOCKED when the record is locked',
    group: 'record errors',
    request: { method: 'PUT', path: '/crm/{version}/Leads/{{locked_record_id}}', auth: FULL, body: { data: [lead('Locked')] } },
    expect: { shape: 'records', status: 202, codes: ['RECORD_LOCKED'] },
    doc: errors('RECORD_LOCKED'),
    provocable: both,
    drift: [recordLockedStatus],
  },
  {
    id: 'not-approved',
    name: 'NOT_APPROVED when the record awaits approval',
    group: 'record errors',
    request: { method: 'PUT', path: '/crm/{version}/Leads/{{unapproved_record_id}}', auth: FULL, body: { data: [lead('Pending')] } },
    expect: { shape: 'records', status: 202, codes: ['NOT_APPROVED'] },
    doc: errors('NOT_APPROVED'),
    provocable: both,
    drift: [notApprovedStatus],
  },
];

const requestErrors: readonly Case[] = [
  {
    id: 'invalid-module',
    name: 'INVALID_MODULE when the module name is wrong',
    group: 'request errors',
    request: { method: 'PUT', path: '/crm/{version}/Lead/{{record_id}}', auth: FULL, body: { data: [lead('Typo')] } },
    expect: { shape: 'error', status: 400, code: 'INVALID_MODULE', message: 'the module name given seems to be invalid' },
    doc: errors('INVALID_MODULE (the module name given seems to be invalid)'),
    provocable: both,
  },
  {
    id: 'invalid-module-unsupported',
    name: 'INVALID_MODULE when the module is not supported in the API',
    group: 'request errors',
    request: { method: 'PUT', path: '/crm/{version}/Documents/{{record_id}}', auth: FULL, body: { data: [lead('Unsupported')] } },
    expect: { shape: 'error', status: 400, code: 'INVALID_MODULE', message: 'the given module is not supported in api' },
    doc: errors('INVALID_MODULE (The given module is not supported in API)'),
    provocable: both,
  },
  {
    id: 'invalid-data-body',
    name: 'INVALID_DATA for the whole request when the body is not JSON',
    group: 'request errors',
    request: { method: 'PUT', path: BULK, auth: FULL, body: { raw: '{\n "data": [\n {\n "id": 123\n "Last_Name": "Last_Name"\n }\n ]\n}' } },
    expect: { shape: 'error', status: 400, code: 'INVALID_DATA' },
    doc: { page: 'crm-update-records-postman-item.txt', section: 'Postman Collection Item JSON: response "INVALID_DATA"' },
    provocable: both,
    drift: [invalidDataShape],
  },
  {
    id: 'invalid-url-pattern',
    name: 'INVALID_URL_PATTERN when the URL is not an API route',
    group: 'request errors',
    request: { method: 'PUT', path: '/crm/{version}/Leads/{{record_id}}/not/a/route', auth: FULL, body: { data: [lead('Lost')] } },
    expect: { shape: 'error', status: 404, code: 'INVALID_URL_PATTERN' },
    doc: errors('INVALID_URL_PATTERN'),
    provocable: both,
  },
  {
    id: 'invalid-request-method',
    name: 'INVALID_REQUEST_METHOD when the method is not one the URL serves',
    group: 'request errors',
    request: { method: 'COPY', path: BULK, auth: FULL, body: { data: [lead('Copied')] } },
    expect: { shape: 'error', status: 400, code: 'INVALID_REQUEST_METHOD' },
    doc: errors('INVALID_REQUEST_METHOD'),
    provocable: both,
    drift: [invalidMethodStatus],
  },
  {
    id: 'limit-exceeded-records',
    name: 'LIMIT_EXCEEDED when a bulk update sends 101 records',
    group: 'request errors',
    request: { method: 'PUT', path: BULK, auth: FULL, body: { data: bulkEntries(101) } },
    expect: { shape: 'error', status: 400, code: 'LIMIT_EXCEEDED' },
    doc: { page: PAGE, section: 'Note: A maximum of 100 records can be updated per API call' },
    provocable: both,
    unconfirmed: [overLimit],
  },
];

const authErrors: readonly Case[] = [
  {
    id: 'oauth-scope-mismatch',
    name: 'OAUTH_SCOPE_MISMATCH when the token lacks the update scope',
    group: 'auth',
    request: { method: 'PUT', path: SINGLE, auth: { token: 'token_without_scope' }, body: { data: [lead('Scope')] } },
    expect: { shape: 'error', status: 401, code: 'OAUTH_SCOPE_MISMATCH' },
    doc: errors('OAUTH_SCOPE_MISMATCH'),
    provocable: both,
    drift: [scopeMismatchMessage, scopeMismatchResolution],
  },
  {
    id: 'no-permission',
    name: 'NO_PERMISSION when the user may not update records',
    group: 'auth',
    request: { method: 'PUT', path: SINGLE, auth: { token: 'token_no_permission' }, body: { data: [lead('Denied')] } },
    expect: { shape: 'error', status: 403, code: 'NO_PERMISSION' },
    doc: errors('NO_PERMISSION'),
    provocable: both,
  },
  {
    id: 'authorization-failed',
    name: "AUTHORIZATION_FAILED when the user may not update that record",
    group: 'auth',
    request: { method: 'PUT', path: '/crm/{version}/Leads/{{private_record_id}}', auth: { token: 'token_restricted_user' }, body: { data: [lead('Private')] } },
    expect: { shape: 'error', status: 400, code: 'AUTHORIZATION_FAILED' },
    doc: errors('AUTHORIZATION_FAILED'),
    provocable: both,
    note: 'The page does not say how AUTHORIZATION_FAILED differs from NO_PERMISSION; the suite reads it as record-level access (another user\'s private record) against profile-level permission.',
  },
  {
    id: 'invalid-token',
    name: 'INVALID_TOKEN when the access token is not valid',
    group: 'auth',
    request: { method: 'PUT', path: SINGLE, auth: { literal: 'Zoho-oauthtoken 1000.00000000000000000000000000000000.00000000000000000000000000000000' }, body: { data: [lead('Bad Token')] } },
    expect: { shape: 'error', status: 401, code: 'INVALID_TOKEN' },
    doc: { page: 'zoho-notes.md', section: '4. Response envelopes: Top-level auth errors' },
    provocable: both,
    unconfirmed: [invalidToken],
  },
  {
    id: 'internal-error',
    name: 'INTERNAL_ERROR when the server fails unexpectedly',
    group: 'server errors',
    request: { method: 'PUT', path: SINGLE, auth: FULL, body: { data: [lead('Boom')] }, headers: { 'X-Mock-Fault': 'internal-error' } },
    expect: { shape: 'error', status: 500, code: 'INTERNAL_ERROR' },
    doc: errors('INTERNAL_ERROR'),
    provocable: ['mock'],
    note: 'Only the mock can be made to fail on purpose (fault-injection header); a live org is never asked to.',
  },
];

/** CRM Update Records: PUT a module's records, in bulk or one by id. */
export const updateRecords = {
  product: 'crm',
  id: 'update-records',
  title: 'Update Records',
  docPage: PAGE,
  method: 'PUT',
  paths: ['/crm/{version}/{module_api_name}', '/crm/{version}/{module_api_name}/{record_id}'],
  // v8 is the version an org is called on today; the record-write envelope is unchanged (zoho-notes.md section 4).
  versions: ['v2', 'v2.1', 'v8'],
  contractVersion: '1.1.0',
  scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.modules.{module_name}.{ALL|WRITE|UPDATE}'],
  documentedCodes: [
    'SUCCESS',
    'INVALID_MODULE',
    'INVALID_DATA',
    'MANDATORY_NOT_FOUND',
    'INVALID_URL_PATTERN',
    'OAUTH_SCOPE_MISMATCH',
    'NO_PERMISSION',
    'INTERNAL_ERROR',
    'INVALID_REQUEST_METHOD',
    'AUTHORIZATION_FAILED',
    'DUPLICATE_DATA',
    'LIMIT_EXCEEDED',
    'RECORD_LOCKED',
    'NOT_APPROVED',
  ],
  keys: { mandatory: ['id'], optional: ['$append_values', 'trigger', 'lar_id'] },
  details: updateRecordsDetails,
  cases: [...success, ...recordErrors, ...requestErrors, ...authErrors],
  drift: [authorizationScheme, apiVersions, scopeMismatchResolution, openApiStatuses, maximumLengthType],
  echoes: updateRecordsEchoes,
  messages: updateRecordsMessages,
} satisfies Endpoint;
