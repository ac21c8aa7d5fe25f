// CRM Get Records (crm-get-records.md, the v8 fact sheet): every documented behaviour as a case. Pure data.

import { commonCases, mockInternalError, MOCK_ONLY_NOTE } from '../common-cases.ts';
import { openApiRef } from '../doc-refs.ts';
import { openDetails } from '../envelopes.ts';
import type {
  Case,
  DocumentedMessages,
  DriftPoint,
  EchoRules,
  Endpoint,
  ResponseDetails,
  Unconfirmed,
} from '../types.ts';
import {
  errorsOn,
  openApiOptionalDrift,
  openApiStatusesDrift,
  printed,
  readInfo,
  readRecord,
  sharedBehaviours,
  sharedRequestErrors,
  sharedErrorMessages,
  readRecordValues,
} from './records-family-shared.ts';

const PAGE = 'crm-get-records.md';
const errors = errorsOn(PAGE);
const FULL = { token: 'access_token' } as const;
const both = ['mock', 'live'] as const;
/** 51 field API names: one past the page's cap of 50. */
const FIFTY_ONE_FIELDS = ['Last_Name', ...Array.from({ length: 50 }, (_, i) => `Field_${i + 1}`)].join(',');

/** The second read of a deleted id: neither the fact sheets nor record.json say what it answers. */
const deletedReadStatus: Unconfirmed = {
  claim: 'HTTP 204 without a body for a read of an id that was deleted',
  silent: { page: PAGE, section: 'Possible Errors' },
  source: { page: 'crm-search-records.md', section: 'Sample Response' },
  openApi: {
    says: 'disagrees',
    source: openApiRef('record.json', 'paths["/crm/v8/{module_api_name}/{id}"].get.responses'),
    detail: 'only 200 is listed; NO_CONTENT and INVALID_DATA are both in the code enum',
  },
};

/** The code past the first 2000 records: on the fact sheet, not in record.json's closed code enum. */
const discretePaginationCode: DriftPoint = {
  id: 'crm-get-records/discrete-pagination-code',
  topic: 'The code for a page past the first 2000 records',
  variants: [
    { source: errors('DISCRETE_PAGINATION_LIMIT_EXCEEDED'), says: 'DISCRETE_PAGINATION_LIMIT_EXCEEDED, HTTP 400' },
    {
      source: openApiRef('record.json', 'components.schemas.API_Exception.properties.code.enum'),
      says: 'no such code in the enum',
    },
  ],
  expected: 0,
  why: 'The enum is closed but does not list codes every page of the family documents (AUTHORIZATION_FAILED is missing too); the page is the more specific source.',
};

const cases: readonly Case[] = [
  {
    id: 'success-by-id',
    name: 'SUCCESS: the record asked for by the id in the URL',
    group: 'success',
    request: { method: 'GET', path: '/crm/{version}/Leads/{{read_record_id}}', auth: FULL },
    expect: { shape: 'list', status: 200, count: 1 },
    doc: { page: PAGE, section: 'Endpoints' },
    provocable: both,
  },
  {
    id: 'success-fields',
    name: 'SUCCESS: a page of records with only the fields asked for, and info',
    group: 'success',
    request: { method: 'GET', path: '/crm/{version}/Leads?fields=Last_Name,Email&per_page=2', auth: FULL },
    expect: { shape: 'list', status: 200, count: 2 },
    doc: { page: PAGE, section: 'Parameters: fields, per_page' },
    provocable: both,
  },
  {
    id: 'success-ids',
    name: 'SUCCESS: the records named by ids, with the fields asked for',
    group: 'success',
    request: {
      method: 'GET',
      path: '/crm/{version}/Leads?ids={{read_record_id}},{{read_second_record_id}}&fields=Last_Name,Email',
      auth: FULL,
    },
    expect: { shape: 'list', status: 200, count: 2 },
    doc: { page: PAGE, section: 'Parameters: ids' },
    provocable: both,
  },
  {
    id: 'no-content-deleted',
    name: 'No content for a second read of an id that was deleted',
    group: 'success',
    request: { method: 'GET', path: '/crm/{version}/Leads/{{deleted_record_id}}', auth: FULL },
    expect: { shape: 'empty', status: 204, code: 'NO_CONTENT' },
    doc: errors('NO_CONTENT'),
    provocable: both,
    unconfirmed: [deletedReadStatus],
    note: 'On live the record is a fixture the run creates and deletes again before the cases (FixtureNeed.deleted).',
  },
  {
    id: 'required-param-missing',
    name: 'REQUIRED_PARAM_MISSING when a list read names no fields',
    group: 'request errors',
    request: { method: 'GET', path: '/crm/{version}/Leads', auth: FULL },
    expect: { shape: 'error', status: 400, code: 'REQUIRED_PARAM_MISSING' },
    doc: errors('REQUIRED_PARAM_MISSING'),
    provocable: both,
  },
  {
    id: 'limit-exceeded-fields',
    name: 'LIMIT_EXCEEDED for more than the 50 fields a read may name',
    group: 'request errors',
    request: { method: 'GET', path: `/crm/{version}/Leads?fields=${FIFTY_ONE_FIELDS}`, auth: FULL },
    expect: { shape: 'error', status: 400, code: 'LIMIT_EXCEEDED' },
    doc: errors('LIMIT_EXCEEDED'),
    provocable: both,
  },
  {
    id: 'discrete-pagination-limit',
    name: 'DISCRETE_PAGINATION_LIMIT_EXCEEDED for a page past the first 2000 records',
    group: 'request errors',
    request: { method: 'GET', path: '/crm/{version}/Leads?fields=Last_Name&page=11&per_page=200', auth: FULL },
    expect: { shape: 'error', status: 400, code: 'DISCRETE_PAGINATION_LIMIT_EXCEEDED' },
    doc: errors('DISCRETE_PAGINATION_LIMIT_EXCEEDED'),
    provocable: both,
  },
  mockInternalError(
    { method: 'GET', path: '/crm/{version}/Leads/{{read_record_id}}', auth: FULL },
    errors('INTERNAL_ERROR'),
    { note: MOCK_ONLY_NOTE },
  ),
  ...commonCases({
    // Deals: the token without the scope holds Leads.READ, so its mismatch needs another module.
    request: { method: 'GET', path: '/crm/{version}/Deals?fields=Deal_Name', auth: FULL },
    module: 'Deals',
    documented: sharedBehaviours(errors, { noPermission: false, unsupportedModule: true }),
  }),
];

const details: ResponseDetails = {
  records: {},
  errors: {
    ...openDetails(
      [
        'INVALID_TOKEN',
        'OAUTH_SCOPE_MISMATCH',
        'INVALID_MODULE',
        'INVALID_URL_PATTERN',
        'INVALID_REQUEST_METHOD',
        'INTERNAL_ERROR',
        'DISCRETE_PAGINATION_LIMIT_EXCEEDED',
      ],
      (code) => [errors(code)],
    ),
    ...sharedRequestErrors(errors),
  },
  list: { record: readRecord, info: readInfo, infoRequired: false },
};

const messages: DocumentedMessages = {
  records: {},
  errors: {
    ...sharedErrorMessages(errors, true),
    REQUIRED_PARAM_MISSING: [printed('One of the expected parameter is missing', errors('REQUIRED_PARAM_MISSING'))],
    LIMIT_EXCEEDED: [printed('Max field limit exceeded', errors('LIMIT_EXCEEDED'))],
    DISCRETE_PAGINATION_LIMIT_EXCEEDED: [
      printed(
        'You can only get the first 2000 records without using page_token param.',
        errors('DISCRETE_PAGINATION_LIMIT_EXCEEDED'),
      ),
    ],
  },
};

/** Every record is one asked for (by URL id or ids) and carries only the fields asked for (and its id). */
const echoes: EchoRules = {
  rules: [
    {
      shape: 'list',
      codes: ['SUCCESS'],
      at: '',
      echo: { kind: 'record-asked' },
      doc: { page: PAGE, section: 'Parameters: ids' },
    },
    {
      shape: 'list',
      codes: ['SUCCESS'],
      at: '',
      echo: { kind: 'fields-asked', always: ['id'] },
      doc: { page: PAGE, section: 'Parameters: fields' },
    },
    readRecordValues(PAGE),
  ],
};

/** CRM Get Records: GET a module's records a page at a time, or one by id. */
export const getRecords = {
  product: 'crm',
  id: 'get-records',
  title: 'Get Records',
  docPage: PAGE,
  method: 'GET',
  paths: ['/crm/{version}/{module_api_name}', '/crm/{version}/{module_api_name}/{record_id}'],
  versions: ['v8'],
  contractVersion: '1.0.0',
  scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.modules.{module_name}.{ALL|READ}'],
  documentedCodes: [
    'SUCCESS',
    'NO_CONTENT',
    'REQUIRED_PARAM_MISSING',
    'LIMIT_EXCEEDED',
    'DISCRETE_PAGINATION_LIMIT_EXCEEDED',
    'OAUTH_SCOPE_MISMATCH',
    'INVALID_MODULE',
    'INVALID_URL_PATTERN',
    'INVALID_REQUEST_METHOD',
    'INVALID_TOKEN',
    'INTERNAL_ERROR',
  ],
  keys: { mandatory: ['fields'], optional: ['ids', 'page', 'per_page', 'page_token', 'sort_by', 'sort_order', 'cvid'] },
  details,
  cases,
  drift: [
    discretePaginationCode,
    openApiOptionalDrift('crm-get-records', PAGE, 'fields', 'mandatory when fetching all records'),
    openApiStatusesDrift('crm-get-records', PAGE, '/crm/v8/{module_api_name}', 'get'),
  ],
  echoes,
  messages,
} satisfies Endpoint;
