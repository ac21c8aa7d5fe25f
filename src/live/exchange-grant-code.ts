// The authorization-code grant: a Self Client's one-time grant code exchanged at the accounts server for a refresh token.

import { AuthFailedError } from '../errors.ts';
import { grantedScopes, postTokenForm } from './post-token-form.ts';

/** What the exchange returns; the refresh token stays in memory until the caller stores it. */
export interface GrantedTokens {
  readonly refreshToken: string;
  readonly apiDomain?: string;
  readonly scopes?: readonly string[];
}

/** POSTs grant_type=authorization_code as a form (what Zoho's SDK sends) and narrows the answer once. */
export async function exchangeGrantCode(
  input: { tokenUrl: string; clientId: string; clientSecret: string; code: string },
  timeoutMs = 15_000,
): Promise<GrantedTokens> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: input.clientId,
    client_secret: input.clientSecret,
    code: input.code,
  });
  const answer = await postTokenForm(input.tokenUrl, form, timeoutMs);
  const record = answer.record ?? {};
  const refreshToken = record['refresh_token'];
  if (typeof refreshToken === 'string' && refreshToken.length > 0) {
    const scope = grantedScopes(record);
    return {
      refreshToken,
      ...(typeof record['api_domain'] === 'string' ? { apiDomain: record['api_domain'] } : {}),
      ...(scope ? { scopes: scope } : {}),
    };
  }
  const error = typeof record['error'] === 'string' ? record['error'] : `HTTP ${answer.status}`;
  if (error === 'invalid_code') {
    throw new AuthFailedError(
      'grant code refused (invalid_code)',
      'a grant code works once and expires within minutes: generate a new one (api-console.zoho.com > Self Client) in the data centre ZOHO_DATA_CENTRE names',
    );
  }
  if (error === 'invalid_client')
    throw new AuthFailedError(
      'grant code refused (invalid_client)',
      'ZOHO_CLIENT_ID or ZOHO_CLIENT_SECRET is wrong, or the Self Client belongs to another data centre',
    );
  if (record['access_token'])
    throw new AuthFailedError(
      'the token endpoint answered without a refresh token',
      'generate the grant code for a Self Client (its codes yield a refresh token)',
    );
  throw new AuthFailedError(
    `grant code refused (${error})`,
    'check ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET and ZOHO_DATA_CENTRE',
  );
}
