// CRM Update Records (crm-update-records.txt + its saved Postman item): every documented behaviour as a case. Pure data.

import type { Case, Endpoint } from '../types.ts';
import { authErrors } from './update-records-auth-errors.ts';
import { requestErrors } from './update-records-request-errors.ts';
import { updateRecordsDetails } from './update-records-details.ts';
import { updateRecordsEchoes, updateRecordsMessages } from './update-records-echoes.ts';
import {
  apiVersions,
  authorizationScheme,
  idMandatory,
  invalidDataShape,
  maximumLengthType,
  notApprovedStatus,
  openApiStatuses,
  recordLockedStatus,
  scopeMismatchResolution,
} from './update-records-drift.ts';
import {
  duplicateDataDetails,
  openApiEnums,
  recordLockedDataStatus,
  recordLockedMessage,
} from './update-records-openapi-drift.ts';
import { BULK, FULL, PAGE, SINGLE, both, bulkEntries, errors, lead, participants } from './update-records-requests.ts';
import { appendValuesVersions, mixedStatus, overLongStatus } from './update-records-unconfirmed.ts';

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
      body: {
        data: [
          { id: '{{record_id}}', ...lead('Bulk One') },
          { id: '{{second_record_id}}', ...lead('Bulk Two') },
        ],
      },
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
    request: {
      method: 'PUT',
      path: SINGLE,
      auth: FULL,
      body: { data: [lead('Triggered')], trigger: ['approval', 'workflow', 'blueprint'] },
    },
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
      body: {
        data: [{ id: '{{deal_id}}', Foreign_Languages: ['Korean'], $append_values: { Foreign_Languages: true } }],
      },
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
    request: {
      method: 'PUT',
      path: SINGLE,
      auth: FULL,
      body: { data: [lead('Assigned')], lar_id: '3652397000000129001' },
    },
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
    request: {
      method: 'PUT',
      path: BULK,
      auth: FULL,
      body: { data: [{ id: '3652397000099999999', ...lead('Nobody') }] },
    },
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
    doc: {
      page: PAGE,
      section: "Note: The 'INVALID_DATA' error is thrown if the field value length is more than the maximum length",
    },
    provocable: both,
    note: 'Last_Name of Leads allows 80 characters in a default org (Fields metadata); an org that changed it needs a longer value.',
    unconfirmed: [overLongStatus],
    messageNotPrinted: {
      INVALID_DATA: "the page prints INVALID_DATA's message for an unknown id, none for an over-long value",
    },
  },
  {
    id: 'mandatory-not-found',
    name: 'MANDATORY_NOT_FOUND for the bulk entry without an id, beside a success',
    group: 'record errors',
    request: {
      method: 'PUT',
      path: BULK,
      auth: FULL,
      body: { data: [{ id: '{{record_id}}', ...lead('Has Id') }, lead('No Id')] },
    },
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
    doc: {
      page: 'crm-update-records-postman-item.txt',
      section: 'Postman Collection Item JSON: response "MANDATORY_NOT_FOUND"',
    },
    provocable: both,
  },
  {
    id: 'duplicate-data',
    name: 'DUPLICATE_DATA when a unique field repeats another record',
    group: 'record errors',
    request: {
      method: 'PUT',
      path: '/crm/{version}/Leads/{{second_record_id}}',
      auth: FULL,
      body: { data: [{ Mobile: '{{existing_mobile}}' }] },
    },
    expect: { shape: 'records', status: 202, codes: ['DUPLICATE_DATA'] },
    doc: errors('DUPLICATE_DATA'),
    provocable: both,
    drift: [duplicateDataDetails],
  },
  {
    id: 'limit-exceeded-participants',
    name: 'LIMIT_EXCEEDED when an event gets more than 50 participants',
    group: 'record errors',
    request: {
      method: 'PUT',
      path: '/crm/{version}/Events/{{event_id}}',
      auth: FULL,
      body: { data: [{ Participants: participants(51) }] },
    },
    expect: { shape: 'records', status: 202, codes: ['LIMIT_EXCEEDED'] },
    doc: errors('LIMIT_EXCEEDED'),
    provocable: both,
  },
  {
    id: 'record-locked',
    name: 'RECORD_LOCKED when the record is locked',
    group: 'record errors',
    request: {
      method: 'PUT',
      path: '/crm/{version}/Leads/{{locked_record_id}}',
      auth: FULL,
      body: { data: [lead('Locked')] },
    },
    expect: { shape: 'records', status: 202, codes: ['RECORD_LOCKED'] },
    doc: errors('RECORD_LOCKED'),
    provocable: both,
    drift: [recordLockedStatus, recordLockedDataStatus, recordLockedMessage],
  },
  {
    id: 'not-approved',
    name: 'NOT_APPROVED when the record awaits approval',
    group: 'record errors',
    request: {
      method: 'PUT',
      path: '/crm/{version}/Leads/{{unapproved_record_id}}',
      auth: FULL,
      body: { data: [lead('Pending')] },
    },
    expect: { shape: 'records', status: 202, codes: ['NOT_APPROVED'] },
    doc: errors('NOT_APPROVED'),
    provocable: both,
    drift: [notApprovedStatus, recordLockedMessage],
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
  drift: [authorizationScheme, apiVersions, scopeMismatchResolution, openApiStatuses, maximumLengthType, openApiEnums],
  echoes: updateRecordsEchoes,
  messages: updateRecordsMessages,
} satisfies Endpoint;
