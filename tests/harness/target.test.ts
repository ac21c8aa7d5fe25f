import { describe, expect, it } from 'vitest';
import {
  buildEnvironment,
  environmentName,
  expandBulkIds,
  referencedVariables,
  urlTarget,
} from '../../src/harness/index.ts';

describe('urlTarget', () => {
  it('reads ZOHO_* variables, expands ZOHO_BULK_IDS and marks tokens as secrets', () => {
    const target = urlTarget('http://127.0.0.1:4010/', {
      ZOHO_ACCESS_TOKEN: 'tok-abc',
      ZOHO_RECORD_ID: '1',
      ZOHO_BULK_IDS: '7, 8',
      PATH: '/bin',
      ZOHO_EMPTY: '',
    });
    expect(target).toEqual({
      kind: 'url',
      name: '127.0.0.1:4010',
      apiDomain: 'http://127.0.0.1:4010',
      variables: {
        access_token: 'tok-abc',
        record_id: '1',
        bulk_id_001: '7',
        bulk_id_002: '8',
        contracts_domain: 'http://127.0.0.1:4010',
      },
      secrets: ['tok-abc'],
    });
  });

  it('sends Contracts to the base URL too: ZOHO_CONTRACTS_URL names the Contracts host of live runs, not of url runs', () => {
    const target = urlTarget('http://127.0.0.1:4010', { ZOHO_CONTRACTS_URL: 'http://127.0.0.1:4011' });
    expect(target.variables).toEqual({ contracts_domain: 'http://127.0.0.1:4010' });
  });

  it('refuses a base URL that is not an http(s) URL, naming it', () => {
    expect(() => urlTarget('localhost:4010', {})).toThrow(/--base-url "localhost:4010" is not/);
    expect(() => urlTarget('ftp://x', {})).toThrow(/not http or https/);
  });
});

describe('buildEnvironment', () => {
  it('includes api_domain and types tokens as secret', () => {
    const env = buildEnvironment({
      kind: 'mock',
      name: 'mock',
      apiDomain: 'http://h',
      variables: { access_token: 't', record_id: '1' },
      secrets: ['t'],
    });
    expect(env.values).toEqual([
      { key: 'access_token', value: 't', type: 'secret', enabled: true },
      { key: 'api_domain', value: 'http://h', type: 'default', enabled: true },
      { key: 'record_id', value: '1', type: 'default', enabled: true },
    ]);
  });
});

describe('helpers', () => {
  it('lists referenced variables once each, in order', () => {
    expect(referencedVariables('{{a}}/{{b_c}}/{{a}}')).toEqual(['a', 'b_c']);
  });
  it('numbers bulk ids from 001', () => {
    expect(expandBulkIds('x,y')).toEqual({ bulk_id_001: 'x', bulk_id_002: 'y' });
  });
  it('reads the Bigin bulk product ids from one list variable, and names that variable when they are missing', () => {
    expect(urlTarget('http://gw', { ZOHO_BIGIN_BULK_PRODUCT_IDS: 'p, q' }).variables).toMatchObject({
      bigin_bulk_product_001: 'p',
      bigin_bulk_product_002: 'q',
    });
    expect(environmentName('bigin_bulk_product_042')).toBe('ZOHO_BIGIN_BULK_PRODUCT_IDS');
    expect(environmentName('bulk_id_101')).toBe('ZOHO_BULK_IDS');
    expect(environmentName('record_id')).toBe('ZOHO_RECORD_ID');
    // The Contracts host has one name, the one live mode reads (ZOHO_CONTRACTS_DOMAIN is only read as it, with a notice).
    expect(environmentName('contracts_domain')).toBe('ZOHO_CONTRACTS_URL');
  });
});
