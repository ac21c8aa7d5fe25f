// The accounts server's POST /oauth/v2/token: refresh-token grant from form or query parameters, with Zoho's throttle.

import { createHash } from 'node:crypto';
import type { MockState } from './mock-state.ts';
import { FULL_SCOPES, users } from './seed.ts';
import type { Json, MockResponse } from './zoho-errors.ts';

const THROTTLE_COUNT = 10;
const THROTTLE_WINDOW_MS = 10 * 60 * 1000;
/** The OAuth client and refresh token the mock accepts (printed by the standalone mock). */
export const MOCK_CLIENT = {
  clientId: '1000.MOCKCLIENT0000000000000000000000',
  clientSecret: createHash('sha256').update('zoho-mock:client-secret').digest('hex').slice(0, 42),
  refreshToken: `1000.${createHash('sha256').update('zoho-mock:refresh').digest('hex').slice(0, 32)}.${createHash('sha256').update('zoho-mock:refresh2').digest('hex').slice(0, 32)}`,
} as const;

/** Answers a token request; a minted token is registered with the scopes of its refresh token. */
export function handleTokenRequest(state: MockState, query: URLSearchParams, body: string, contentType: string | undefined, apiDomain: string): { response: MockResponse; behaviour: string } {
  const params = { ...Object.fromEntries(query), ...parseForm(body, contentType) };
  const answer = (error: string, description?: string, status = 200): { response: MockResponse; behaviour: string } => ({
    response: { status, body: { error, ...(description ? { error_description: description } : {}) } },
    behaviour: `oauth:${error}`,
  });
  if (params['grant_type'] !== 'refresh_token') return answer('unsupported_grant_type');
  if (params['client_id'] !== MOCK_CLIENT.clientId || params['client_secret'] !== MOCK_CLIENT.clientSecret) return answer('invalid_client');
  if (params['refresh_token'] !== MOCK_CLIENT.refreshToken) return answer('invalid_code');
  const now = state.now().getTime();
  const recent = state.tokenRefreshes.filter((t) => now - t < THROTTLE_WINDOW_MS);
  if (recent.length >= THROTTLE_COUNT) {
    return answer('Access Denied', 'You have made too many requests continuously. Please try again after some time.', 400);
  }
  state.tokenRefreshes.push(now);
  const accessToken = `1000.${createHash('sha256').update(`zoho-mock:minted:${state.tokenRefreshes.length}:${now}`).digest('hex').slice(0, 64)}`;
  const scopes = FULL_SCOPES;
  state.tokens.set(accessToken, { user: users.admin, scopes, expiresAt: now + state.tokenLifetimeSeconds * 1000 });
  const body2: Json = { access_token: accessToken, api_domain: apiDomain, token_type: 'Bearer', expires_in: state.tokenLifetimeSeconds, scope: scopes.join(' ') };
  return { response: { status: 200, body: body2 }, behaviour: 'oauth:refreshed' };
}

/** application/x-www-form-urlencoded or multipart/form-data (what the official SDK sends). */
function parseForm(body: string, contentType: string | undefined): Record<string, string> {
  if (!body) return {};
  const boundary = /boundary=([^;]+)/.exec(contentType ?? '')?.[1];
  if (boundary) {
    const out: Record<string, string> = {};
    for (const part of body.split(`--${boundary}`)) {
      const match = /name="([^"]+)"\r?\n\r?\n([\s\S]*?)\r?\n?$/.exec(part.trim() ? part : '');
      if (match?.[1]) out[match[1]] = (match[2] ?? '').trim();
    }
    return out;
  }
  return Object.fromEntries(new URLSearchParams(body));
}
