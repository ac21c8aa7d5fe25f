// The mock's accounts server: the refresh-token grant as form, query or multipart, Zoho's errors, and the throttle.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';

let mock: MockServer;
let now = Date.parse('2026-11-24T10:00:00Z');
beforeAll(async () => {
  mock = await startMock({ now: () => new Date(now) });
});
afterAll(async () => mock.close());

const grant = () => ({
  grant_type: 'refresh_token',
  client_id: mock.variables['client_id'] ?? '',
  client_secret: mock.variables['client_secret'] ?? '',
  refresh_token: mock.variables['refresh_token'] ?? '',
});
const post = async (body?: URLSearchParams | FormData, query = '') => {
  const res = await fetch(`${mock.url}/oauth/v2/token${query}`, { method: 'POST', ...(body ? { body } : {}) });
  return [res.status, (await res.json()) as Record<string, unknown>] as const;
};

describe('POST /oauth/v2/token', () => {
  it('mints a token the API accepts, from a form, a query string or a multipart body', async () => {
    const multipart = new FormData();
    for (const [k, v] of Object.entries(grant())) multipart.append(k, v);
    for (const [status, body] of [
      await post(new URLSearchParams(grant())),
      await post(undefined, `?${new URLSearchParams(grant())}`),
      await post(multipart),
    ]) {
      expect(status).toBe(200);
      expect(body).toMatchObject({
        access_token: expect.stringMatching(/^1000\./),
        expires_in: 3600,
        api_domain: mock.url,
        token_type: 'Bearer',
      });
      const api = await fetch(`${mock.url}/crm/v8/Leads/${mock.variables['record_id']}`, {
        method: 'PUT',
        headers: { Authorization: `Zoho-oauthtoken ${String(body['access_token'])}` },
        body: '{"data":[{"Last_Name":"x"}]}',
      });
      expect(api.status).toBe(200);
    }
  });

  it('answers a wrong refresh token with invalid_code and a wrong secret with invalid_client', async () => {
    expect(await post(new URLSearchParams({ ...grant(), refresh_token: 'nope' }))).toEqual([
      200,
      { error: 'invalid_code' },
    ]);
    expect(await post(new URLSearchParams({ ...grant(), client_secret: 'nope' }))).toEqual([
      200,
      { error: 'invalid_client' },
    ]);
  });

  it('throttles after 10 refreshes in 10 minutes, and lets them through again after the window', async () => {
    while (mock.tokenRefreshes() < 10) await post(new URLSearchParams(grant()));
    const [status, body] = await post(new URLSearchParams(grant()));
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: 'Access Denied',
      error_description: expect.stringMatching(/^You have made too many requests/),
    });
    now += 11 * 60 * 1000;
    expect((await post(new URLSearchParams(grant())))[0]).toBe(200);
  });
});

describe('persona refresh tokens and grant codes', () => {
  const form = (fields: Record<string, string>) =>
    new URLSearchParams({
      client_id: mock.variables['client_id'] ?? '',
      client_secret: mock.variables['client_secret'] ?? '',
      ...fields,
    });

  it("mints a persona's token with that persona's grant, counted apart from the main refresh token", async () => {
    const before = mock.tokenRefreshes();
    const [status, body] = await post(
      form({ grant_type: 'refresh_token', refresh_token: mock.variables['refresh_token_without_scope'] ?? '' }),
    );
    expect(status).toBe(200);
    const api = await fetch(`${mock.url}/crm/v8/Leads/${mock.variables['record_id']}`, {
      method: 'PUT',
      headers: { Authorization: `Zoho-oauthtoken ${String(body['access_token'])}` },
      body: '{"data":[{"Last_Name":"x"}]}',
    });
    expect(((await api.json()) as { code: string }).code).toBe('OAUTH_SCOPE_MISMATCH');
    expect([mock.tokenRefreshes('token_without_scope'), mock.tokenRefreshes()]).toEqual([1, before]);
  });

  it('exchanges a Self Client grant code once for the refresh token (authorization_code), then answers invalid_code', async () => {
    const [status, body] = await post(form({ grant_type: 'authorization_code', code: mock.grantCode }));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      refresh_token: mock.variables['refresh_token'],
      access_token: expect.stringMatching(/^1000\./),
      api_domain: mock.url,
      expires_in: 3600,
    });
    expect(await post(form({ grant_type: 'authorization_code', code: mock.grantCode }))).toEqual([
      200,
      { error: 'invalid_code' },
    ]);
    expect(await post(form({ grant_type: 'authorization_code', code: 'made-up' }))).toEqual([
      200,
      { error: 'invalid_code' },
    ]);
  });
});
