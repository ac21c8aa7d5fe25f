// Update Records cases the whole request fails with: module, body, URL, method and the 101-record limit. Pure data.

import { commonCases } from '../common-cases.ts';
import type { Case } from '../types.ts';
import { invalidDataShape, invalidMethodStatus } from './update-records-drift.ts';
import { BULK, FULL, PAGE, SINGLE, both, bulkEntries, errors, lead } from './update-records-requests.ts';
import { overLimit } from './update-records-unconfirmed.ts';

/** INVALID_MODULE (both variants), INVALID_URL_PATTERN and INVALID_REQUEST_METHOD as every endpoint has them; INVALID_DATA for a body that is not JSON; LIMIT_EXCEEDED. */
export const requestErrors: readonly Case[] = [
  ...commonCases({
    request: { method: 'PUT', path: SINGLE, auth: FULL, body: { data: [lead('Request')] } },
    module: 'Leads',
    documented: {
      'invalid-module': {
        doc: errors('INVALID_MODULE (the module name given seems to be invalid)'),
        message: 'the module name given seems to be invalid',
      },
      'invalid-module-unsupported': {
        doc: errors('INVALID_MODULE (The given module is not supported in API)'),
        message: 'the given module is not supported in api',
      },
      'invalid-url-pattern': { doc: errors('INVALID_URL_PATTERN') },
      'invalid-request-method': { doc: errors('INVALID_REQUEST_METHOD'), drift: [invalidMethodStatus] },
    },
  }),
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
