import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { DATA_CENTRES, readLiveConfig, readRenamedVariables } from '../../src/live/index.ts';

const base = { ZOHO_CLIENT_ID: 'id', ZOHO_CLIENT_SECRET: 'secret', ZOHO_REFRESH_TOKEN: 'refresh' };

describe('readLiveConfig', () => {
  it('resolves every data centre to its accounts server, API domain per environment and Contracts host', () => {
    expect(readLiveConfig({ ...base, ZOHO_DATA_CENTRE: 'eu', ZOHO_ENVIRONMENT: 'sandbox' })).toMatchObject({
      tokenUrl: 'https://accounts.zoho.eu/oauth/v2/token',
      apiDomain: 'https://sandbox.zohoapis.eu',
      contractsDomain: 'https://contracts.zoho.eu',
      apiDomainOverridden: false,
    });
    expect(readLiveConfig({ ...base, ZOHO_DATA_CENTRE: 'ca', ZOHO_ENVIRONMENT: 'production' })).toMatchObject({
      tokenUrl: 'https://accounts.zohocloud.ca/oauth/v2/token',
      apiDomain: 'https://www.zohoapis.ca',
    });
    expect(readLiveConfig({ ...base, ZOHO_DATA_CENTRE: 'com.cn' }).contractsDomain).toBeUndefined();
    expect(Object.keys(DATA_CENTRES).sort()).toEqual(['ca', 'com', 'com.au', 'com.cn', 'eu', 'in', 'jp', 'sa']);
  });

  it('lets ZOHO_ACCOUNTS_URL, ZOHO_API_DOMAIN and ZOHO_CONTRACTS_URL override the data centre', () => {
    const config = readLiveConfig({
      ...base,
      ZOHO_ACCOUNTS_URL: 'http://127.0.0.1:1/',
      ZOHO_API_DOMAIN: 'http://127.0.0.1:2',
      ZOHO_CONTRACTS_URL: 'http://127.0.0.1:3',
    });
    expect(config).toMatchObject({
      tokenUrl: 'http://127.0.0.1:1/oauth/v2/token',
      apiDomain: 'http://127.0.0.1:2',
      contractsDomain: 'http://127.0.0.1:3',
      apiDomainOverridden: true,
      environment: 'sandbox',
      dataCentre: 'com',
    });
  });

  it.each([
    [{}, /ZOHO_CLIENT_ID is missing; ZOHO_CLIENT_SECRET is missing; ZOHO_REFRESH_TOKEN is missing/],
    [
      { ...base, ZOHO_DATA_CENTRE: 'uk' },
      /ZOHO_DATA_CENTRE "uk" is not one of com, eu, in, com\.au, jp, com\.cn, ca, sa/,
    ],
    [{ ...base, ZOHO_ENVIRONMENT: 'staging' }, /ZOHO_ENVIRONMENT "staging" is not production, sandbox or developer/],
    [
      { ...base, ZOHO_ACCOUNTS_URL: 'accounts.zoho.eu' },
      /ZOHO_ACCOUNTS_URL "accounts\.zoho\.eu" is not an http\(s\) URL/,
    ],
  ])('names every problem of %j in one ConfigError', (env, message) => {
    expect(() => readLiveConfig(env)).toThrow(ConfigError);
    expect(() => readLiveConfig(env)).toThrow(message);
  });
});

describe('readLiveConfig personas', () => {
  it('reads ZOHO_REFRESH_TOKEN_<PERSONA> for each persona given, with the main client unless the persona names its own', () => {
    const config = readLiveConfig({
      ...base,
      ZOHO_REFRESH_TOKEN_WITHOUT_SCOPE: 'r1',
      ZOHO_REFRESH_TOKEN_RESTRICTED_USER: 'r2',
      ZOHO_CLIENT_ID_RESTRICTED_USER: 'id2',
      ZOHO_CLIENT_SECRET_RESTRICTED_USER: 's2',
    });
    expect(config.personas).toEqual([
      {
        variable: 'token_without_scope',
        tokenUrl: 'https://accounts.zoho.com/oauth/v2/token',
        clientId: 'id',
        clientSecret: 'secret',
        refreshToken: 'r1',
        source: 'ZOHO_REFRESH_TOKEN_WITHOUT_SCOPE',
      },
      {
        variable: 'token_restricted_user',
        tokenUrl: 'https://accounts.zoho.com/oauth/v2/token',
        clientId: 'id2',
        clientSecret: 's2',
        refreshToken: 'r2',
        source: 'ZOHO_REFRESH_TOKEN_RESTRICTED_USER',
      },
    ]);
    expect(readLiveConfig(base).personas).toEqual([]);
  });
});

describe('readRenamedVariables', () => {
  it('reads ZOHO_CONTRACTS_DOMAIN as ZOHO_CONTRACTS_URL, with one notice to rename it', () => {
    const { env, notices } = readRenamedVariables({ ...base, ZOHO_CONTRACTS_DOMAIN: 'http://127.0.0.1:3' });
    expect(env).toEqual({ ...base, ZOHO_CONTRACTS_URL: 'http://127.0.0.1:3' });
    expect(notices).toEqual(['notice: ZOHO_CONTRACTS_DOMAIN is read as ZOHO_CONTRACTS_URL; rename it']);
    expect(readLiveConfig(env).contractsDomain).toBe('http://127.0.0.1:3');
  });

  it('keeps ZOHO_CONTRACTS_URL when both are set, and says the old one is ignored', () => {
    const { env, notices } = readRenamedVariables({
      ZOHO_CONTRACTS_URL: 'http://127.0.0.1:3',
      ZOHO_CONTRACTS_DOMAIN: 'http://127.0.0.1:4',
    });
    expect(env).toEqual({ ZOHO_CONTRACTS_URL: 'http://127.0.0.1:3' });
    expect(notices).toEqual([
      'notice: ZOHO_CONTRACTS_DOMAIN is ignored: ZOHO_CONTRACTS_URL is set; remove ZOHO_CONTRACTS_DOMAIN',
    ]);
  });

  it('says nothing for an empty old line (a .env copied from an older .env.example) or none at all', () => {
    expect(readRenamedVariables({ ...base, ZOHO_CONTRACTS_DOMAIN: '' })).toEqual({ env: base, notices: [] });
    expect(readRenamedVariables(base)).toEqual({ env: base, notices: [] });
  });
});
