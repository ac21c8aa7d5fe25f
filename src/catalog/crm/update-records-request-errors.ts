// Update Records cases the whole request fails with: module, body, URL, method and the 101-record limit. Pure data.

import type { Case } from '../types.ts';
import { invalidDataShape, invalidMethodStatus } from './update-records-drift.ts';
import { BULK, FULL, PAGE, both, bulkEntries, errors, lead } from './update-records-requests.ts';
import { overLimit } from './update-records-unconfirmed.ts';

/** INVALID_MODULE (both variants), INVALID_DATA for a body that is not JSON, INVALID_URL_PATTERN, INVALID_REQUEST_METHOD, LIMIT_EXCEEDED. */
export const requestErrors: readonly Case[] = [
  {
    id: 'invalid-module',
    name: 'INVALID_MODULE when the module name is wrong',
    group: 'request errors',
    request: { method: 'PUT', path: '/crm/{version}/Lead/{{record_id}}', auth: FULL, body: { data: [lead('Typo')] } },
    expect: {
      shape: 'error',
      status: 400,
      code: 'INVALID_MODULE',
      message: 'the module name given seems to be invalid',
    },
    doc: errors('INVALID_MODULE (the module name given seems to be invalid)'),
    provocable: both,
  },
  {
    id: 'invalid-module-unsupported',
    name: 'INVALID_MODULE when the module is not supported in the API',
    group: 'request errors',
    request: {
      method: 'PUT',
      path: '/crm/{version}/Documents/{{record_id}}',
      auth: FULL,
      body: { data: [lead('Unsupported')] },
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
    id: 'invalid-data-body',
    name: 'INVALID_DATA for the whole request when the body is not JSON',
    group: 'request errors',
    request: {
      method: 'PUT',
      path: BULK,
      auth: FULL,
      body: { raw: '{\n "data": [\n {\n "id": 123\n "Last_Name": "Last_Name"\n }\n ]\n}' },
    },
    expect: { shape: 'error', status: 400, code: 'INVALID_DATA' },
    doc: {
      page: 'crm-update-records-postman-item.txt',
      section: 'Postman Collection Item JSON: response "INVALID_DATA"',
    },
    provocable: both,
    drift: [invalidDataShape],
  },
  {
    id: 'invalid-url-pattern',
    name: 'INVALID_URL_PATTERN when the URL is not an API route',
    group: 'request errors',
    request: {
      method: 'PUT',
      path: '/crm/{version}/Leads/{{record_id}}/not/a/route',
      auth: FULL,
      body: { data: [lead('Lost')] },
    },
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
