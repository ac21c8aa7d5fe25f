// The verdict reads an answer against its request and its pages: echoes, one envelope, undocumented keys, messages.

import { describe, expect, it } from 'vitest';
import {
  updateContractType,
  updateRecordLockingInformation,
  updateRecords,
  type Case,
  type Endpoint,
} from '../../src/catalog/index.ts';
import { compileContract, failsCase, judgeCase, type SchemaCheck } from '../../src/validate/index.ts';

const noSchemaErrors: SchemaCheck = () => [];
const JSON_HEADERS = { 'content-type': 'application/json;charset=utf-8' };
const caseOf = (endpoint: Endpoint, id: string): Case => {
  const found = endpoint.cases.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};
const NOW = Date.parse('2026-12-02T15:00:00Z');
const request = (url: string, body?: unknown) => ({
  method: 'PUT',
  url: `http://127.0.0.1:1${url}`,
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  sentAt: NOW - 50,
  receivedAt: NOW,
});
const success = (id: string, extra: Record<string, unknown> = {}) => ({
  code: 'SUCCESS',
  details: {
    Modified_Time: '2026-12-02T15:00:00+00:00',
    Modified_By: { name: 'A', id: '1' },
    Created_Time: '2020-01-01T00:00:00+00:00',
    Created_By: { name: 'A', id: '1' },
    id,
  },
  message: 'record updated',
  status: 'success',
  ...extra,
});
const judge = (
  endpoint: Endpoint,
  id: string,
  sent: ReturnType<typeof request>,
  status: number,
  answer: unknown,
  headers: Record<string, string> = JSON_HEADERS,
) => judgeCase(endpoint, caseOf(endpoint, id), sent, { status, body: JSON.stringify(answer), headers }, noSchemaErrors);
const kinds = (findings: readonly { kind: string; path?: string }[]) =>
  findings.map((f) => `${f.kind} ${f.path ?? ''}`.trim());

describe('echoes of the request', () => {
  it('passes a single update whose details.id is the id in the URL, and fails one naming another record', () => {
    const sent = request('/crm/v8/Leads/111', { data: [{ Last_Name: 'x' }] });
    expect(judge(updateRecords, 'success-single', sent, 200, { data: [success('111')] }).findings).toEqual([]);
    const [finding] = judge(updateRecords, 'success-single', sent, 200, { data: [success('222')] }).findings;
    expect(finding).toMatchObject({ kind: 'echo', path: '/data/0/details/id', sent: '111', got: '222' });
  });

  it('reads a bulk update by position: the ids sent, in order, and one entry per record sent', () => {
    const sent = request('/crm/v8/Leads', { data: [{ id: '1' }, { id: '2' }] });
    expect(judge(updateRecords, 'success-bulk', sent, 200, { data: [success('1'), success('2')] }).findings).toEqual(
      [],
    );
    expect(
      kinds(judge(updateRecords, 'success-bulk', sent, 200, { data: [success('2'), success('1')] }).findings),
    ).toEqual(['echo /data/0/details/id', 'echo /data/1/details/id']);
  });

  it('names the key left out in MANDATORY_NOT_FOUND and the field of DUPLICATE_DATA', () => {
    const sent = request('/crm/v8/Leads', { data: [{ id: '1', Last_Name: 'a' }, { Last_Name: 'b' }] });
    const missing = (apiName: string) => ({
      code: 'MANDATORY_NOT_FOUND',
      details: { api_name: apiName },
      message: 'required field not found',
      status: 'error',
    });
    expect(
      judge(updateRecords, 'mandatory-not-found', sent, 202, { data: [success('1'), missing('id')] }).findings,
    ).toEqual([]);
    expect(
      judge(updateRecords, 'mandatory-not-found', sent, 202, { data: [success('1'), missing('Last_Name')] }).findings,
    ).toMatchObject([{ kind: 'echo', path: '/data/1/details/api_name', got: 'Last_Name' }]);
    const duplicate = (apiName: string) => ({
      data: [
        { code: 'DUPLICATE_DATA', details: { api_name: apiName, id: '9' }, message: 'duplicate data', status: 'error' },
      ],
    });
    const dupSent = request('/crm/v8/Leads/5', { data: [{ Mobile: '555' }] });
    expect(judge(updateRecords, 'duplicate-data', dupSent, 202, duplicate('Mobile')).findings).toEqual([]);
    expect(kinds(judge(updateRecords, 'duplicate-data', dupSent, 202, duplicate('Email')).findings)).toEqual([
      'echo /data/0/details/api_name',
    ]);
  });

  it('names the locked record (RECORD_LOCKED) and the lock in the URL (locking success)', () => {
    const locked = {
      data: [
        {
          code: 'RECORD_LOCKED',
          details: { id: '8' },
          message: 'cannot update record that is not approved yet',
          status: 'error',
        },
      ],
    };
    expect(
      kinds(judge(updateRecords, 'record-locked', request('/crm/v8/Leads/7', { data: [{}] }), 202, locked).findings),
    ).toEqual(['echo /data/0/details/id']);
    const lockSent = request('/crm/v8/Leads/7/Locking_Information__s/99', { data: [{ Locked_Reason__s: 'r' }] });
    const lockAnswer = (id: string) => ({
      data: [{ code: 'SUCCESS', details: { id }, message: 'relation updated', status: 'success' }],
    });
    expect(judge(updateRecordLockingInformation, 'success-leads', lockSent, 200, lockAnswer('99')).findings).toEqual(
      [],
    );
    expect(
      kinds(judge(updateRecordLockingInformation, 'success-leads', lockSent, 200, lockAnswer('7')).findings),
    ).toEqual(['echo /data/0/details/id']);
  });

  it('reads a top-level MANDATORY_NOT_FOUND against the record sent (locking: the key left out of /data/0)', () => {
    const sent = request('/crm/v8/Leads/7/Locking_Information__s/99', { data: [{}] });
    const missing = (apiName: string) => ({
      code: 'MANDATORY_NOT_FOUND',
      details: { api_name: apiName, json_path: '$.data[0].Locked_Reason__s' },
      message: 'required field not found',
      status: 'error',
    });
    expect(
      judge(updateRecordLockingInformation, 'mandatory-locked-reason', sent, 400, missing('Locked_Reason__s')).findings,
    ).toEqual([]);
    expect(
      judge(updateRecordLockingInformation, 'mandatory-locked-reason', sent, 400, missing('id')).findings,
    ).toMatchObject([{ kind: 'echo', path: '/details/api_name', got: 'id' }]);
  });

  it("holds Modified_Time to the request's window, widened by the clock skew", () => {
    const sent = request('/crm/v8/Leads/1', { data: [{}] });
    const at = (time: string) => ({
      data: [success('1', { details: { ...success('1').details, Modified_Time: time } })],
    });
    expect(judge(updateRecords, 'success-single', sent, 200, at('2026-12-02T15:04:00+00:00')).findings).toEqual([]);
    expect(kinds(judge(updateRecords, 'success-single', sent, 200, at('2026-12-02T15:06:00+00:00')).findings)).toEqual([
      'echo /data/0/details/Modified_Time',
    ]);
    const tight = judgeCase(
      updateRecords,
      caseOf(updateRecords, 'success-single'),
      sent,
      { status: 200, body: JSON.stringify(at('2026-12-02T15:04:00+00:00')), headers: JSON_HEADERS },
      noSchemaErrors,
      { strict: false, clockSkewMs: 0 },
    );
    expect(kinds(tight.findings)).toEqual(['echo /data/0/details/Modified_Time']);
  });

  it("checks a Contracts success's apiName against the URL", () => {
    const sent = request('/api/v1/admin/contracttypes/MSS', { name: 'Master' });
    expect(judge(updateContractType, 'success', sent, 200, { Type: 'success', apiName: 'MSS' }).findings).toEqual([]);
    expect(judge(updateContractType, 'success', sent, 200, { Type: 'success', apiName: 'NDA' }).findings).toMatchObject(
      [{ kind: 'echo', path: '/apiName', sent: 'MSS', got: 'NDA' }],
    );
  });

  it('compiles each endpoint once', () => {
    expect(compileContract(updateRecords)).toBe(compileContract(updateRecords));
  });
});

describe('one envelope at a time, and keys no page documents', () => {
  const sent = request('/crm/v8/Leads/1', { data: [{}] });

  it('fails a data[] answer that also carries a top-level code or status', () => {
    const { findings } = judge(updateRecords, 'success-single', sent, 200, {
      data: [success('1')],
      status: 'error',
      code: 'INTERNAL_ERROR',
    });
    expect(kinds(findings)).toEqual(['envelope /status', 'envelope /code']);
  });

  it('fails a top-level error that also carries data', () => {
    const { findings } = judge(updateRecords, 'no-permission', sent, 403, {
      code: 'NO_PERMISSION',
      details: {},
      message: 'Permission denied to update',
      status: 'error',
      data: null,
    });
    expect(kinds(findings)).toEqual(['envelope /data']);
  });

  it('reports undocumented keys at every level, failing only under strict', () => {
    const { findings } = judge(updateRecords, 'success-single', sent, 200, {
      data: [success('1', { zia: 1, details: { ...success('1').details, Tag: [] } })],
      info: {},
    });
    expect(kinds(findings)).toEqual([
      'undocumented-key /info',
      'undocumented-key /data/0/zia',
      'undocumented-key /data/0/details/Tag',
    ]);
    expect(findings.filter((f) => failsCase(f, { strict: false }))).toEqual([]);
    expect(findings.filter((f) => failsCase(f, { strict: true }))).toHaveLength(3);
  });

  it('treats a key beside the Contracts success body the same way: listed, failing only under strict', () => {
    const sent = request('/api/v1/admin/contracttypes/MSS', { name: 'Master' });
    const { findings } = judge(updateContractType, 'success', sent, 200, { Type: 'success', apiName: 'MSS', id: '1' });
    expect(kinds(findings)).toEqual(['undocumented-key /id']);
    expect(findings.filter((f) => failsCase(f, { strict: false }))).toEqual([]);
    expect(findings.filter((f) => failsCase(f, { strict: true }))).toHaveLength(1);
  });
});

describe('messages the pages print', () => {
  const sent = request('/crm/v8/Leads/1', { data: [{}] });
  const scope = (message: string) => ({ code: 'OAUTH_SCOPE_MISMATCH', details: {}, message, status: 'error' });

  it('passes any printed variant, without case or extra whitespace, and fails any other', () => {
    expect(judge(updateRecords, 'oauth-scope-mismatch', sent, 401, scope('  UNAUTHORIZED ')).findings).toEqual([]);
    expect(
      judge(updateRecords, 'oauth-scope-mismatch', sent, 401, scope('invalid  oauth scope to access this URL'))
        .findings,
    ).toEqual([]);
    expect(
      judge(updateRecords, 'oauth-scope-mismatch', sent, 401, scope('totally different words')).findings,
    ).toMatchObject([{ kind: 'message', path: '/message', got: 'totally different words' }]);
  });

  it('checks per-entry messages and says which codes no page prints a message for', () => {
    const wrong = judge(updateRecords, 'success-single', sent, 200, {
      data: [success('1', { message: 'record saved' })],
    });
    expect(wrong.findings).toMatchObject([{ kind: 'message', path: '/data/0/message' }]);
    const limit = judge(updateRecords, 'limit-exceeded-records', request('/crm/v8/Leads'), 400, {
      code: 'LIMIT_EXCEEDED',
      details: {},
      message: 'anything',
      status: 'error',
    });
    expect(limit).toMatchObject({
      findings: [],
      unpinned: ['message of LIMIT_EXCEEDED not checked (no page prints one)'],
    });
    const length = judge(updateRecords, 'invalid-data-length', sent, 202, {
      data: [{ code: 'INVALID_DATA', details: {}, message: 'invalid data', status: 'error' }],
    });
    expect(length.findings).toEqual([]);
    expect(length.unpinned[0]).toMatch(/^message of INVALID_DATA not checked \(the page prints/);
  });
});

describe('Content-Type', () => {
  it('fails a JSON body without the header like one with a wrong type', () => {
    const sent = request('/crm/v8/Leads/1', { data: [{}] });
    expect(kinds(judge(updateRecords, 'success-single', sent, 200, { data: [success('1')] }, {}).findings)).toEqual([
      'content-type',
    ]);
    expect(
      judge(
        updateRecords,
        'success-single',
        sent,
        200,
        { data: [success('1')] },
        { 'Content-Type': 'application/vnd.zoho+json' },
      ).findings,
    ).toEqual([]);
  });
});
