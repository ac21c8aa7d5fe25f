// Starting the mock: deterministic seed, the printed environment, the served Postman environment, loopback only.

import { describe, expect, it } from 'vitest';
import { environmentName } from '../../src/harness/index.ts';
import { startMock } from '../../src/mock/index.ts';
import { call } from '../support/http-call.ts';

describe('startMock', () => {
  it('gives the same tokens and ids on every start, on a loopback address', async () => {
    const [a, b] = await Promise.all([startMock(), startMock()]);
    try {
      const strip = (vars: Readonly<Record<string, string>>) =>
        Object.fromEntries(
          Object.entries(vars).filter(([k]) => !['api_domain', 'contracts_domain', 'accounts_url'].includes(k)),
        );
      expect(strip(a.variables)).toEqual(strip(b.variables));
      expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(a.port).not.toBe(b.port);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('prints ZOHO_ lines for every variable, with the 101 bulk ids on one line', async () => {
    const mock = await startMock();
    try {
      const lines = mock.environmentLines();
      expect(lines).toContain(`ZOHO_ACCESS_TOKEN=${mock.variables['access_token']}`);
      expect(lines).toContain(`ZOHO_API_DOMAIN=${mock.url}`);
      const bulk = lines
        .find((l) => l.startsWith('ZOHO_BULK_IDS='))
        ?.slice('ZOHO_BULK_IDS='.length)
        .split(',');
      expect(bulk).toHaveLength(101);
      expect(bulk?.[0]).toBe(mock.variables['bulk_id_001']);
      expect(lines.filter((l) => l.startsWith('ZOHO_BULK_ID_'))).toEqual([]);
    } finally {
      await mock.close();
    }
  });

  it('prints each variable under the name url and live runs read it by (the Contracts host as ZOHO_CONTRACTS_URL)', async () => {
    const mock = await startMock();
    try {
      const printed = new Set(mock.environmentLines().map((line) => line.slice(0, line.indexOf('='))));
      // Numbered ids collapse into their list's one line (ZOHO_BULK_IDS, ZOHO_BIGIN_BULK_PRODUCT_IDS).
      const expected = Object.keys(mock.variables).map(environmentName);
      expect([...printed].sort()).toEqual([...new Set(expected)].sort());
      expect(mock.environmentLines()).toContain(`ZOHO_CONTRACTS_URL=${mock.contractsUrl}`);
      // A live rehearsal needs the accounts server too: the mock's token endpoint is on its API domain.
      expect(mock.environmentLines()).toContain(`ZOHO_ACCOUNTS_URL=${mock.url}`);
    } finally {
      await mock.close();
    }
  });

  it('serves a Postman environment with every variable, without auth', async () => {
    const mock = await startMock();
    try {
      const res = await call(mock.url, 'GET', '/__mock/environment');
      const values = (res.json as { values: Array<{ key: string; value: string }> }).values;
      expect(Object.fromEntries(values.map((e) => [e.key, e.value]))).toEqual(mock.variables);
    } finally {
      await mock.close();
    }
  });
});
