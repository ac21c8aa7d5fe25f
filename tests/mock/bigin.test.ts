// The mock's Bigin related-records endpoint, from realistic requests.

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

const as = (name: string) => v[name] ?? '';
const put = (path: string, body: unknown, token = 'access_token') =>
  call(mock.url, 'PUT', path, { token: as(token), body });
const codeOf = (json: unknown) => (json as { code?: string }).code;

describe('PUT /bigin/v1/{module}/{id}/{related_list}[/{related_id}]', () => {
  it('relates products in bulk: "relation added" first, "relation updated" after, one entry per product in order', async () => {
    const path = `/bigin/v1/Deals/${as('bigin_deal_id')}/Products`;
    const body = { data: [{ id: as('bigin_product_id') }, { id: as('bigin_second_product_id') }] };
    const first = await put(path, body);
    expect([first.status, first.json]).toEqual([
      200,
      {
        data: [as('bigin_product_id'), as('bigin_second_product_id')].map((id) => ({
          code: 'SUCCESS',
          details: { id },
          message: 'relation added',
          status: 'success',
        })),
      },
    ]);
    const again = await put(path, { data: [{ id: as('bigin_product_id') }] });
    expect((again.json as { data: Array<{ message: string }> }).data[0]?.message).toBe('relation updated');
  });

  it('answers a partly wrong bulk call per entry with 202', async () => {
    const res = await put(`/bigin/v1/Contacts/${as('bigin_contact_id')}/Products`, {
      data: [{ id: as('bigin_product_id') }, { id: '1' }, { Quantity: 2 }],
    });
    expect(res.status).toBe(202);
    expect((res.json as { data: Array<{ code: string }> }).data.map((e) => e.code)).toEqual([
      'SUCCESS',
      'INVALID_DATA',
      'MANDATORY_NOT_FOUND',
    ]);
  });

  it("relates the page's maximum of 100 related records in one call and refuses 101 with a top-level LIMIT_EXCEEDED", async () => {
    const path = `/bigin/v1/Accounts/${as('bigin_account_id')}/Products`;
    const products = Array.from({ length: 100 }, (_, i) => ({
      id: as(`bigin_bulk_product_${String(i + 1).padStart(3, '0')}`),
    }));
    expect(new Set(products.map((p) => p.id)).size).toBe(100);
    const hundred = await put(path, { data: products });
    expect([
      hundred.status,
      (hundred.json as { data: Array<{ code: string }> }).data.filter((e) => e.code === 'SUCCESS').length,
    ]).toEqual([200, 100]);
    const over = await put(path, { data: [...products, { id: as('bigin_product_id') }] });
    expect([over.status, codeOf(over.json), (over.json as { details?: unknown }).details]).toEqual([
      400,
      'LIMIT_EXCEEDED',
      { limit: 100 },
    ]);
  });

  it('answers one unknown related id in the body with INVALID_DATA 202 "invalid data" alone', async () => {
    const res = await put(`/bigin/v1/Deals/${as('bigin_deal_id')}/Products`, { data: [{ id: '3652397000099999999' }] });
    expect([res.status, res.json]).toEqual([
      202,
      { data: [{ code: 'INVALID_DATA', details: { api_name: 'id' }, message: 'invalid data', status: 'error' }] },
    ]);
  });

  it('answers a wrong related id in the URL with a top-level INVALID_DATA 400', async () => {
    const res = await put(`/bigin/v1/Deals/${as('bigin_deal_id')}/Products/3652397000099999999`, { data: [{}] });
    expect([res.status, res.json]).toEqual([
      400,
      {
        code: 'INVALID_DATA',
        details: { api_name: 'id' },
        message: 'the related id given seems to be invalid',
        status: 'error',
      },
    ]);
  });

  it('relates in both directions (Products to Accounts) and refuses relations the page does not list', async () => {
    expect(
      (await put(`/bigin/v1/Products/${as('bigin_product_id')}/Accounts/${as('bigin_account_id')}`, { data: [{}] }))
        .status,
    ).toBe(200);
    expect(
      codeOf(
        (await put(`/bigin/v1/Deals/${as('bigin_deal_id')}/Contacts/${as('bigin_contact_id')}`, { data: [{}] })).json,
      ),
    ).toBe('INVALID_URL_PATTERN');
  });

  it('answers modules, methods, scopes and permissions as the page documents', async () => {
    const single = `/${as('bigin_deal_id')}/Products/${as('bigin_product_id')}`;
    expect(codeOf((await put(`/bigin/v1/Deal${single}`, { data: [{}] })).json)).toBe('INVALID_MODULE');
    expect((await put(`/bigin/v1/Documents${single}`, { data: [{}] })).json).toMatchObject({
      code: 'INVALID_MODULE',
      message: 'the given module is not supported in api',
    });
    expect(
      (await call(mock.url, 'COPY', `/bigin/v1/Deals${single}`, { token: as('access_token'), body: { data: [{}] } }))
        .status,
    ).toBe(400);
    expect((await put(`/bigin/v1/Deals${single}`, { data: [{}] }, 'token_without_scope')).status).toBe(401);
    expect((await put(`/bigin/v1/Deals${single}`, { data: [{}] }, 'token_no_permission')).status).toBe(403);
    const privateDeal = await put(
      `/bigin/v1/Deals/${as('bigin_private_deal_id')}/Products/${as('bigin_product_id')}`,
      { data: [{}] },
      'token_restricted_user',
    );
    expect([privateDeal.status, codeOf(privateDeal.json)]).toEqual([400, 'AUTHORIZATION_FAILED']);
    expect((await put(`/bigin/v2/Deals${single}`, { data: [{}] })).status).toBe(404);
  });
});
