// The mock plays an org profile over loopback: its rules on insert and update, its edition's concurrency limit (its
// metadata: metadata-api.test.ts and metadata-required-keys.test.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrgProfile, startMock, type MockServer } from '../../src/mock/index.ts';
import { ROOT } from '../support/docs.ts';
import { call } from '../support/http-call.ts';

const STRICT = join(ROOT, 'tests', 'fixtures', 'org-profiles', 'strict-org.json');
const strict = () => parseOrgProfile(JSON.parse(readFileSync(STRICT, 'utf8')) as unknown, STRICT);

/** A Lead the strict org accepts; each test breaks one rule of it. */
const lead = (extra: Record<string, unknown> = {}) => ({
  Last_Name: 'Rule',
  Company: 'Zylker',
  Region_Code: 'EU-1',
  Lead_Source: 'Partner',
  Follow_Up_Date: '2026-12-24',
  ...extra,
});

let mock: MockServer;
let token: string;
const post = (module: string, data: unknown[]) =>
  call(mock.url, 'POST', `/crm/v8/${module}`, { token, body: { data } });
const put = (module: string, data: unknown[]) => call(mock.url, 'PUT', `/crm/v8/${module}`, { token, body: { data } });
const entry = (json: unknown, i = 0) => (json as { data: Array<Record<string, unknown>> }).data[i];

beforeAll(async () => {
  mock = await startMock({ org: strict() });
  token = mock.variables['access_token'] ?? '';
});
afterAll(() => mock.close());

describe('profile rules on insert and update', () => {
  it('inserts a record that holds to every rule', async () => {
    const res = await post('Leads', [lead()]);
    expect(res.status).toBe(201);
    expect(entry(res.json)).toMatchObject({ code: 'SUCCESS', message: 'record added', status: 'success' });
  });

  it('answers MANDATORY_NOT_FOUND for each missing mandatory field, naming it and its JSON path', async () => {
    const res = await post('Leads', [lead(), lead({ Follow_Up_Date: undefined }), lead({ Lead_Source: '' })]);
    expect(res.status).toBe(202);
    expect(entry(res.json, 0)).toMatchObject({ code: 'SUCCESS' });
    expect(entry(res.json, 1)).toEqual({
      code: 'MANDATORY_NOT_FOUND',
      details: { api_name: 'Follow_Up_Date', json_path: '$.data[1].Follow_Up_Date' },
      message: 'required field not found',
      status: 'error',
    });
    expect(entry(res.json, 2)).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Lead_Source' } });
  });

  it('lets an update leave a mandatory field out, but not empty it', async () => {
    const id = mock.variables['record_id'];
    expect((await put('Leads', [{ id, Description: 'no mandatory field given' }])).status).toBe(200);
    const emptied = await put('Leads', [{ id, Company: null }]);
    expect(entry(emptied.json)).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Company' } });
  });

  it('answers INVALID_DATA for a lookup to a record that does not exist, and accepts one that does', async () => {
    const account = entry((await post('Accounts', [{ Account_Name: 'Lookup target' }])).json)?.['details'] as {
      id: string;
    };
    const missing = await post('Projects_Tracker', [{ Name: 'P1', Client: { id: '3652397000009999999' } }]);
    expect(missing.status).toBe(202);
    expect(entry(missing.json)).toEqual({
      code: 'INVALID_DATA',
      details: { api_name: 'Client', expected_data_type: 'lookup', json_path: '$.data[0].Client' },
      message: 'invalid data',
      status: 'error',
    });
    const found = await post('Projects_Tracker', [{ Name: 'P2', Client: { id: account.id } }]);
    expect(entry(found.json)).toMatchObject({ code: 'SUCCESS' });
  });

  it('answers MANDATORY_NOT_FOUND for a mandatory lookup left out', async () => {
    const res = await post('Projects_Tracker', [{ Name: 'P3' }]);
    expect(entry(res.json)).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Client' } });
  });

  it('answers DUPLICATE_DATA for a value a unique field already holds, on insert and on update', async () => {
    const first = await post('Leads', [lead({ Email: 'unique@zylker.com' })]);
    const holder = (entry(first.json)?.['details'] as { id: string }).id;
    const again = await post('Leads', [lead({ Email: 'unique@zylker.com' })]);
    expect(entry(again.json)).toEqual({
      code: 'DUPLICATE_DATA',
      details: { api_name: 'Email', id: holder },
      message: 'duplicate data',
      status: 'error',
    });
    const update = await put('Leads', [{ id: mock.variables['second_record_id'], Email: 'unique@zylker.com' }]);
    expect(entry(update.json)).toMatchObject({ code: 'DUPLICATE_DATA', details: { api_name: 'Email', id: holder } });
  });

  it.each([
    ['a date that is not YYYY-MM-DD', { Follow_Up_Date: '24/12/2026' }, 'Follow_Up_Date', 'date'],
    ['a picklist value the field does not have', { Lead_Source: 'Cold Call' }, 'Lead_Source', 'picklist'],
    ['a number for a text field', { Company: 42 }, 'Company', 'text'],
    ['a string for a currency field', { Annual_Revenue: 'lots' }, 'Annual_Revenue', 'currency'],
    ['an email without @', { Email: 'not-an-email' }, 'Email', 'email'],
  ])('answers INVALID_DATA with the expected type for %s', async (_name, extra, field, type) => {
    const res = await post('Leads', [lead(extra)]);
    expect(entry(res.json)).toEqual({
      code: 'INVALID_DATA',
      details: { api_name: field, expected_data_type: type, json_path: `$.data[0].${field}` },
      message: 'invalid data',
      status: 'error',
    });
  });

  it('answers INVALID_DATA for a value over the field length, naming the maximum and where the value is', async () => {
    const res = await post('Leads', [lead(), lead({ Region_Code: 'EUROPE-1' })]);
    expect(entry(res.json, 1)).toEqual({
      code: 'INVALID_DATA',
      // users.json MaxLengthDetails / record_locking.json Maximum_Length: maximum_length, api_name, json_path.
      details: {
        api_name: 'Region_Code',
        expected_data_type: 'text',
        maximum_length: 6,
        json_path: '$.data[1].Region_Code',
      },
      message: 'invalid data',
      status: 'error',
    });
  });

  it('checks datetime, integer and boolean fields of a custom module', async () => {
    const res = await post('Projects_Tracker', [
      { Name: 'P4', Client: { id: mock.variables['record_id'] }, Kick_Off: '2026-12-24 10:00' },
    ]);
    // The Client looked up is a Lead id, not an Account: the lookup fails before anything else.
    expect(entry(res.json)).toMatchObject({ details: { api_name: 'Client', expected_data_type: 'lookup' } });
    const account = (entry((await post('Accounts', [{ Account_Name: 'Typed' }])).json)?.['details'] as { id: string })
      .id;
    const typed = await post('Projects_Tracker', [
      { Name: 'P5', Client: account, Kick_Off: '2026-12-24 10:00' },
      { Name: 'P6', Client: account, Headcount: 2.5 },
      { Name: 'P7', Client: account, Billable: 'yes' },
      {
        Name: 'P8',
        Client: account,
        Kick_Off: '2026-12-24T10:00:00+01:00',
        Headcount: 3,
        Billable: true,
        Budget: 1200.5,
      },
    ]);
    expect(
      (typed.json as { data: Array<{ details: { expected_data_type?: string } }> }).data.map(
        (e) => e.details.expected_data_type,
      ),
    ).toEqual(['datetime', 'integer', 'boolean', undefined]);
  });

  it('answers INVALID_MODULE for a module the org does not have, Custom_Module1 included', async () => {
    for (const module of ['Custom_Module1', 'Campaigns']) {
      const res = await put(module, [{ id: '3652397000000412001', Name: 'x' }]);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: 'INVALID_MODULE',
        details: {},
        message: 'the module name given seems to be invalid',
        status: 'error',
      });
    }
  });

  it('locks records only in modules the profile marks lockable', async () => {
    const record = entry(
      (
        await post('Projects_Tracker', [
          {
            Name: 'Lockable',
            Client: (
              entry((await post('Accounts', [{ Account_Name: 'Lock client' }])).json)?.['details'] as { id: string }
            ).id,
          },
        ])
      ).json,
    )?.['details'] as { id: string };
    const locked = await call(mock.url, 'POST', `/crm/v8/Projects_Tracker/${record.id}/Locking_Information__s`, {
      token,
      body: { data: [{ Locked_Reason__s: 'rehearsal' }] },
    });
    expect(locked.status).toBe(201);
    const events = await call(mock.url, 'POST', `/crm/v8/Events/${record.id}/Locking_Information__s`, {
      token,
      body: { data: [{ Locked_Reason__s: 'x' }] },
    });
    expect(events.json).toMatchObject({ code: 'INVALID_MODULE' });
  });
});

describe("the edition's concurrency limit", () => {
  it("answers N calls in flight and turns the N+1th away with 429 TOO_MANY_REQUESTS in Zoho's envelope", async () => {
    const org = { ...strict(), edition: 'free' as const };
    const held = await startMock({ org, latencyMs: 3_000 });
    try {
      expect(held.concurrencyLimit).toBe(5);
      const auth = held.variables['access_token'] ?? '';
      const first = Array.from({ length: 5 }, () => call(held.url, 'GET', '/crm/v8/org', { token: auth }));
      while (held.inFlight() < 5) await new Promise((resolve) => setTimeout(resolve, 10));
      const extra = await call(held.url, 'GET', '/crm/v8/settings/modules', { token: auth });
      expect(extra.status).toBe(429);
      expect(extra.json).toEqual({
        code: 'TOO_MANY_REQUESTS',
        details: {},
        message: 'too many requests',
        status: 'error',
      });
      expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      // Once they are answered, the slots are free again.
      expect((await call(held.url, 'GET', '/crm/v8/org', { token: auth })).status).toBe(200);
      expect(held.provoked()['TOO_MANY_REQUESTS:concurrency']).toBe(1);
    } finally {
      await held.close();
    }
  });

  it('has no limit on the default org, as before profiles', async () => {
    const plain = await startMock();
    try {
      expect(plain.concurrencyLimit).toBe(Number.POSITIVE_INFINITY);
    } finally {
      await plain.close();
    }
  });
});
