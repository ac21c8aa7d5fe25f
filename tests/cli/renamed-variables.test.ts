// A .env written before the Contracts host had one name still works: the spawned CLI reads ZOHO_CONTRACTS_DOMAIN as
// ZOHO_CONTRACTS_URL and says, in one line on stderr, to rename it.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { liveEnvironment } from '../support/mock-env.ts';
import { runCli } from '../support/run-cli.ts';

let mock: MockServer;
beforeEach(async () => {
  mock = await startMock();
});
afterEach(async () => mock.close());

describe('ZOHO_CONTRACTS_DOMAIN, the old name of the Contracts host', () => {
  it('is read as ZOHO_CONTRACTS_URL by doctor (the mock Contracts host is reached), with a notice to rename it', async () => {
    const { ZOHO_CONTRACTS_URL: contracts = '', ...env } = liveEnvironment(mock);
    const result = await runCli(['doctor'], { ...env, ZOHO_CONTRACTS_DOMAIN: contracts });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    // Without the old name read, doctor would try the data centre's own Contracts host, which tests never reach.
    expect(result.stdout).toContain(`contracts: host ${mock.contractsUrl} (reachable)`);
    expect(result.stderr.trim().split('\n')).toEqual([
      'notice: ZOHO_CONTRACTS_DOMAIN is read as ZOHO_CONTRACTS_URL; rename it',
    ]);
  });

  it('gives way to ZOHO_CONTRACTS_URL when both are set, and says so', async () => {
    const result = await runCli(['doctor'], { ...liveEnvironment(mock), ZOHO_CONTRACTS_DOMAIN: 'http://127.0.0.1:9' });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(`contracts: host ${mock.contractsUrl} (reachable)`);
    expect(result.stderr.trim()).toBe(
      'notice: ZOHO_CONTRACTS_DOMAIN is ignored: ZOHO_CONTRACTS_URL is set; remove ZOHO_CONTRACTS_DOMAIN',
    );
  });
});
