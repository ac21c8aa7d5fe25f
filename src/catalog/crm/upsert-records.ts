// CRM Upsert Records (v8, fact sheet crm-upsert-records.md): insert or update by duplicate check fields. Pure data.

import { notesRef, openApiRef } from '../doc-refs.ts';
import { commonCases, mockInternalError, MOCK_ONLY_NOTE } from '../common-cases.ts';
import { errorsOn, sharedBehaviours } from './records-family-shared.ts';
import type { Case, DocRef, Endpoint, JsonValue, Unconfirmed } from '../types.ts';
import { recordWriteDetails, upsertEntry } from './record-write-details.ts';
import { upsertCaseEchoes, upsertRecordsEchoes, upsertRecordsMessages } from './upsert-records-echoes.ts';

const PAGE = 'crm-upsert-records.md';
const errors = errorsOn(PAGE);
const UPSERT = '/crm/{version}/Leads/upsert';
const FULL = { token: 'access_token' } as const;
const both = ['mock', 'live'] as const;
const lead = (name: string): { [key: string]: JsonValue } => ({ Last_Name: name, Company: 'Zylker' });
const leads = (count: number): JsonValue[] =>
  Array.from({ length: count }, (_, i) => lead(`Upsert ${String(i + 1).padStart(3, '0')}`));

/** The success status: no page the project carries prints it; record.json gives 200. */
const successStatus: Unconfirmed = {
  claim: 'HTTP 200 for a successful upsert',
  silent: { page: PAGE, section: 'Success: Sample Response: status' },
  source: notesRef('4. Response envelopes (Update Records and errors)'),
  openApi: {
    says: 'agrees',
    source: openApiRef('record.json', 'paths["/crm/v8/{module_api_name}/upsert"].post.responses["200"]'),
    detail: 'only 200 is listed',
  },
};

/** DUPLICATE_DATA on an upsert: record.json lists the code for the operation's entries; no page says when it comes. */
const duplicateUnconfirmed: Unconfirmed = {
  claim: 'DUPLICATE_DATA per record (202) when a unique field the upsert does not check repeats another record',
  silent: { page: PAGE, section: 'Possible Errors' },
  source: { page: 'crm-insert-records.md', section: 'Limits: Note: unique fields' },
  openApi: {
    says: 'agrees',
    source: openApiRef('record.json', 'components.schemas.API_Exception.properties.code.enum'),
    detail:
      'the upsert operation answers data[] entries of Success_Response or API_Exception, whose code enum lists DUPLICATE_DATA',
  },
};

const success: readonly Case[] = [
  {
    id: 'success-insert',
    name: 'SUCCESS with action insert when no record matches the duplicate check field',
    group: 'success',
    request: {
      method: 'POST',
      path: UPSERT,
      auth: FULL,
      body: { data: [lead('Upserted New')], duplicate_check_fields: ['Mobile'] },
    },
    expect: { shape: 'records', status: 200, codes: ['SUCCESS'] },
    doc: { page: PAGE, section: 'How it Works: insert' },
    provocable: both,
    note: 'The record sends no Mobile, so nothing can match it: the upsert inserts.',
    unconfirmed: [successStatus],
    echoes: upsertCaseEchoes('insert'),
  },
  {
    id: 'success-update',
    name: 'SUCCESS with action update when a record matches the duplicate check field',
    group: 'success',
    request: {
      method: 'POST',
      path: UPSERT,
      auth: FULL,
      body: {
        data: [{ ...lead('Upserted Match'), Mobile: '{{existing_mobile}}' }],
        duplicate_check_fields: ['Mobile'],
      },
    },
    expect: { shape: 'records', status: 200, codes: ['SUCCESS'] },
    doc: { page: PAGE, section: 'How it Works: update' },
    provocable: both,
    note: 'Mobile is a unique field of Leads (a user-defined duplicate check field); the record holding {{existing_mobile}} is the match. Its id (the fixture mobile_holder_id) is a run variable the verdict never sees: the case pins the action and the field, not the id.',
    unconfirmed: [successStatus],
    echoes: upsertCaseEchoes('update'),
  },
];

const recordErrors: readonly Case[] = [
  {
    id: 'mandatory-not-found',
    name: 'MANDATORY_NOT_FOUND for a new record without the mandatory field',
    group: 'record errors',
    request: { method: 'POST', path: UPSERT, auth: FULL, body: { data: [{ Company: 'Zylker' }] } },
    expect: { shape: 'records', status: 202, codes: ['MANDATORY_NOT_FOUND'] },
    doc: errors('MANDATORY_NOT_FOUND'),
    provocable: both,
  },
  {
    id: 'invalid-data-length',
    name: 'INVALID_DATA for a record whose value is longer than the field allows',
    group: 'record errors',
    request: { method: 'POST', path: UPSERT, auth: FULL, body: { data: [lead('x'.repeat(81))] } },
    expect: { shape: 'records', status: 202, codes: ['INVALID_DATA'] },
    doc: errors('INVALID_DATA'),
    provocable: both,
  },
  {
    id: 'duplicate-data',
    name: 'DUPLICATE_DATA when a unique field other than the checked one repeats another record',
    group: 'record errors',
    request: {
      method: 'POST',
      path: UPSERT,
      auth: FULL,
      body: {
        data: [{ ...lead('Upserted Duplicate'), Email: 'nobody.yet@zylker.com', Mobile: '{{existing_mobile}}' }],
        duplicate_check_fields: ['Email'],
      },
    },
    expect: { shape: 'records', status: 202, codes: ['DUPLICATE_DATA'] },
    doc: errors('DUPLICATE_DATA'),
    provocable: both,
    note: 'No record holds the Email checked, so the record is new; its Mobile (a unique field not checked) is the one {{existing_mobile}} holds.',
    unconfirmed: [duplicateUnconfirmed],
  },
  {
    id: 'limit-exceeded-records',
    name: 'LIMIT_EXCEEDED when one call sends 101 records',
    group: 'request errors',
    request: { method: 'POST', path: UPSERT, auth: FULL, body: { data: leads(101) } },
    expect: { shape: 'error', status: 400, code: 'LIMIT_EXCEEDED' },
    doc: errors('LIMIT_EXCEEDED'),
    provocable: both,
  },
  mockInternalError(
    { method: 'POST', path: UPSERT, auth: FULL, body: { data: [lead('Boom')] } },
    errors('INTERNAL_ERROR'),
    { note: MOCK_ONLY_NOTE },
  ),
];

const common = commonCases({
  request: { method: 'POST', path: UPSERT, auth: FULL, body: { data: [lead('Common')] } },
  module: 'Leads',
  documented: sharedBehaviours(errors, { noPermission: true, unsupportedModule: false }),
});

/** CRM Upsert Records: POST records that update their match or are inserted. */
export const upsertRecords = {
  product: 'crm',
  id: 'upsert-records',
  title: 'Upsert Records',
  docPage: PAGE,
  method: 'POST',
  paths: ['/crm/{version}/{module_api_name}/upsert'],
  versions: ['v8'],
  contractVersion: '1.0.0',
  scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.modules.{module_api_name}.{ALL|WRITE|CREATE}'],
  documentedCodes: [
    'SUCCESS',
    'MANDATORY_NOT_FOUND',
    'INVALID_DATA',
    'DUPLICATE_DATA',
    'LIMIT_EXCEEDED',
    'INVALID_MODULE',
    'INVALID_URL_PATTERN',
    'INVALID_REQUEST_METHOD',
    'OAUTH_SCOPE_MISMATCH',
    'NO_PERMISSION',
    'INVALID_TOKEN',
    'INTERNAL_ERROR',
  ],
  keys: { mandatory: ['data'], optional: ['duplicate_check_fields', 'trigger', '$skip_feature_execution'] },
  details: recordWriteDetails(PAGE, upsertEntry),
  cases: [...success, ...recordErrors, ...common],
  echoes: upsertRecordsEchoes,
  messages: upsertRecordsMessages,
  creates: true,
} satisfies Endpoint;
