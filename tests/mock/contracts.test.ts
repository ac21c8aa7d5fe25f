// The mock's Contracts host: contract types, the sample's UPDATE method, and that it serves Contracts only.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { call } from '../support/http-call.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => mock.close());

const token = (name: string) => mock.variables[name] ?? '';
const put = (token: string, path = '/api/v1/admin/contracttypes/MSS', method = 'PUT') =>
  call(mock.contractsUrl, method, path, { token, body: { name: 'Renamed' } });

describe('PUT {contracts}/api/v1/admin/contracttypes/{apiName}', () => {
  it('renames the type and answers {Type, apiName}', async () => {
    const res = await put(token('access_token'));
    expect([res.status, res.json]).toEqual([200, { Type: 'success', apiName: 'MSS' }]);
  });

  it("answers the sample's UPDATE method with INVALID_REQUEST_METHOD 400 in the Zoho envelope", async () => {
    const res = await put(token('access_token'), undefined, 'UPDATE');
    expect([res.status, res.json]).toEqual([
      400,
      {
        code: 'INVALID_REQUEST_METHOD',
        details: {},
        message: 'The HTTP request method is not a valid one.',
        status: 'error',
      },
    ]);
  });

  it('answers scope, permission, privilege and URL problems with their documented statuses', async () => {
    const codeOf = async (p: Promise<{ status: number; json: unknown }>) => {
      const res = await p;
      return [res.status, (res.json as { code: string }).code];
    };
    expect(await codeOf(put(token('token_without_scope')))).toEqual([401, 'OAUTH_SCOPE_MISMATCH']);
    expect(await codeOf(put(token('token_no_permission')))).toEqual([403, 'NO_PERMISSION']);
    expect(await codeOf(put(token('token_restricted_user')))).toEqual([400, 'AUTHORIZATION_FAILED']);
    expect(await codeOf(put(token('access_token'), '/api/v1/admin/contracttypes/NOPE'))).toEqual([
      404,
      'INVALID_URL_PATTERN',
    ]);
  });

  it('serves Contracts on its own host: CRM paths there are not routes, and each host counts its requests', async () => {
    const before = mock.requestsByHost();
    const crmOnContracts = await call(mock.contractsUrl, 'PUT', `/crm/v8/Leads/${token('record_id')}`, {
      token: token('access_token'),
      body: { data: [{}] },
    });
    expect([crmOnContracts.status, (crmOnContracts.json as { code: string }).code]).toEqual([
      404,
      'INVALID_URL_PATTERN',
    ]);
    expect(mock.requestsByHost().contracts).toBe(before.contracts + 1);
    expect(mock.requestsByHost().api).toBe(before.api);
    expect(mock.variables['contracts_domain']).toBe(mock.contractsUrl);
  });
});
