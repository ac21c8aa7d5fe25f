// Bigin Update Related Records (bigin-update-related-records.txt): every documented behaviour as a case. Pure data.

import { mockInternalError } from '../common-cases.ts';
import type { Case, DocRef, Endpoint, JsonValue } from '../types.ts';
import { relatedRecordsDetails } from './update-related-records-details.ts';
import { relatedRecordsEchoes, relatedRecordsMessages } from './update-related-records-echoes.ts';
import {
  authorizationFailed,
  companiesName,
  crmSample,
  invalidDataSplit,
  invalidDataStatus,
  mixedStatus,
  overLimit,
  relatedIdInUrl,
  relationUpdated,
  scopeMismatchResolution,
  scopeTypo,
  successStatus,
} from './update-related-records-drift.ts';

const PAGE = 'bigin-update-related-records.txt';
const errors = (code: string): DocRef => ({ page: PAGE, section: `Possible Errors: ${code}` });
const FULL = { token: 'access_token' } as const;
const both = ['mock', 'live'] as const;
const DEAL_PRODUCTS = '/bigin/{version}/Deals/{{bigin_deal_id}}/Products';
const SINGLE = `${DEAL_PRODUCTS}/{{bigin_product_id}}`;
const one = { data: [{ id: '{{bigin_product_id}}' }] };
/** "You can update a maximum of 100 related records per API call." */
const MAXIMUM = 100;
/** `count` entries over the target's bulk product ids (bigin_bulk_product_001 ...). */
const bulkProducts = (count: number): JsonValue[] =>
  Array.from({ length: count }, (_, i) => ({ id: `{{bigin_bulk_product_${String(i + 1).padStart(3, '0')}}}` }));

const success: readonly Case[] = [
  {
    id: 'success-bulk',
    name: 'SUCCESS for each product related to a deal in one call',
    group: 'success',
    request: {
      method: 'PUT',
      path: DEAL_PRODUCTS,
      auth: FULL,
      body: { data: [{ id: '{{bigin_product_id}}' }, { id: '{{bigin_second_product_id}}' }] },
    },
    expect: { shape: 'records', status: 200, codes: ['SUCCESS', 'SUCCESS'] },
    doc: { page: PAGE, section: 'Sample Input; Sample Response' },
    provocable: both,
    drift: [crmSample, relatedIdInUrl],
    unconfirmed: [successStatus, relationUpdated],
  },
  {
    id: 'success-maximum',
    name: 'SUCCESS for each of the maximum 100 related records in one call',
    group: 'success',
    request: { method: 'PUT', path: DEAL_PRODUCTS, auth: FULL, body: { data: bulkProducts(MAXIMUM) } },
    expect: { shape: 'records', status: 200, codes: Array.from({ length: MAXIMUM }, () => 'SUCCESS') },
    doc: { page: PAGE, section: 'Request JSON keys: You can update a maximum of 100 related records per API call' },
    provocable: both,
    drift: [relatedIdInUrl],
    unconfirmed: [successStatus, relationUpdated],
  },
  ...(
    [
      ['Deals', 'bigin_deal_id', 'a deal'],
      ['Contacts', 'bigin_contact_id', 'a contact'],
      ['Accounts', 'bigin_account_id', 'a company (API name Accounts)'],
    ] as const
  ).map(
    ([module, variable, label]): Case => ({
      id: `success-single-${module.toLowerCase()}`,
      name: `SUCCESS relating one product to ${label} by ids in the URL`,
      group: 'success',
      request: {
        method: 'PUT',
        path: `/bigin/{version}/${module}/{{${variable}}}/Products/{{bigin_product_id}}`,
        auth: FULL,
        body: one,
      },
      expect: { shape: 'records', status: 200, codes: ['SUCCESS'] },
      doc: { page: PAGE, section: `Request URL; Supported relations: Products - to - ${module}` },
      provocable: both,
      drift: module === 'Accounts' ? [companiesName, relatedIdInUrl] : [relatedIdInUrl],
      unconfirmed: [successStatus, relationUpdated],
    }),
  ),
];

const recordErrors: readonly Case[] = [
  {
    id: 'partial-success',
    name: 'SUCCESS and INVALID_DATA side by side when one related id of a bulk call is wrong',
    group: 'record errors',
    request: {
      method: 'PUT',
      path: DEAL_PRODUCTS,
      auth: FULL,
      body: { data: [{ id: '{{bigin_product_id}}' }, { id: '3652397000099999999' }] },
    },
    expect: { shape: 'records', status: 202, codes: ['SUCCESS', 'INVALID_DATA'] },
    doc: errors('INVALID_DATA (HTTP 202): invalid data'),
    provocable: both,
    drift: [invalidDataStatus, relatedIdInUrl],
    unconfirmed: [mixedStatus, invalidDataSplit, relationUpdated],
  },
  {
    id: 'invalid-data-single',
    name: 'INVALID_DATA (202) alone when the one related id in the body does not exist',
    group: 'record errors',
    request: { method: 'PUT', path: DEAL_PRODUCTS, auth: FULL, body: { data: [{ id: '3652397000099999999' }] } },
    expect: { shape: 'records', status: 202, codes: ['INVALID_DATA'] },
    doc: errors('INVALID_DATA (HTTP 202): invalid data'),
    provocable: both,
    drift: [invalidDataStatus, relatedIdInUrl],
    unconfirmed: [invalidDataSplit],
  },
  {
    id: 'mandatory-not-found',
    name: 'MANDATORY_NOT_FOUND for a related record sent without its id',
    group: 'record errors',
    request: { method: 'PUT', path: DEAL_PRODUCTS, auth: FULL, body: { data: [{ Quantity: 1 }] } },
    expect: { shape: 'records', status: 202, codes: ['MANDATORY_NOT_FOUND'] },
    doc: errors('MANDATORY_NOT_FOUND'),
    provocable: both,
  },
];

const requestErrors: readonly Case[] = [
  {
    id: 'invalid-related-id',
    name: 'INVALID_DATA (400) when the related id in the URL does not exist',
    group: 'request errors',
    request: { method: 'PUT', path: `${DEAL_PRODUCTS}/3652397000099999999`, auth: FULL, body: one },
    expect: { shape: 'error', status: 400, code: 'INVALID_DATA', message: 'the related id given seems to be invalid' },
    doc: errors('INVALID_DATA (HTTP 400): the related id given seems to be invalid'),
    provocable: both,
    drift: [invalidDataStatus, relatedIdInUrl],
    unconfirmed: [invalidDataSplit],
  },
  {
    id: 'limit-exceeded',
    name: 'LIMIT_EXCEEDED when one call sends 101 related records',
    group: 'request errors',
    request: {
      method: 'PUT',
      path: DEAL_PRODUCTS,
      auth: FULL,
      body: { data: [...bulkProducts(MAXIMUM), { id: '{{bigin_product_id}}' }] },
    },
    expect: { shape: 'error', status: 400, code: 'LIMIT_EXCEEDED' },
    doc: { page: PAGE, section: 'Request JSON keys: You can update a maximum of 100 related records per API call' },
    provocable: both,
    drift: [relatedIdInUrl],
    unconfirmed: [overLimit],
  },
  {
    id: 'invalid-module',
    name: 'INVALID_MODULE when the module name is wrong',
    group: 'request errors',
    request: {
      method: 'PUT',
      path: '/bigin/{version}/Deal/{{bigin_deal_id}}/Products/{{bigin_product_id}}',
      auth: FULL,
      body: one,
    },
    expect: {
      shape: 'error',
      status: 400,
      code: 'INVALID_MODULE',
      message: 'the module name given seems to be invalid',
    },
    doc: errors('INVALID_MODULE (The module name given seems to be invalid)'),
    provocable: both,
  },
  {
    id: 'invalid-module-unsupported',
    name: 'INVALID_MODULE when the module is not supported in the API',
    group: 'request errors',
    request: {
      method: 'PUT',
      path: '/bigin/{version}/Documents/{{bigin_deal_id}}/Products/{{bigin_product_id}}',
      auth: FULL,
      body: one,
    },
    expect: {
      shape: 'error',
      status: 400,
      code: 'INVALID_MODULE',
      message: 'the given module is not supported in api',
    },
    doc: errors('INVALID_MODULE (The given module is not supported in API)'),
    provocable: both,
  },
  {
    id: 'invalid-url-pattern',
    name: 'INVALID_URL_PATTERN when the URL is not an API route',
    group: 'request errors',
    request: { method: 'PUT', path: `${SINGLE}/extra`, auth: FULL, body: one },
    expect: { shape: 'error', status: 404, code: 'INVALID_URL_PATTERN' },
    doc: errors('INVALID_URL_PATTERN'),
    provocable: both,
  },
  {
    id: 'invalid-request-method',
    name: 'INVALID_REQUEST_METHOD when the method is not one the URL serves',
    group: 'request errors',
    request: { method: 'COPY', path: SINGLE, auth: FULL, body: one },
    expect: { shape: 'error', status: 400, code: 'INVALID_REQUEST_METHOD' },
    doc: errors('INVALID_REQUEST_METHOD'),
    provocable: both,
  },
];

const authErrors: readonly Case[] = [
  {
    id: 'oauth-scope-mismatch',
    name: 'OAUTH_SCOPE_MISMATCH when the token lacks the Bigin update scope',
    group: 'auth',
    request: { method: 'PUT', path: SINGLE, auth: { token: 'token_without_scope' }, body: one },
    expect: { shape: 'error', status: 401, code: 'OAUTH_SCOPE_MISMATCH' },
    doc: errors('OAUTH_SCOPE_MISMATCH'),
    provocable: both,
    drift: [scopeMismatchResolution, scopeTypo],
  },
  {
    id: 'no-permission',
    name: 'NO_PERMISSION when the user may not update records',
    group: 'auth',
    request: { method: 'PUT', path: SINGLE, auth: { token: 'token_no_permission' }, body: one },
    expect: { shape: 'error', status: 403, code: 'NO_PERMISSION' },
    doc: errors('NO_PERMISSION'),
    provocable: both,
  },
  {
    id: 'authorization-failed',
    name: "AUTHORIZATION_FAILED when the user may not update that deal's related records",
    group: 'auth',
    request: {
      method: 'PUT',
      path: '/bigin/{version}/Deals/{{bigin_private_deal_id}}/Products/{{bigin_product_id}}',
      auth: { token: 'token_restricted_user' },
      body: one,
    },
    expect: { shape: 'error', status: 400, code: 'AUTHORIZATION_FAILED' },
    doc: errors('AUTHORIZATION_FAILED'),
    provocable: both,
    unconfirmed: [authorizationFailed],
  },
  mockInternalError({ method: 'PUT', path: SINGLE, auth: FULL, body: one }, errors('INTERNAL_ERROR')),
];

/** Bigin Update Related Records: relate products to deals, contacts and companies (and back), one or up to 100 at a time. */
export const updateRelatedRecords = {
  product: 'bigin',
  id: 'update-related-records',
  title: 'Update Related Records',
  docPage: PAGE,
  method: 'PUT',
  paths: [
    '/bigin/{version}/{module_api_name}/{record_id}/{related_list_api_name}/{related_record_id}',
    '/bigin/{version}/{module_api_name}/{record_id}/{related_list_api_name}',
  ],
  versions: ['v1'],
  contractVersion: '1.0.0',
  scopes: ['ZohoBigin.modules.ALL', 'ZohoBigin.modules.{module_name}.{ALL|WRITE|UPDATE}'],
  documentedCodes: [
    'SUCCESS',
    'INVALID_MODULE',
    'INVALID_URL_PATTERN',
    'OAUTH_SCOPE_MISMATCH',
    'NO_PERMISSION',
    'INTERNAL_ERROR',
    'INVALID_REQUEST_METHOD',
    'AUTHORIZATION_FAILED',
    'INVALID_DATA',
    'MANDATORY_NOT_FOUND',
  ],
  keys: { mandatory: ['id'], optional: [] },
  details: relatedRecordsDetails,
  cases: [...success, ...recordErrors, ...requestErrors, ...authErrors],
  drift: [scopeTypo, crmSample, companiesName, relatedIdInUrl],
  echoes: relatedRecordsEchoes,
  messages: relatedRecordsMessages,
} satisfies Endpoint;
