// Sharding on vitest's machinery: shards 1/3 + 2/3 + 3/3, merged, equal the unsharded run; a missing, repeated or
// mismatched shard is refused, and cases a crashed harness file left without a verdict are reported not checked.

import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/report/index.ts';
import { caseKey } from '../../src/verdict/index.ts';
import { crashHarnessFileInBlob } from '../support/crash-in-blob.ts';
import { runCli } from '../support/run-cli.ts';

let root: string;
const dir = (name: string) => join(root, name);
const summaryOf = async (name: string) =>
  JSON.parse(await readFile(join(dir(name), 'summary.json'), 'utf8')) as RunSummary;
const comparable = (s: RunSummary) =>
  s.verdicts
    .map((v) => [caseKey(v), v.outcome, v.reason, v.actual?.status, v.actual?.codes.join(',')].join(' | '))
    .sort();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'zoho-shards-'));
  const runs = await Promise.all([
    runCli(['--out', dir('whole')]),
    ...[1, 2, 3].map((k) => runCli(['--shard', `${k}/3`, '--out', dir(`shard-${k}`)])),
  ]);
  for (const run of runs) expect(run.code, run.stdout + run.stderr).toBe(0);
}, 300_000);

describe('--shard k/n and merge', () => {
  it('splits the cases between shards with none lost or repeated, each recording the whole selection and its place', async () => {
    const shards = await Promise.all([1, 2, 3].map((k) => summaryOf(`shard-${k}`)));
    const whole = await summaryOf('whole');
    for (const s of shards) expect(s.totals.cases).toBeGreaterThan(0);
    expect(shards.reduce((n, s) => n + s.totals.cases, 0)).toBe(whole.totals.cases);
    expect(shards.map((s) => s.shard)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
    for (const s of shards) expect(s.selection).toEqual(whole.selection);
    expect(whole.selection).toHaveLength(whole.totals.cases);
  });

  it('merges the three shards into the same verdicts as the unsharded run, in every report format', async () => {
    const merged = await runCli(['merge', dir('shard-1'), dir('shard-2'), dir('shard-3'), '--out', dir('merged')]);
    expect(merged.code, merged.stdout + merged.stderr).toBe(0);
    const [whole, result] = await Promise.all([summaryOf('whole'), summaryOf('merged')]);
    expect(comparable(result)).toEqual(comparable(whole));
    expect(result.totals).toEqual(whole.totals);
    expect(result.coverage.totals).toEqual(whole.coverage.totals);
    const junit = new XMLParser({ ignoreAttributes: false }).parse(
      await readFile(join(dir('merged'), 'junit.xml'), 'utf8'),
    ) as { testsuites: { '@_tests': string } };
    expect(Number(junit.testsuites['@_tests'])).toBe(whole.totals.cases);
    expect(await readFile(join(dir('merged'), 'report.html'), 'utf8')).toContain(
      `data-count="cases">${whole.totals.cases}<`,
    );
    expect(await readFile(join(dir('merged'), 'report.md'), 'utf8')).toContain(`${whole.totals.passed} passed`);
  });

  it('compares the merged run with a baseline, as the nightly workflow does', async () => {
    const result = await runCli([
      'merge',
      dir('shard-1'),
      dir('shard-2'),
      dir('shard-3'),
      '--out',
      dir('merged-baseline'),
      '--baseline',
      join(dir('whole'), 'summary.json'),
      '--fail-on',
      'new',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      '0 new failures, 0 failing differently, 0 lost coverage, 0 still failing, 0 fixed, 0 new cases, 0 removed',
    );
  });

  it('refuses a missing shard in one line, exit 2', async () => {
    const result = await runCli(['merge', dir('shard-1'), dir('shard-2'), '--out', dir('refused-missing')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'error E_CONFIG: shard 3/3 missing: merge needs every shard of the run (pass the report folder of every shard (a shard that failed still writes one))',
    );
  });

  it('refuses a shard given twice in one line, exit 2', async () => {
    await cp(dir('shard-2'), dir('shard-2-again'), { recursive: true });
    const result = await runCli([
      'merge',
      dir('shard-1'),
      dir('shard-2'),
      dir('shard-2-again'),
      dir('shard-3'),
      '--out',
      dir('refused-twice'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(
      /^error E_CONFIG: shard 2\/3 is given twice: \S+shard-2 and \S+shard-2-again \(pass each shard folder once\)$/,
    );
  });

  it('reports the cases of a harness file that crashed in a shard as not checked, naming them, and exits 3', async () => {
    const shards = await Promise.all([1, 2, 3].map((k) => summaryOf(`shard-${k}`)));
    const k =
      shards.findIndex((s) => s.verdicts.some((v) => v.endpoint === 'update-records' && v.version === 'v8')) + 1;
    await cp(dir(`shard-${k}`), dir('crashed'), { recursive: true });
    await crashHarnessFileInBlob(
      join(dir('crashed'), 'blob.json'),
      'tests/contract/crm-update-records-v8.contract.ts',
      'SyntaxError: boom',
    );
    const others = [1, 2, 3].filter((i) => i !== k).map((i) => dir(`shard-${i}`));
    const result = await runCli(['merge', ...others, dir('crashed'), '--out', dir('merged-crashed')]);
    expect(result.code, result.stdout + result.stderr).toBe(3);
    const merged = await summaryOf('merged-crashed');
    const lost = merged.verdicts.filter((v) => v.outcome === 'not-checked');
    const v8 = (await summaryOf('whole')).verdicts.filter((v) => v.endpoint === 'update-records' && v.version === 'v8');
    expect(lost.map((v) => v.caseId).sort()).toEqual(v8.map((v) => v.caseId).sort());
    expect(lost[0]?.reason).toBe(
      'no verdict: harness file tests/contract/crm-update-records-v8.contract.ts crashed: SyntaxError: boom',
    );
    expect(merged.totals).toMatchObject({
      cases: merged.selection?.length,
      notChecked: v8.length,
      checked: (merged.selection?.length ?? 0) - v8.length,
    });
    expect(result.stdout).toContain(`? crm › update-records › v8 › ${lost[0]?.caseName}: no verdict: harness file`);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(
      new RegExp(`^checked ${merged.totals.checked} of ${merged.totals.cases} selected`),
    );
    expect(result.stderr.trim()).toMatch(
      /^error E_NOT_CHECKED: checked \d+ of \d+ selected, \d+ not checked: no verdict: harness file tests\/contract\/crm-update-records-v8\.contract\.ts crashed/,
    );
    expect(await readFile(join(dir('merged-crashed'), 'junit.xml'), 'utf8')).toContain(
      '<error type="not-checked" message="not checked: no verdict: harness file',
    );
  });

  it('refuses shards run from different contract versions', async () => {
    const tampered = await summaryOf('shard-2');
    const [endpoint = ''] = Object.keys(tampered.contractVersions);
    await writeFile(
      join(dir('shard-2'), 'summary.json'),
      JSON.stringify({ ...tampered, contractVersions: { ...tampered.contractVersions, [endpoint]: '99.0.0' } }),
    );
    const result = await runCli(['merge', dir('shard-1'), dir('shard-2'), dir('shard-3'), '--out', dir('refused')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(
      new RegExp(
        `^error E_CONFIG: shards disagree on the contract of ${endpoint.replace('/', '\\/')}: \\S+ in .*shard-1, 99\\.0\\.0 in .*shard-2`,
      ),
    );
  });

  it.each([['0/3'], ['4/3'], ['one/three']])('refuses --shard %s with exit 2', async (value) => {
    const result = await runCli(['--shard', value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--shard "${value}" is not k/n with 1 <= k <= n`);
  });

  it('refuses a folder that is not a shard report', async () => {
    const result = await runCli(['merge', dir('whole')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not the report folder of a --shard run');
  });
});
