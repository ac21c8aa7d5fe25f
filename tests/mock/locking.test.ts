// The mock's record-locking endpoint, from realistic requests.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { call } from '../support/http-call.ts';

let mock: MockServer;
let v: Readonly<Record<string, string>>;
beforeAll(async () => {
  mock = await startMock();
  v = mock.variables;
});
afterAll(async () => mock.close());

const lockUrl = (module: string, record?: string, lock?: string) =>
  `/crm/v8/${module}/${record ?? v['locked_lead_id']}/Locking_Information__s/${lock ?? v['lead_lock_id']}`;
const body = { data: [{ Locked_Reason__s: 'deal info updated' }] };
const as = (variable: string) => v[variable] ?? '';

describe('PUT .../Locking_Information__s/{lock_id}', () => {
  it('updates the reason and answers SUCCESS "relation updated" with the lock id', async () => {
    const res = await call(mock.url, 'PUT', lockUrl('Leads'), { token: as('access_token'), body });
    expect([res.status, res.json]).toEqual([
      200,
      {
        data: [{ code: 'SUCCESS', details: { id: v['lead_lock_id'] }, message: 'relation updated', status: 'success' }],
      },
    ]);
  });

  it('needs both the locking scope and a module scope, each missing alone is OAUTH_SCOPE_MISMATCH', async () => {
    for (const token of ['token_module_scope_only', 'token_locking_scope_only']) {
      const res = await call(mock.url, 'PUT', lockUrl('Leads'), { token: as(token), body });
      expect([token, res.status, (res.json as { code: string }).code]).toEqual([token, 401, 'OAUTH_SCOPE_MISMATCH']);
    }
  });

  it('answers 403 for a wrong method here (400 on Update Records)', async () => {
    const res = await call(mock.url, 'POST', lockUrl('Leads'), { token: as('access_token'), body });
    expect([res.status, (res.json as { code: string }).code]).toEqual([403, 'INVALID_REQUEST_METHOD']);
  });

  it('refuses modules the page does not list, and unknown ones, with INVALID_MODULE', async () => {
    for (const path of [lockUrl('Campaigns', as('campaign_id')), lockUrl('Lead')]) {
      const res = await call(mock.url, 'PUT', path, { token: as('access_token'), body });
      expect([res.status, (res.json as { code: string }).code]).toEqual([400, 'INVALID_MODULE']);
    }
  });

  it('answers NOT_ALLOWED for a rule-held lock, NO_PERMISSION for a read-only user, MANDATORY_NOT_FOUND without a reason', async () => {
    const rule = await call(mock.url, 'PUT', lockUrl('Leads', as('rule_locked_lead_id'), as('rule_lock_id')), {
      token: as('access_token'),
      body,
    });
    expect([rule.status, rule.json]).toEqual([
      403,
      { code: 'NOT_ALLOWED', details: {}, message: 'Record is already locked.', status: 'error' },
    ]);
    const denied = await call(mock.url, 'PUT', lockUrl('Leads'), { token: as('token_no_permission'), body });
    expect([denied.status, (denied.json as { code: string }).code]).toEqual([403, 'NO_PERMISSION']);
    const missing = await call(mock.url, 'PUT', lockUrl('Leads'), { token: as('access_token'), body: { data: [{}] } });
    expect([missing.status, missing.json]).toEqual([
      400,
      {
        code: 'MANDATORY_NOT_FOUND',
        details: { api_name: 'Locked_Reason__s', json_path: '$.data[0].Locked_Reason__s' },
        message: 'required field not found',
        status: 'error',
      },
    ]);
  });

  it("answers a lock id that is not the record's lock as an invalid id, top-level as the OpenAPI gives this operation's errors", async () => {
    const res = await call(mock.url, 'PUT', lockUrl('Deals', as('locked_deal_id'), as('lead_lock_id')), {
      token: as('access_token'),
      body,
    });
    expect([res.status, (res.json as { code: string }).code]).toEqual([400, 'INVALID_DATA']);
  });
});

describe('lock (POST) and unlock (DELETE), which live fixtures use', () => {
  const badId = (index: number) => ({
    code: 'INVALID_DATA',
    details: { resource_path_index: index },
    message: 'Invalid data',
    status: 'error',
  });

  it("answers a record or lock id the org does not have top-level at 400, as record_locking.json's Error_Response", async () => {
    const base = `/crm/v8/Leads`;
    const lock = await call(mock.url, 'POST', `${base}/3652397000099999999/Locking_Information__s`, {
      token: as('access_token'),
      body,
    });
    expect([lock.status, lock.json]).toEqual([400, badId(3)]);
    const unlock = await call(mock.url, 'DELETE', `${base}/${v['locked_lead_id']}/Locking_Information__s/1`, {
      token: as('access_token'),
    });
    expect([unlock.status, unlock.json]).toEqual([400, badId(5)]);
  });

  it('locks a record (201, its lock id) and unlocks it (200) with that id', async () => {
    const path = `/crm/v8/Leads/${v['record_id']}/Locking_Information__s`;
    const lock = await call(mock.url, 'POST', path, { token: as('access_token'), body });
    expect(lock.status).toBe(201);
    const id = (lock.json as { data: Array<{ details: { id: string } }> }).data[0]?.details.id ?? '';
    const unlock = await call(mock.url, 'DELETE', `${path}/${id}`, { token: as('access_token') });
    expect([unlock.status, unlock.json]).toEqual([
      200,
      { data: [{ code: 'SUCCESS', details: { id }, message: 'record unlocked', status: 'success' }] },
    ]);
  });
});
