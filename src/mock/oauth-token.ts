// The accounts server's POST /oauth/v2/token: the refresh-token grant (the run's own token and each persona's) and the
// authorization-code grant of a Self Client, from form, query or multipart parameters, with Zoho's throttle.

import { createHash } from 'node:crypto';
import type { MockState } from './mock-state.ts';
import { FULL_SCOPES, seedTokens, users, type MockUser } from './seed.ts';
import type { Json, MockResponse } from './zoho-errors.ts';

const THROTTLE_COUNT = 10;
const THROTTLE_WINDOW_MS = 10 * 60 * 1000;
const hex = (label: string, length = 32): string =>
  createHash('sha256').update(`zoho-mock:${label}`).digest('hex').slice(0, length);

/** The OAuth client and refresh token the mock accepts (printed by the standalone mock). */
export const MOCK_CLIENT = {
  clientId: '1000.MOCKCLIENT0000000000000000000000',
  clientSecret: createHash('sha256').update('zoho-mock:client-secret').digest('hex').slice(0, 42),
  refreshToken: `1000.${hex('refresh')}.${hex('refresh2')}`,
  /** A Self Client grant code: exchanged once for the refresh token above (Zoho's codes are single use). */
  grantCode: `1000.${hex('grant-code')}.${hex('grant-code2')}`,
} as const;

/** Refresh tokens of the personas, by the variable their minted token fills (token_without_scope -> refresh_token_without_scope). */
export const PERSONA_REFRESH_TOKENS: Readonly<Record<string, string>> = Object.fromEntries(
  seedTokens
    .filter((t) => t.variable !== 'access_token')
    .map((t) => [`refresh_${t.variable}`, `1000.${hex(`refresh:${t.variable}`)}.${hex(`refresh2:${t.variable}`)}`]),
);

/** Per mock: when each refresh token minted (Zoho throttles per refresh token), and the grant codes already used. */
const ledgers = new WeakMap<MockState, { minted: Map<string, number[]>; usedCodes: Set<string> }>();
function ledger(state: MockState): { minted: Map<string, number[]>; usedCodes: Set<string> } {
  let found = ledgers.get(state);
  if (!found) ledgers.set(state, (found = { minted: new Map(), usedCodes: new Set() }));
  return found;
}

/** Access tokens minted from one refresh token so far (the run's own is also `state.tokenRefreshes`). */
export function refreshesOf(state: MockState, refreshToken: string): number {
  return refreshToken === MOCK_CLIENT.refreshToken
    ? state.tokenRefreshes.length
    : (ledger(state).minted.get(refreshToken)?.length ?? 0);
}

type Answer = { response: MockResponse; behaviour: string };

/** Answers a token request; a minted token is registered with the user and scopes of its refresh token. */
export function handleTokenRequest(
  state: MockState,
  query: URLSearchParams,
  body: string,
  contentType: string | undefined,
  apiDomain: string,
): Answer {
  const params = { ...Object.fromEntries(query), ...parseForm(body, contentType) };
  if (params['grant_type'] !== 'refresh_token' && params['grant_type'] !== 'authorization_code')
    return refuse('unsupported_grant_type');
  if (params['client_id'] !== MOCK_CLIENT.clientId || params['client_secret'] !== MOCK_CLIENT.clientSecret)
    return refuse('invalid_client');
  if (params['grant_type'] === 'authorization_code') return exchangeCode(state, params['code'] ?? '', apiDomain);
  const refreshToken = params['refresh_token'] ?? '';
  const grant = grantOf(refreshToken);
  if (!grant) return refuse('invalid_code');
  const now = state.now().getTime();
  const times =
    refreshToken === MOCK_CLIENT.refreshToken ? state.tokenRefreshes : (ledger(state).minted.get(refreshToken) ?? []);
  if (times.filter((t) => now - t < THROTTLE_WINDOW_MS).length >= THROTTLE_COUNT) {
    return refuse(
      'Access Denied',
      'You have made too many requests continuously. Please try again after some time.',
      400,
    );
  }
  times.push(now);
  if (refreshToken !== MOCK_CLIENT.refreshToken) ledger(state).minted.set(refreshToken, times);
  return {
    response: { status: 200, body: mint(state, grant, apiDomain, `${refreshToken}:${times.length}`) },
    behaviour: 'oauth:refreshed',
  };
}

/** A Self Client's grant code, once: the refresh token and a first access token (Zoho's codes expire after one use). */
function exchangeCode(state: MockState, code: string, apiDomain: string): Answer {
  const used = ledger(state).usedCodes;
  if (code !== MOCK_CLIENT.grantCode || used.has(code)) return refuse('invalid_code');
  used.add(code);
  const body = {
    ...(mint(state, { user: users.admin, scopes: FULL_SCOPES }, apiDomain, `code:${code}`) as Record<string, Json>),
    refresh_token: MOCK_CLIENT.refreshToken,
  };
  return { response: { status: 200, body }, behaviour: 'oauth:code-exchanged' };
}

/** The user and scopes behind a refresh token: the full admin grant, or the persona's seeded grant. */
function grantOf(refreshToken: string): { user: MockUser; scopes: readonly string[] } | undefined {
  if (refreshToken === MOCK_CLIENT.refreshToken) return { user: users.admin, scopes: FULL_SCOPES };
  const variable = Object.entries(PERSONA_REFRESH_TOKENS)
    .find(([, token]) => token === refreshToken)?.[0]
    ?.slice('refresh_'.length);
  return seedTokens.find((t) => t.variable === variable);
}

function mint(
  state: MockState,
  grant: { user: MockUser; scopes: readonly string[] },
  apiDomain: string,
  label: string,
): Json {
  const now = state.now().getTime();
  const accessToken = `1000.${hex(`minted:${label}:${now}`, 64)}`;
  state.tokens.set(accessToken, {
    user: grant.user,
    scopes: grant.scopes,
    expiresAt: now + state.tokenLifetimeSeconds * 1000,
  });
  return {
    access_token: accessToken,
    api_domain: apiDomain,
    token_type: 'Bearer',
    expires_in: state.tokenLifetimeSeconds,
    scope: grant.scopes.join(' '),
  };
}

function refuse(error: string, description?: string, status = 200): Answer {
  return {
    response: { status, body: { error, ...(description ? { error_description: description } : {}) } },
    behaviour: `oauth:${error}`,
  };
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
