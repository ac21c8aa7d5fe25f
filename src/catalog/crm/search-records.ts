// CRM Search Records (crm-search-records.md, the v8 fact sheet): every documented behaviour as a case. Pure data.

import { commonCases, mockInternalError, MOCK_ONLY_NOTE } from '../common-cases.ts';
import { openDetails } from '../envelopes.ts';
import type { Case, DocumentedMessages, EchoRules, Endpoint, ResponseDetails } from '../types.ts';
import {
  errorsOn,
  sharedBehaviours,
  sharedRequestErrors,
  sharedErrorMessages,
  openApiStatusesDrift,
  printed,
  readInfo,
  readRecord,
  readRecordValues,
} from './records-family-shared.ts';

const PAGE = 'crm-search-records.md';
const errors = errorsOn(PAGE);
const FULL = { token: 'access_token' } as const;
const both = ['mock', 'live'] as const;
const SEARCH = '/crm/{version}/Leads/search';
/** Eleven conditions joined by `or`: one past the page's 10. */
const ELEVEN_CRITERIA = Array.from({ length: 11 }, (_, i) => `(Last_Name:equals:Nobody${i + 1})`).join('or');

const cases: readonly Case[] = [
  {
    id: 'success-email',
    name: 'SUCCESS: the record the run wrote, found by its unique email',
    group: 'success',
    request: { method: 'GET', path: `${SEARCH}?email={{read_record_email}}`, auth: FULL },
    expect: { shape: 'list', status: 200, count: 1 },
    doc: { page: PAGE, section: 'Endpoints' },
    provocable: both,
  },
  {
    id: 'success-phone',
    name: 'SUCCESS: the record holding a unique mobile number, found by phone',
    group: 'success',
    request: { method: 'GET', path: `${SEARCH}?phone={{existing_mobile}}`, auth: FULL },
    expect: { shape: 'list', status: 200, count: 1 },
    doc: { page: PAGE, section: 'Endpoints' },
    provocable: both,
  },
  {
    id: 'success-word',
    name: 'SUCCESS: records holding a word the run wrote',
    group: 'success',
    request: { method: 'GET', path: `${SEARCH}?word={{read_record_last_name}}`, auth: FULL },
    expect: { shape: 'list', status: 200 },
    doc: { page: PAGE, section: 'Endpoints' },
    provocable: both,
  },
  {
    id: 'success-criteria',
    name: 'SUCCESS: the record matching two conditions joined by and',
    group: 'success',
    request: {
      method: 'GET',
      path: `${SEARCH}?criteria=((Last_Name:equals:{{read_record_last_name}})and(Email:equals:{{read_record_email}}))`,
      auth: FULL,
    },
    expect: { shape: 'list', status: 200, count: 1 },
    doc: { page: PAGE, section: 'Criteria' },
    provocable: both,
  },
  {
    id: 'no-content',
    name: 'No content when nothing matches',
    group: 'success',
    request: { method: 'GET', path: `${SEARCH}?email=nobody.matches@zylker.invalid`, auth: FULL },
    expect: { shape: 'empty', status: 204, code: 'NO_CONTENT' },
    doc: errors('NO_CONTENT'),
    provocable: both,
  },
  {
    id: 'required-param-missing',
    name: 'REQUIRED_PARAM_MISSING when nothing is searched for',
    group: 'request errors',
    request: { method: 'GET', path: SEARCH, auth: FULL },
    expect: { shape: 'error', status: 400, code: 'REQUIRED_PARAM_MISSING' },
    doc: errors('REQUIRED_PARAM_MISSING'),
    provocable: both,
  },
  {
    id: 'invalid-query',
    name: 'INVALID_QUERY when the criteria use an operator there is none of',
    group: 'request errors',
    request: { method: 'GET', path: `${SEARCH}?criteria=(Last_Name:sounds_like:Boyle)`, auth: FULL },
    expect: { shape: 'error', status: 400, code: 'INVALID_QUERY' },
    doc: errors('INVALID_QUERY'),
    provocable: both,
  },
  {
    id: 'limit-exceeded-criteria',
    name: 'LIMIT_EXCEEDED for more than the 10 conditions a criteria may hold',
    group: 'request errors',
    request: { method: 'GET', path: `${SEARCH}?criteria=(${ELEVEN_CRITERIA})`, auth: FULL },
    expect: { shape: 'error', status: 400, code: 'LIMIT_EXCEEDED' },
    doc: errors('LIMIT_EXCEEDED'),
    provocable: both,
  },
  {
    id: 'scope-without-search',
    name: 'OAUTH_SCOPE_MISMATCH when the token lacks ZohoSearch.securesearch.READ',
    group: 'auth',
    request: {
      method: 'GET',
      path: `${SEARCH}?email={{read_record_email}}`,
      auth: { token: 'token_module_scope_only' },
    },
    expect: { shape: 'error', status: 401, code: 'OAUTH_SCOPE_MISMATCH' },
    doc: { page: PAGE, section: 'Scope: ZohoSearch.securesearch.READ' },
    provocable: both,
  },
  mockInternalError(
    { method: 'GET', path: `${SEARCH}?email={{read_record_email}}`, auth: FULL },
    errors('INTERNAL_ERROR'),
    { note: MOCK_ONLY_NOTE },
  ),
  ...commonCases({
    // Deals: the token without the scope holds Leads.READ, so its mismatch needs another module.
    request: { method: 'GET', path: '/crm/{version}/Deals/search?word=Zylker', auth: FULL },
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
        'INVALID_QUERY',
      ],
      (code) => [errors(code)],
    ),
    ...sharedRequestErrors(errors),
  },
  list: { record: readRecord, info: readInfo, infoRequired: true },
};

const messages: DocumentedMessages = {
  records: {},
  errors: {
    ...sharedErrorMessages(errors, true),
    REQUIRED_PARAM_MISSING: [printed('One of the expected parameter is missing', errors('REQUIRED_PARAM_MISSING'))],
    INVALID_QUERY: [printed('invalid query formed', errors('INVALID_QUERY'))],
    // LIMIT_EXCEEDED past 10 conditions: the page prints no message.
  },
};

/** Every record found matches what was searched for (none that does not), and the record the run wrote is found. */
const echoes: EchoRules = {
  rules: [
    {
      shape: 'list',
      codes: ['SUCCESS'],
      at: '',
      echo: { kind: 'matches-search' },
      doc: { page: PAGE, section: 'Criteria' },
    },
    {
      shape: 'list',
      codes: ['SUCCESS'],
      at: '',
      echo: { kind: 'written-found', record: 'read_record_id', searchedBy: 'read_record_email' },
      doc: { page: PAGE, section: 'Endpoints' },
    },
    readRecordValues(PAGE),
  ],
};

/** CRM Search Records: GET a module's records matching criteria, an email, a phone or a word. */
export const searchRecords = {
  product: 'crm',
  id: 'search-records',
  title: 'Search Records',
  docPage: PAGE,
  method: 'GET',
  paths: ['/crm/{version}/{module_api_name}/search'],
  versions: ['v8'],
  contractVersion: '1.0.0',
  scopes: ['ZohoCRM.modules.{module_name}.{ALL|READ}', 'ZohoSearch.securesearch.READ'],
  documentedCodes: [
    'SUCCESS',
    'NO_CONTENT',
    'REQUIRED_PARAM_MISSING',
    'INVALID_QUERY',
    'LIMIT_EXCEEDED',
    'OAUTH_SCOPE_MISMATCH',
    'INVALID_MODULE',
    'INVALID_URL_PATTERN',
    'INVALID_REQUEST_METHOD',
    'INVALID_TOKEN',
    'INTERNAL_ERROR',
  ],
  keys: { mandatory: ['criteria|email|phone|word'], optional: ['page', 'per_page', 'fields', 'converted', 'approved'] },
  details,
  cases,
  drift: [openApiStatusesDrift('crm-search-records', PAGE, '/crm/v8/{module_api_name}/search', 'get')],
  echoes,
  messages,
} satisfies Endpoint;
