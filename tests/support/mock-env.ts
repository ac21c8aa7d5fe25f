// Turns the standalone mock's `ZOHO_...=value` lines into the environment a --base-url run reads.

import type { MockServer } from '../../src/mock/index.ts';

/** The ZOHO_* variables the mock prints, as an env object (api domain left out: --base-url gives it). */
export function mockEnvironment(mock: MockServer): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of mock.environmentLines()) {
    const at = line.indexOf('=');
    if (at > 0 && !line.startsWith('#')) env[line.slice(0, at)] = line.slice(at + 1);
  }
  delete env['ZOHO_API_DOMAIN'];
  return env;
}

/** A live .env pointed at the mock (accounts, API and Contracts hosts), without ZOHO_ACCESS_TOKEN: live mode gets its own. */
export function liveEnvironment(mock: MockServer, overrides: Record<string, string> = {}): Record<string, string> {
  const { ZOHO_ACCESS_TOKEN: _unused, ...env } = mockEnvironment(mock);
  return {
    ...env,
    ZOHO_ACCOUNTS_URL: mock.url,
    ZOHO_API_DOMAIN: mock.url,
    ZOHO_CONTRACTS_URL: mock.contractsUrl,
    ZOHO_ENVIRONMENT: 'sandbox',
    ...overrides,
  };
}

/** The modules the demo org's live fixtures write to (CRM, then Bigin's, prefixed `bigin:` as the mock keeps them). */
export const DEMO_FIXTURE_MODULES = [
  'Leads',
  'Deals',
  'Events',
  'Custom_Module1',
  'bigin:Deals',
  'bigin:Contacts',
  'bigin:Accounts',
  'bigin:Products',
] as const;

/** How many records the mock holds in each of `modules`: compared before and after a run, nothing left behind. */
export function recordCounts(mock: MockServer, modules: readonly string[] = DEMO_FIXTURE_MODULES): number[] {
  return modules.map((module) => mock.countRecords(module));
}
