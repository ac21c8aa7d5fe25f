// The mock answers Update Records from the request alone, as the doc pages say Zoho does.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { call } from '../support/http-call.ts';

let mock: MockServer;
let v: Readonly<Record<string, string>>;
beforeAll(async () => {
  mock = await startMock({ now: () => new Date('2026-11-24T10:00:00.000Z') });
  v = mock.variables;
});
afterAll(async () => mock.close());

const put = (path: string, body: unknown, token = v['access_token']) =>
  call(mock.url, 'PUT', `/crm/v2.1${path}`, { ...(token ? { token } : {}), body });
const entry = (code: string, details: unknown, status = 'error') => ({
  code,
  details,
  status,
  message: expect.any(String),
});

describe('successful updates', () => {
  it("updates one record by the id in the URL and answers SUCCESS with Zoho's details", async () => {
    const res = await put(`/Leads/${v['record_id']}`, { data: [{ Last_Name: 'Renamed' }] });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      data: [
        {
          code: 'SUCCESS',
          details: {
            Modified_Time: '2026-11-24T10:00:00+00:00',
            Modified_By: { name: 'Patricia Boyle', id: expect.stringMatching(/^\d{19}$/) },
            Created_Time: '2021-05-02T11:17:33+00:00',
            id: v['record_id'],
            Created_By: { name: 'Patricia Boyle', id: expect.stringMatching(/^\d{19}$/) },
          },
          message: 'record updated',
          status: 'success',
        },
      ],
    });
    expect(mock.getRecord('Leads', v['record_id'] ?? '')).toMatchObject({ Last_Name: 'Renamed' });
  });

  it('answers a bulk update per record, in order, and 202 when one entry fails', async () => {
    const res = await put('/Leads', {
      data: [
        { id: v['second_record_id'], Last_Name: 'Second' },
        { Last_Name: 'No id' },
        { id: v['locked_record_id'], Last_Name: 'X' },
      ],
    });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({
      data: [
        entry('SUCCESS', expect.any(Object), 'success'),
        entry('MANDATORY_NOT_FOUND', { api_name: 'id' }),
        entry('RECORD_LOCKED', { action: 'zia_vision_processing', id: v['locked_record_id'] }),
      ],
    });
    expect(mock.getRecord('Leads', v['second_record_id'] ?? '')).toMatchObject({ Last_Name: 'Second' });
  });

  it('appends to a multi-select with $append_values true and replaces without it', async () => {
    await put('/Deals', {
      data: [{ id: v['deal_id'], Foreign_Languages: ['Korean'], $append_values: { Foreign_Languages: true } }],
    });
    expect(mock.getRecord('Deals', v['deal_id'] ?? '')?.['Foreign_Languages']).toEqual(['English', 'Korean']);
    await put('/Deals', { data: [{ id: v['deal_id'], Foreign_Languages: ['Hindi'] }] });
    expect(mock.getRecord('Deals', v['deal_id'] ?? '')?.['Foreign_Languages']).toEqual(['Hindi']);
  });

  it('accepts trigger and lar_id, and updates all 100 records of a maximal bulk call', async () => {
    const data = Array.from({ length: 100 }, (_, i) => ({
      id: v[`bulk_id_${String(i + 1).padStart(3, '0')}`],
      Last_Name: `B${i}`,
    }));
    const res = await put('/Leads', { data, trigger: ['workflow'], lar_id: '1' });
    expect(res.status).toBe(200);
    expect((res.json as { data: unknown[] }).data).toHaveLength(100);
  });
});

describe('per-record errors (HTTP 202)', () => {
  it.each([
    [
      'an unknown id',
      () => ({ data: [{ id: '3652397000099999999', Last_Name: 'x' }] }),
      '/Leads',
      'INVALID_DATA',
      () => ({ api_name: 'id' }),
    ],
    [
      'a value over the field length',
      () => ({ data: [{ Last_Name: 'x'.repeat(81) }] }),
      () => `/Leads/${v['record_id']}`,
      'INVALID_DATA',
      () => ({
        api_name: 'Last_Name',
        expected_data_type: 'text',
        maximum_length: 80,
        json_path: '$.data[0].Last_Name',
      }),
    ],
    [
      'a Mobile another Lead holds',
      () => ({ data: [{ Mobile: v['existing_mobile'] }] }),
      () => `/Leads/${v['second_record_id']}`,
      'DUPLICATE_DATA',
      () => ({ api_name: 'Mobile', id: expect.stringMatching(/^\d+$/) }),
    ],
    [
      'an event with 51 participants',
      () => ({
        data: [{ Participants: Array.from({ length: 51 }, (_, i) => ({ type: 'email', participant: `g${i}@x.com` })) }],
      }),
      () => `/Events/${v['event_id']}`,
      'LIMIT_EXCEEDED',
      () => ({ api_name: 'Participants', limit: 50 }),
    ],
    [
      'a record awaiting approval',
      () => ({ data: [{ Last_Name: 'x' }] }),
      () => `/Leads/${v['unapproved_record_id']}`,
      'NOT_APPROVED',
      () => ({ id: v['unapproved_record_id'] }),
    ],
  ] as const)('answers %s with its code, leaving the record unchanged', async (_name, body, path, code, details) => {
    const target = typeof path === 'function' ? path() : path;
    const before = JSON.stringify(mock.getRecord(target.split('/')[1] ?? '', target.split('/')[2] ?? ''));
    const res = await put(target, body());
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ data: [entry(code, details())] });
    expect(JSON.stringify(mock.getRecord(target.split('/')[1] ?? '', target.split('/')[2] ?? ''))).toBe(before);
  });

  it('allows 50 participants', async () => {
    const res = await put(`/Events/${v['event_id']}`, {
      data: [{ Participants: Array.from({ length: 50 }, (_, i) => ({ type: 'email', participant: `g${i}@x.com` })) }],
    });
    expect(res.status).toBe(200);
  });
});

describe('top-level errors', () => {
  const error = (code: string, message?: string) => ({
    code,
    details: expect.any(Object),
    message: message ?? expect.any(String),
    status: 'error',
  });

  it('answers an unknown module and an unsupported one with the two INVALID_MODULE messages', async () => {
    expect((await put(`/Lead/${v['record_id']}`, { data: [{}] })).json).toEqual(
      error('INVALID_MODULE', 'the module name given seems to be invalid'),
    );
    const unsupported = await put(`/Documents/${v['record_id']}`, { data: [{}] });
    expect(unsupported.status).toBe(400);
    expect(unsupported.json).toEqual(error('INVALID_MODULE', 'the given module is not supported in api'));
  });

  it('answers a body that is not JSON as the saved example does', async () => {
    const res = await call(mock.url, 'PUT', '/crm/v2/Leads', {
      token: v['access_token'] ?? '',
      raw: '{"data":[{"id": 123 "Last_Name": "x"}]}',
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      code: 'INVALID_DATA',
      details: { expected_data_type: 'jsonobject' },
      message: 'body',
      status: 'error',
    });
  });

  it('answers 101 records with LIMIT_EXCEEDED before touching any record', async () => {
    const res = await put('/Leads', {
      data: Array.from({ length: 101 }, (_, i) => ({
        id: v[`bulk_id_${String(i + 1).padStart(3, '0')}`],
        Last_Name: 'Over',
      })),
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      code: 'LIMIT_EXCEEDED',
      details: { limit: 100 },
      message: 'Cannot process more than 100 records at a time.',
      status: 'error',
    });
    expect(mock.getRecord('Leads', v['bulk_id_001'] ?? '')?.['Last_Name']).not.toBe('Over');
  });

  it.each([
    ['an extra path segment', `/crm/v2.1/Leads/1/x/y`],
    ['an unknown API version', '/crm/v99/Leads'],
    ['a non-digit record id', '/crm/v2.1/Leads/abc'],
    ['a path outside /crm', '/bigin/v1/Leads'],
  ])('answers %s with INVALID_URL_PATTERN 404', async (_name, path) => {
    const res = await call(mock.url, 'PUT', path, { token: v['access_token'] ?? '', body: { data: [{}] } });
    expect(res.status).toBe(404);
    expect(res.json).toEqual(error('INVALID_URL_PATTERN'));
  });

  it('answers COPY with INVALID_REQUEST_METHOD 400', async () => {
    const res = await call(mock.url, 'COPY', '/crm/v2/Leads', { token: v['access_token'] ?? '', body: { data: [{}] } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(error('INVALID_REQUEST_METHOD', 'The http request method type is not a valid one'));
  });

  it('answers auth problems with 401s and permission problems with 403/400', async () => {
    const path = `/Leads/${v['record_id']}`;
    expect((await put(path, { data: [{}] }, '')).json).toEqual(error('AUTHENTICATION_FAILURE'));
    expect(
      (
        await call(mock.url, 'PUT', `/crm/v2.1${path}`, {
          authorization: `Bearer ${v['access_token']}`,
          body: { data: [{}] },
        })
      ).json,
    ).toEqual(error('INVALID_TOKEN'));
    const scope = await put(path, { data: [{}] }, v['token_without_scope']);
    expect([scope.status, scope.json]).toEqual([
      401,
      error('OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL'),
    ]);
    const permission = await put(path, { data: [{}] }, v['token_no_permission']);
    expect([permission.status, permission.json]).toEqual([403, error('NO_PERMISSION')]);
    const privateRecord = await put(
      `/Leads/${v['private_record_id']}`,
      { data: [{ Last_Name: 'x' }] },
      v['token_restricted_user'],
    );
    expect([privateRecord.status, privateRecord.json]).toEqual([400, error('AUTHORIZATION_FAILED')]);
    const own = await put(path, { data: [{ Last_Name: 'Fine' }] }, v['token_restricted_user']);
    expect(own.status).toBe(200);
  });

  it('grants by module scope: leads.READ allows reading Leads, not updating them', async () => {
    // token_without_scope has only ZohoCRM.modules.leads.READ: reading Leads works, updating does not.
    const read = await call(mock.url, 'GET', `/crm/v2.1/Leads/${v['record_id']}`, {
      token: v['token_without_scope'] ?? '',
    });
    expect(read.status).toBe(200);
  });
});

describe('faults and bookkeeping', () => {
  it('injects a 500 and a 429 with Retry-After only when the fault header asks', async () => {
    const failing = await call(mock.url, 'PUT', `/crm/v2.1/Leads/${v['record_id']}`, {
      token: v['access_token'] ?? '',
      body: { data: [{}] },
      headers: { 'X-Mock-Fault': 'internal-error' },
    });
    expect([failing.status, failing.json]).toEqual([
      500,
      { code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' },
    ]);
    const throttled = await call(mock.url, 'PUT', `/crm/v2.1/Leads/${v['record_id']}`, {
      token: v['access_token'] ?? '',
      body: { data: [{}] },
      headers: { 'X-Mock-Fault': 'rate-limit' },
    });
    expect([throttled.status, throttled.headers['retry-after']]).toEqual([429, '1']);
  });

  it('drops the connection when asked', async () => {
    await expect(call(mock.url, 'PUT', '/crm/v2.1/Leads', { headers: { 'X-Mock-Fault': 'drop' } })).rejects.toThrow(
      /socket hang up|ECONNRESET/,
    );
  });

  it('answers a body over 1 MiB with 413', async () => {
    const res = await call(mock.url, 'PUT', '/crm/v2.1/Leads', {
      token: v['access_token'] ?? '',
      raw: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ code: 'REQUEST_ENTITY_TOO_LARGE', status: 'error' });
  });

  it('inserts, reads and deletes records (what live fixtures will use)', async () => {
    const before = mock.countRecords('Leads');
    const created = await call(mock.url, 'POST', '/crm/v8/Leads', {
      token: v['access_token'] ?? '',
      body: { data: [{ Last_Name: 'Fixture' }] },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { data: Array<{ details: { id: string } }> }).data[0]?.details.id ?? '';
    expect(mock.countRecords('Leads')).toBe(before + 1);
    expect((await call(mock.url, 'GET', `/crm/v8/Leads/${id}`, { token: v['access_token'] ?? '' })).json).toEqual({
      data: [{ Last_Name: 'Fixture', id }],
    });
    const deleted = await call(mock.url, 'DELETE', `/crm/v8/Leads?ids=${id}`, { token: v['access_token'] ?? '' });
    expect(deleted.json).toEqual({
      data: [{ code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' }],
    });
    expect(mock.countRecords('Leads')).toBe(before);
  });

  it('counts what it was asked and lists what it never was', () => {
    expect(mock.provoked()['RECORD_LOCKED']).toBeGreaterThan(0);
    expect(mock.unprovoked()).not.toContain('RECORD_LOCKED');
    expect(mock.unprovoked()).toContain('INVALID_DATA:trigger');
  });
});
