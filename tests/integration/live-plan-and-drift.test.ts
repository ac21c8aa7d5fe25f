// A live run says what it will spend before it writes anything, refuses a plan over --max-credits, and names what
// changed in the org since the baseline's run.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOrgProfile, startMock, type MockServer, type OrgProfile } from '../../src/mock/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { ROOT } from '../support/docs.ts';
import { liveEnvironment, recordCounts } from '../support/mock-env.ts';
import { runCli } from '../support/run-cli.ts';

const STRICT = join(ROOT, 'tests/fixtures/org-profiles/strict-org.json');
const UPDATE_V8 = ['--product', 'crm', '--endpoint', 'update-records', '--api-version', 'v8'];
const MODULES = ['Leads', 'Accounts', 'Contacts', 'Deals', 'Events', 'Projects_Tracker'];

let mock: MockServer | undefined;
afterEach(async () => mock?.close());

async function liveRun(args: readonly string[]): Promise<{ code: number | null; output: string; out: string }> {
  const out = await mkdtemp(join(tmpdir(), 'zoho-live-plan-'));
  const { ZOHO_LOCKING_CUSTOM_MODULE: _module, ...env } = liveEnvironment(mock as MockServer);
  const result = await runCli(['--target', 'live', '--allow-partial', '--out', out, ...args], env);
  return { code: result.code, output: result.stdout + result.stderr, out };
}

const summaryOf = async (out: string): Promise<RunSummary> =>
  JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;

/** The strict org with Leads.First_Name made mandatory. */
function withMandatoryFirstName(profile: OrgProfile): OrgProfile {
  const modules = new Map(profile.modules);
  const leads = modules.get('Leads');
  if (!leads) throw new Error('the strict org has Leads');
  modules.set('Leads', {
    ...leads,
    fields: leads.fields.map((f) => (f.api_name === 'First_Name' ? { ...f, system_mandatory: true } : f)),
  });
  return { ...profile, modules };
}

describe('credits, before and after', () => {
  it('refuses a plan over --max-credits in one line with exit 2, before any fixture exists', async () => {
    mock = await startMock({ org: await readOrgProfile(STRICT) });
    const before = recordCounts(mock, MODULES);
    const { code, output } = await liveRun([...UPDATE_V8, '--max-credits', '20']);
    expect(code, output).toBe(2);
    expect(output).toMatch(/^Plan: (\d+) calls, \1 credits \(metadata \d+, fixtures \d+, cases \d+, clean-up \d+\); /m);
    expect(output).toMatch(
      /^error E_CONFIG: the run plans \d+ credits, more than --max-credits 20; nothing was written/m,
    );
    expect(output).not.toContain('Fixtures: created');
    expect(recordCounts(mock, MODULES)).toEqual(before);
  });

  it('runs a plan within --max-credits, and spends what it planned', async () => {
    mock = await startMock({ org: await readOrgProfile(STRICT) });
    const { code, output, out } = await liveRun([...UPDATE_V8, '--max-credits', '100000']);
    expect(code, output).toBe(0);
    const usage = (await summaryOf(out)).apiUsage;
    expect(usage?.planned?.calls).toBe(usage?.calls);
    expect(output).toMatch(/^Progress: fixtures ready, \d+ of \d+ planned calls made$/m);
  });

  it('refuses a --max-credits that is no positive whole number, or a target that spends no credits, at once', async () => {
    for (const args of [
      ['--target', 'live', '--max-credits', '0'],
      ['--target', 'live', '--max-credits', 'lots'],
    ]) {
      const result = await runCli(args, {});
      expect([result.code, result.stderr.trim()], args.join(' ')).toEqual([
        2,
        expect.stringMatching(
          /^error E_USAGE: --max-credits "[^"]+" is not a positive whole number \(give e\.g\. --max-credits 500\)$/,
        ),
      ]);
    }
    const mockRun = await runCli(['--max-credits', '10'], {});
    expect([mockRun.code, mockRun.stderr.trim()]).toEqual([
      2,
      expect.stringMatching(/^error E_USAGE: --max-credits is for live runs: a mock target spends no Zoho credits/),
    ]);
  });
});

describe("the org's drift, night to night", () => {
  it('names a field made mandatory since the baseline, in the terminal, report.md and summary.json', async () => {
    const profile = await readOrgProfile(STRICT);
    mock = await startMock({ org: profile });
    const first = await liveRun(UPDATE_V8);
    expect(first.code, first.output).toBe(0);
    expect(await readFile(join(first.out, 'org.json'), 'utf8')).toContain('"First_Name"');
    await mock.close();
    mock = await startMock({ org: withMandatoryFirstName(profile) });
    const second = await liveRun([...UPDATE_V8, '--baseline', join(first.out, 'summary.json')]);
    expect(second.output).toMatch(/^Org changes since the baseline \(.*summary\.json\): 1$/m);
    expect(second.output).toMatch(/^ {2}\* Leads\.First_Name made mandatory/m);
    expect((await summaryOf(second.out)).orgDrift?.changes.map((c) => c.text)).toEqual([
      'Leads.First_Name made mandatory',
    ]);
    expect(await readFile(join(second.out, 'report.md'), 'utf8')).toContain('| Leads.First_Name made mandatory |');
  });

  it('says nothing changed when the org did not', async () => {
    mock = await startMock({ org: await readOrgProfile(STRICT) });
    const first = await liveRun(UPDATE_V8);
    const second = await liveRun([...UPDATE_V8, '--baseline', join(first.out, 'summary.json')]);
    expect(second.output).toMatch(/^Org: nothing changed since the baseline \(/m);
    expect((await summaryOf(second.out)).orgDrift?.changes).toEqual([]);
  });
});
