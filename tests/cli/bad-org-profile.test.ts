// `npm run mock -- --org <file>` with a bad profile: one line naming the file and the fix, exit 2, no server left running.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

let dir: string;
const leads = (fields: unknown[]) => JSON.stringify({ edition: 'standard', modules: { Leads: { fields } } });

const PROFILES: Array<[string, string, RegExp]> = [
  ['not JSON', '{"edition": "standard", modules: }', /--org .*not-JSON\.json: not JSON .*\(fix the file so it parses/],
  [
    'a field with an unknown data_type',
    leads([{ api_name: 'Mood', data_type: 'emoji' }]),
    /Leads\.Mood has unknown data_type "emoji" \(use a data_type of Zoho's fields API/,
  ],
  [
    'a lookup to a module not in the profile',
    leads([{ api_name: 'Account_Name', data_type: 'lookup', lookup: { module: { api_name: 'Accounts' } } }]),
    /Leads\.Account_Name looks up module "Accounts", which the profile does not have \(add "Accounts"/,
  ],
  [
    'an unknown edition',
    JSON.stringify({ edition: 'platinum', modules: { Leads: { fields: [] } } }),
    /unknown edition "platinum" \(use one of free, standard, professional, enterprise, ultimate\)/,
  ],
  [
    'a custom module Zoho does not support (Projects)',
    JSON.stringify({
      edition: 'professional',
      modules: { Leads: { fields: [] }, Projects: { custom: true, fields: [] } },
    }),
    /custom module "Projects": Zoho's pages list Projects as not supported by the API \(.+\), so every call to it would answer INVALID_MODULE \(give the custom module an API name of its own/,
  ],
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zoho-bad-profile-'));
  await Promise.all(PROFILES.map(([name, text]) => writeFile(join(dir, `${name.replace(/\W+/g, '-')}.json`), text)));
});

describe('mock --org with a bad profile', () => {
  it.each(PROFILES)(
    '%s: one E_CONFIG line, exit 2',
    async (name, _text, message) => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      const result = await runCli(['mock', '--org', file], {}, 60_000);
      expect(result.code).toBe(2);
      expect(result.stdout).not.toContain('listening');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^error E_CONFIG: --org /);
      expect(lines[0]).toMatch(message);
    },
    90_000,
  );

  it('a missing file and a bad --latency are one line and exit 2 too', async () => {
    const missing = await runCli(['mock', '--org', join(dir, 'absent.json')], {}, 60_000);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toMatch(/^error E_CONFIG: --org .*absent\.json: cannot read the file/);
    const latency = await runCli(['mock', '--latency', 'slow'], {}, 60_000);
    expect(latency.code).toBe(2);
    expect(latency.stderr.trim()).toMatch(/^error E_USAGE: --latency "slow" is not a positive whole number/);
  }, 180_000);
});
