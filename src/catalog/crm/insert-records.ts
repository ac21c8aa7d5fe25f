// CRM Insert Records (v8, fact sheet crm-insert-records.md): every behaviour the sheet lists, as a case. Pure data.

import { commonCases, mockInternalError, MOCK_ONLY_NOTE } from '../common-cases.ts';
import { errorsOn, sharedBehaviours } from './records-family-shared.ts';
import type { Case, DocRef, Endpoint, JsonValue } from '../types.ts';
import { insertRecordsEchoes, insertRecordsMessages } from './insert-records-echoes.ts';
import { insertSuccessStatus, lookupUnconfirmed, successStatusUnconfirmed } from './insert-records-drift.ts';
import { notesRef } from '../doc-refs.ts';
import { recordWriteDetails } from './record-write-details.ts';

const PAGE = 'crm-insert-records.md';
const errors = errorsOn(PAGE);
const BULK = '/crm/{version}/Leads';
const FULL = { token: 'access_token' } as const;
const both = ['mock', 'live'] as const;
/** A new Lead: Last_Name is the module's mandatory field in every org profile the suite plays. */
const lead = (name: string): { [key: string]: JsonValue } => ({ Last_Name: name, Company: 'Zylker' });
const leads = (count: number): JsonValue[] =>
  Array.from({ length: count }, (_, i) => lead(`Insert ${String(i + 1).padStart(3, '0')}`));

const success: readonly Case[] = [
  {
    id: 'success-single',
    name: 'SUCCESS when one record is inserted',
    group: 'success',
    request: { method: 'POST', path: BULK, auth: FULL, body: { data: [lead('Inserted One')] } },
    expect: { shape: 'records', status: 201, codes: ['SUCCESS'] },
    doc: { page: PAGE, section: 'Success: Sample Response' },
    provocable: both,
    drift: [insertSuccessStatus],
    unconfirmed: [successStatusUnconfirmed],
  },
  {
    id: 'success-bulk',
    name: 'SUCCESS for each record of a bulk insert, in order, each with a new id',
    group: 'success',
    request: { method: 'POST', path: BULK, auth: FULL, body: { data: [lead('Inserted A'), lead('Inserted B')] } },
    expect: { shape: 'records', status: 201, codes: ['SUCCESS', 'SUCCESS'] },
    doc: { page: PAGE, section: 'Success: Sample Response' },
    provocable: both,
    drift: [insertSuccessStatus],
    unconfirmed: [successStatusUnconfirmed],
  },
  {
    id: 'success-maximum',
    name: 'SUCCESS for each of the maximum 100 records in one call',
    group: 'success',
    request: { method: 'POST', path: BULK, auth: FULL, body: { data: leads(100) } },
    expect: { shape: 'records', status: 201, codes: Array.from({ length: 100 }, () => 'SUCCESS') },
    doc: { page: PAGE, section: 'Limits: Note: 100 records per call' },
    provocable: both,
    drift: [insertSuccessStatus],
    unconfirmed: [successStatusUnconfirmed],
  },
];

const recordErrors: readonly Case[] = [
  {
    id: 'mandatory-not-found',
    name: 'MANDATORY_NOT_FOUND for a record without the mandatory field',
    group: 'record errors',
    request: { method: 'POST', path: BULK, auth: FULL, body: { data: [{ Company: 'Zylker' }] } },
    expect: { shape: 'records', status: 202, codes: ['MANDATORY_NOT_FOUND'] },
    doc: errors('MANDATORY_NOT_FOUND'),
    provocable: both,
  },
  {
    id: 'invalid-data-length',
    name: 'INVALID_DATA for a record whose value is longer than the field allows',
    group: 'record errors',
    request: { method: 'POST', path: BULK, auth: FULL, body: { data: [lead('x'.repeat(81))] } },
    expect: { shape: 'records', status: 202, codes: ['INVALID_DATA'] },
    doc: errors('INVALID_DATA'),
    provocable: both,
    note: 'Last_Name of Leads allows 80 characters in a default org (Fields metadata); an org that changed it needs a longer value.',
  },
  {
    id: 'invalid-data-type',
    name: 'INVALID_DATA for a record whose value is not of its field type',
    group: 'record errors',
    request: {
      method: 'POST',
      path: BULK,
      auth: FULL,
      body: { data: [{ ...lead('Wrong Type'), Annual_Revenue: 'a lot' }] },
    },
    expect: { shape: 'records', status: 202, codes: ['INVALID_DATA'] },
    doc: notesRef('4. Response envelopes: Per-record error'),
    provocable: both,
    note: "Annual_Revenue is a currency field of Leads in every org; the notes' live answer is the same code for a phone field given a value that is no phone number.",
  },
  {
    id: 'invalid-data-lookup',
    name: 'INVALID_DATA for a record whose lookup names a record that does not exist',
    group: 'record errors',
    request: {
      method: 'POST',
      path: '/crm/{version}/Deals',
      auth: FULL,
      body: {
        data: [{ Deal_Name: 'Lookup Nowhere', Stage: 'Qualification', Account_Name: { id: '3652397000099999999' } }],
      },
    },
    expect: { shape: 'records', status: 202, codes: ['INVALID_DATA'] },
    doc: errors('INVALID_DATA'),
    provocable: both,
    note: "Deals.Account_Name looks up Accounts in every org; the id is one no org is given (the Update Records page's unknown id). A lookup is written as the looked-up record's id, so an id the module does not hold is data of the wrong kind.",
    unconfirmed: [lookupUnconfirmed],
    messageNotPrinted: {
      INVALID_DATA:
        "the notes print INVALID_DATA's message for a value of the wrong type; no source prints the answer to a lookup of a missing record",
    },
  },
  {
    id: 'duplicate-data',
    name: 'DUPLICATE_DATA when a unique field repeats another record',
    group: 'record errors',
    request: {
      method: 'POST',
      path: BULK,
      auth: FULL,
      body: { data: [{ ...lead('Duplicate'), Mobile: '{{existing_mobile}}' }] },
    },
    expect: { shape: 'records', status: 202, codes: ['DUPLICATE_DATA'] },
    doc: errors('DUPLICATE_DATA'),
    provocable: both,
  },
  {
    id: 'limit-exceeded-records',
    name: 'LIMIT_EXCEEDED when one call sends 101 records',
    group: 'request errors',
    request: { method: 'POST', path: BULK, auth: FULL, body: { data: leads(101) } },
    expect: { shape: 'error', status: 400, code: 'LIMIT_EXCEEDED' },
    doc: errors('LIMIT_EXCEEDED'),
    provocable: both,
  },
  mockInternalError(
    { method: 'POST', path: BULK, auth: FULL, body: { data: [lead('Boom')] } },
    errors('INTERNAL_ERROR'),
    { note: MOCK_ONLY_NOTE },
  ),
];

/** The behaviours every records endpoint shares, with what this endpoint's sheet gives for each. */
const common = commonCases({
  request: { method: 'POST', path: BULK, auth: FULL, body: { data: [lead('Common')] } },
  module: 'Leads',
  documented: sharedBehaviours(errors, { noPermission: true, unsupportedModule: false }),
});

/** CRM Insert Records: POST new records into a module, at most 100 a call. */
export const insertRecords = {
  product: 'crm',
  id: 'insert-records',
  title: 'Insert Records',
  docPage: PAGE,
  method: 'POST',
  paths: ['/crm/{version}/{module_api_name}'],
  versions: ['v8'],
  contractVersion: '1.1.0',
  scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.modules.{module_name}.{ALL|WRITE|CREATE}'],
  documentedCodes: [
    'SUCCESS',
    'INVALID_DATA',
    'MANDATORY_NOT_FOUND',
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
  keys: { mandatory: ['data'], optional: ['trigger'] },
  details: recordWriteDetails(PAGE),
  cases: [...success, ...recordErrors, ...common],
  echoes: insertRecordsEchoes,
  messages: insertRecordsMessages,
  creates: true,
} satisfies Endpoint;
