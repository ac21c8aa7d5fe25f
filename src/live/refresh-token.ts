// The refresh-token grant: one access token per run, shared by every worker (Zoho allows 10 refreshes per 10 minutes).

import { AuthFailedError } from '../errors.ts';
import { grantedScopes, postTokenForm } from './post-token-form.ts';
import type { RefreshGrant } from './config.ts';

/** An access token and where Zoho says to use it. */
export interface AccessToken {
  readonly accessToken: string;
  readonly expiresAt: number;
  /** The API domain the token response names, when it names one. */
  readonly apiDomain?: string;
  /** The scopes the token response lists, when it lists them (some Zoho products do). */
  readonly scopes?: readonly string[];
}

/** POSTs the grant as a form (what the official SDK sends) and narrows the answer once. */
export async function refreshAccessToken(
  config: RefreshGrant,
  now: () => number = Date.now,
  timeoutMs = 15_000,
): Promise<AccessToken> {
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: config.clientId,
    client_secret: config.clientSecret,
    refresh_token: config.refreshToken,
  });
  const { status, record } = await postTokenForm(config.tokenUrl, form, timeoutMs);
  if (!record)
    throw new AuthFailedError(
      `token endpoint ${config.tokenUrl} answered HTTP ${status} without JSON`,
      'check ZOHO_DATA_CENTRE / ZOHO_ACCOUNTS_URL',
    );
  const token = record['access_token'];
  if (typeof token === 'string' && token.length > 0) {
    const expiresIn = typeof record['expires_in'] === 'number' ? record['expires_in'] : 3600;
    const apiDomain = typeof record['api_domain'] === 'string' ? record['api_domain'] : undefined;
    const scope = grantedScopes(record);
    return {
      accessToken: token,
      expiresAt: now() + expiresIn * 1000,
      ...(apiDomain ? { apiDomain } : {}),
      ...(scope ? { scopes: scope } : {}),
    };
  }
  throw explain(
    String(record['error'] ?? `HTTP ${status}`),
    String(record['error_description'] ?? ''),
    config.source ?? 'ZOHO_REFRESH_TOKEN',
  );
}

/** Zoho's token errors, each with its likely cause. */
function explain(error: string, description: string, source: string): AuthFailedError {
  const which = source === 'ZOHO_REFRESH_TOKEN' ? '' : ` of ${source}`;
  if (error === 'invalid_code')
    return new AuthFailedError(
      `token refresh${which} refused (invalid_code)`,
      `the refresh token is wrong, revoked, or from another data centre or environment: check ${source}, ZOHO_DATA_CENTRE and ZOHO_ENVIRONMENT`,
    );
  if (error === 'invalid_client')
    return new AuthFailedError(
      `token refresh${which} refused (invalid_client)`,
      'ZOHO_CLIENT_ID or ZOHO_CLIENT_SECRET is wrong, or the client belongs to another data centre',
    );
  if (/too many requests/i.test(description) || /access denied/i.test(error)) {
    return new AuthFailedError(
      `token refresh${which} throttled by Zoho`,
      'at most 10 refreshes per 10 minutes per refresh token: wait, and do not refresh per collection',
    );
  }
  return new AuthFailedError(
    `token refresh${which} refused (${error}${description ? `: ${description}` : ''})`,
    'check the ZOHO_CLIENT_* and ZOHO_REFRESH_TOKEN values',
  );
}
