// CRM Delete Records (crm-delete-records.md, the v8 fact sheet): every documented behaviour as a case. Pure data.

import { commonCases, mockInternalError, MOCK_ONLY_NOTE } from '../common-cases.ts';
import { openDetails } from '../envelopes.ts';
import type { Case, DocumentedMessages, EchoRules, Endpoint, ResponseDetails } from '../types.ts';
import {
  apiException,
  errorsOn,
  sharedBehaviours,
  sharedRequestErrors,
  sharedErrorMessages,
  openApiOptionalDrift,
  openApiStatusesDrift,
  printed,
} from './records-family-shared.ts';

const PAGE = 'crm-delete-records.md';
const errors = errorsOn(PAGE);
const FULL = { token: 'access_token' } as const;
const both = ['mock', 'live'] as const;
/** Only records made for deleting are ever deleted (on live: records the run created, in its fixture ledger). */
const SINGLE = '/crm/{version}/Leads/{{delete_record_id}}';
/**
 * Why a delete that succeeds runs on the mock only for now: on live it would delete a fixture the run created, and the
 * fixture ledger would then try to delete it again at cleanup and count it as left behind.
 */
const LIVE_DELETE_NOTE =
  'Live: deletes only records the run made for it (fixtures); the clean-up leaves out what the case deleted, and counts a record a read finds gone as deleted.';
const ids = (count: number): string =>
  Array.from({ length: count }, (_, i) => `3652397000${String(990001 + i).padStart(9, '0')}`).join(',');

const cases: readonly Case[] = [
  {
    id: 'success-single',
    name: 'SUCCESS when one record is deleted by the id in the URL',
    group: 'success',
    request: { method: 'DELETE', path: SINGLE, auth: FULL },
    expect: { shape: 'records', status: 200, codes: ['SUCCESS'] },
    doc: { page: PAGE, section: 'Sample Response' },
    provocable: both,
    note: LIVE_DELETE_NOTE,
  },
  {
    id: 'success-bulk',
    name: 'SUCCESS for each id of a bulk delete, in order, without workflows',
    group: 'success',
    request: {
      method: 'DELETE',
      path: '/crm/{version}/Leads?ids={{delete_first_id}},{{delete_second_id}}&wf_trigger=false',
      auth: FULL,
    },
    expect: { shape: 'records', status: 200, codes: ['SUCCESS', 'SUCCESS'] },
    doc: { page: PAGE, section: 'Parameters: ids, wf_trigger' },
    provocable: both,
    note: LIVE_DELETE_NOTE,
  },
  {
    id: 'invalid-data-id',
    name: 'INVALID_DATA per record when an id has no record',
    group: 'record errors',
    request: { method: 'DELETE', path: `/crm/{version}/Leads?ids=${ids(1)}`, auth: FULL },
    expect: { shape: 'records', status: 202, codes: ['INVALID_DATA'] },
    doc: errors('INVALID_DATA'),
    provocable: both,
  },
  {
    id: 'required-param-missing',
    name: 'REQUIRED_PARAM_MISSING when the bulk URL names no ids',
    group: 'request errors',
    request: { method: 'DELETE', path: '/crm/{version}/Leads', auth: FULL },
    expect: { shape: 'error', status: 400, code: 'REQUIRED_PARAM_MISSING' },
    doc: errors('REQUIRED_PARAM_MISSING'),
    provocable: both,
  },
  {
    id: 'limit-exceeded',
    name: 'LIMIT_EXCEEDED for more than the 100 ids a call may delete',
    group: 'request errors',
    request: { method: 'DELETE', path: `/crm/{version}/Leads?ids=${ids(101)}`, auth: FULL },
    expect: { shape: 'error', status: 400, code: 'LIMIT_EXCEEDED' },
    doc: errors('LIMIT_EXCEEDED'),
    provocable: both,
    note: 'The 101 ids have no records: a target that deleted past the limit would delete nothing.',
  },
  mockInternalError({ method: 'DELETE', path: SINGLE, auth: FULL }, errors('INTERNAL_ERROR'), { note: MOCK_ONLY_NOTE }),
  ...commonCases({
    request: { method: 'DELETE', path: SINGLE, auth: FULL },
    module: 'Leads',
    documented: sharedBehaviours(errors, { noPermission: true, unsupportedModule: true }),
  }),
];

const details: ResponseDetails = {
  records: {
    SUCCESS: {
      sources: [{ page: PAGE, section: 'Sample Response' }],
      details: { type: 'object', required: ['id'], properties: { id: { $ref: '#/definitions/zohoId' } } },
    },
    INVALID_DATA: {
      sources: [errors('INVALID_DATA'), apiException],
      details: { type: 'object', properties: { api_name: { type: 'string' }, id: { $ref: '#/definitions/zohoId' } } },
    },
  },
  errors: {
    ...openDetails(
      ['INVALID_TOKEN', 'OAUTH_SCOPE_MISMATCH', 'NO_PERMISSION', 'INVALID_MODULE', 'INVALID_URL_PATTERN'],
      (code) => [errors(code)],
    ),
    ...openDetails(['INVALID_REQUEST_METHOD', 'INTERNAL_ERROR'], (code) => [errors(code)]),
    ...sharedRequestErrors(errors),
  },
};

const messages: DocumentedMessages = {
  records: {
    SUCCESS: [printed('record deleted', { page: PAGE, section: 'Sample Response' })],
    INVALID_DATA: [printed('the id given seems to be invalid', errors('INVALID_DATA'))],
  },
  errors: {
    ...sharedErrorMessages(errors, true),
    REQUIRED_PARAM_MISSING: [printed('One of the expected parameter is missing', errors('REQUIRED_PARAM_MISSING'))],
    LIMIT_EXCEEDED: [printed('Record count exceeded', errors('LIMIT_EXCEEDED'))],
    NO_PERMISSION: [printed('permission denied', errors('NO_PERMISSION'))],
  },
};

/** Each id sent, in order: the URL's record_id (single) or the id at the entry's position in `ids` (bulk). */
const echoes: EchoRules = {
  entriesListed: 'ids',
  rules: [
    {
      shape: 'records',
      codes: ['SUCCESS'],
      at: '/details/id',
      echo: { kind: 'value', from: [{ param: 'record_id' }, { listed: 'ids' }] },
      doc: { page: PAGE, section: 'Sample Response' },
    },
  ],
};

/** CRM Delete Records: DELETE a module's records by `ids`, or one by id. */
export const deleteRecords = {
  product: 'crm',
  id: 'delete-records',
  title: 'Delete Records',
  docPage: PAGE,
  method: 'DELETE',
  paths: ['/crm/{version}/{module_api_name}', '/crm/{version}/{module_api_name}/{record_id}'],
  versions: ['v8'],
  contractVersion: '1.0.0',
  scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.modules.{module_name}.{ALL|DELETE}'],
  documentedCodes: [
    'SUCCESS',
    'INVALID_DATA',
    'REQUIRED_PARAM_MISSING',
    'LIMIT_EXCEEDED',
    'OAUTH_SCOPE_MISMATCH',
    'NO_PERMISSION',
    'INVALID_MODULE',
    'INVALID_URL_PATTERN',
    'INVALID_REQUEST_METHOD',
    'INVALID_TOKEN',
    'INTERNAL_ERROR',
  ],
  keys: { mandatory: ['ids'], optional: ['wf_trigger'] },
  details,
  cases,
  drift: [
    openApiOptionalDrift('crm-delete-records', PAGE, 'ids', 'mandatory on the bulk path'),
    openApiStatusesDrift('crm-delete-records', PAGE, '/crm/v8/{module_api_name}', 'delete'),
  ],
  echoes,
  messages,
  deletes: true,
} satisfies Endpoint;
