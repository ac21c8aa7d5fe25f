import { describe, expect, it } from 'vitest';
import { redactHeaders, redactText } from '../src/redact.ts';

const CANARY = '1000.canary0123456789abcdef.fedcba9876543210';

describe('redaction', () => {
  it('masks a known secret wherever it appears', () => {
    expect(redactText(`token=${CANARY} and again ${CANARY}`, [CANARY])).not.toContain(CANARY);
  });

  it('masks credentials after an auth scheme even when the secret is unknown', () => {
    expect(redactText(`Authorization: Zoho-oauthtoken ${CANARY}`)).toBe('Authorization: Zoho-oauthtoken [REDACTED]');
    expect(redactText(`Bearer ${CANARY}`)).toBe('Bearer [REDACTED]');
  });

  it('masks values of secret JSON and form keys', () => {
    expect(redactText(`{"access_token":"${CANARY}","expires_in":3600}`)).toBe(
      '{"access_token":"[REDACTED]","expires_in":3600}',
    );
    expect(redactText(`refresh_token=${CANARY}&client_secret=s3cr3t`)).toBe(
      'refresh_token=[REDACTED]&client_secret=[REDACTED]',
    );
  });

  it('leaves Zoho error codes that end in a key name intact, and still masks the key itself', () => {
    expect(redactText('INVALID_TOKEN: not checked')).toBe('INVALID_TOKEN: not checked');
    expect(redactText('{"code":"OAUTH_SCOPE_MISMATCH","INVALID_TOKEN":"expired"}')).toBe(
      '{"code":"OAUTH_SCOPE_MISMATCH","INVALID_TOKEN":"expired"}',
    );
    expect(redactText(`INVALID_TOKEN: token=${CANARY}`)).toBe('INVALID_TOKEN: token=[REDACTED]');
    expect(redactText(`TOKEN: ${CANARY}`)).toBe('TOKEN: [REDACTED]');
  });

  it('keeps the scheme of an Authorization header and hides the rest', () => {
    expect(redactHeaders({ Authorization: `Zoho-oauthtoken ${CANARY}`, 'Content-Type': 'application/json' })).toEqual({
      Authorization: 'Zoho-oauthtoken [REDACTED]',
      'Content-Type': 'application/json',
    });
  });
});
