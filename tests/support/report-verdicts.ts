// A fixed set of verdicts covering every outcome (pass, pass with a part not checked, fail with schema errors, not checked,
// not applicable, flaky, transport error), for report tests.

import type { Verdict } from '../../src/verdict/index.ts';

const base = {
  product: 'crm',
  endpoint: 'update-records',
  version: 'v8',
  group: 'record errors',
  target: 'gateway',
  findings: [],
  expected: { shape: 'records', status: 202, codes: ['RECORD_LOCKED'] },
  doc: { page: 'crm-update-records.txt', section: 'Possible Errors: RECORD_LOCKED' },
  durationMs: 3,
} as const;

export const CANARY = '1000.canarycanarycanary0123456789.abcdefabcdefabcdef0123456789';

export const reportVerdicts: Verdict[] = [
  {
    ...base,
    caseId: 'record-locked',
    caseName: 'RECORD_LOCKED when the record is locked',
    outcome: 'pass',
    reason: '',
    unpinned: ['message of RECORD_LOCKED not checked (no page prints one)'],
    actual: { status: 202, codes: ['RECORD_LOCKED'], shape: 'records' },
  },
  {
    ...base,
    caseId: 'not-approved',
    caseName: 'NOT_APPROVED when the record awaits approval',
    outcome: 'fail',
    reason: 'expected HTTP 202, got 200; schema: /data/0/status must be equal to one of the allowed values',
    findings: [
      { kind: 'status', message: 'expected HTTP 202, got 200' },
      {
        kind: 'schema',
        message: '/data/0/status must be equal to one of the allowed values ("success", "error")',
        path: '/data/0/status',
        keyword: 'enum',
      },
    ],
    actual: { status: 200, codes: ['NOT_APPROVED'], shape: 'records' },
    exchange: {
      method: 'PUT',
      url: 'http://gw/crm/v8/Leads/1',
      requestHeaders: { Authorization: `Zoho-oauthtoken ${CANARY}` },
      requestBody: `{"token":"${CANARY}"}`,
      status: 200,
      responseHeaders: {},
      responseBody: '{"data":[{"status":"ok"}]}',
    },
  },
  {
    ...base,
    caseId: 'duplicate-data',
    caseName: 'DUPLICATE_DATA when a unique field repeats another record',
    outcome: 'not-checked',
    reason: 'not configured for this target: ZOHO_EXISTING_MOBILE',
    notChecked: {
      cause: 'configuration',
      fix: 'set ZOHO_EXISTING_MOBILE (see .env.example)',
      variables: ['ZOHO_EXISTING_MOBILE'],
    },
  },
  {
    ...base,
    caseId: 'internal-error',
    caseName: 'INTERNAL_ERROR when the server fails',
    group: 'server errors',
    outcome: 'not-applicable',
    reason: 'url cannot provoke it (mock only)',
  },
  {
    ...base,
    caseId: 'success-single',
    caseName: 'SUCCESS when one record is updated by the id in the URL',
    group: 'success',
    outcome: 'pass',
    reason: '',
    unpinned: ['echo of /data/0/details/id not checked: the URL names no record id'],
    flaky: true,
    attempts: [
      {
        ...base,
        caseId: 'success-single',
        caseName: 'SUCCESS when one record is updated by the id in the URL',
        outcome: 'fail',
        reason: 'expected HTTP 200, got 500',
      },
    ],
  },
  {
    ...base,
    caseId: 'invalid-module',
    caseName: 'INVALID_MODULE when the module name is wrong',
    group: 'request errors',
    outcome: 'error',
    reason: 'transport error: connection reset by the server (socket hang up)',
    findings: [{ kind: 'transport', message: 'transport error: connection reset by the server (socket hang up)' }],
  },
];
