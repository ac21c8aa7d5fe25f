// Sharding on vitest's machinery: shards 1/3 + 2/3 + 3/3, merged, equal the unsharded run; mismatched shards are refused.

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/report/index.ts';
import { caseKey } from '../../src/verdict/index.ts';
import { runCli } from '../support/run-cli.ts';

let root: string;
const dir = (name: string) => join(root, name);
const summaryOf = async (name: string) => JSON.parse(await readFile(join(dir(name), 'summary.json'), 'utf8')) as RunSummary;
const comparable = (s: RunSummary) =>
  s.verdicts.map((v) => [caseKey(v), v.outcome, v.reason, v.actual?.status, v.actual?.codes.join(',')].join(' | ')).sort();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'zoho-shards-'));
  const runs = await Promise.all([
    runCli(['--out', dir('whole')]),
    ...[1, 2, 3].map((k) => runCli(['--shard', `${k}/3`, '--out', dir(`shard-${k}`)])),
  ]);
  for (const run of runs) expect(run.code, run.stdout + run.stderr).toBe(0);
}, 300_000);

describe('--shard k/n and merge', () => {
  it('splits the cases between shards with none lost or repeated', async () => {
    const shards = await Promise.all([1, 2, 3].map((k) => summaryOf(`shard-${k}`)));
    for (const s of shards) expect(s.totals.cases).toBeGreaterThan(0);
    expect(shards.reduce((n, s) => n + s.totals.cases, 0)).toBe((await summaryOf('whole')).totals.cases);
  });

  it('merges the three shards into the same verdicts as the unsharded run, in every report format', async () => {
    const merged = await runCli(['merge', dir('shard-1'), dir('shard-2'), dir('shard-3'), '--out', dir('merged')]);
    expect(merged.code, merged.stdout + merged.stderr).toBe(0);
    const [whole, result] = await Promise.all([summaryOf('whole'), summaryOf('merged')]);
    expect(comparable(result)).toEqual(comparable(whole));
    expect(result.totals).toEqual(whole.totals);
    expect(result.coverage.totals).toEqual(whole.coverage.totals);
    const junit = new XMLParser({ ignoreAttributes: false }).parse(await readFile(join(dir('merged'), 'junit.xml'), 'utf8')) as { testsuites: { '@_tests': string } };
    expect(Number(junit.testsuites['@_tests'])).toBe(whole.totals.cases);
    expect(await readFile(join(dir('merged'), 'report.html'), 'utf8')).toContain(`data-count="cases">${whole.totals.cases}<`);
    expect(await readFile(join(dir('merged'), 'report.md'), 'utf8')).toContain(`${whole.totals.passed} passed`);
  });

  it('compares the merged run with a baseline, as the nightly workflow does', async () => {
    const result = await runCli(['merge', dir('shard-1'), dir('shard-2'), dir('shard-3'), '--out', dir('merged-baseline'), '--baseline', join(dir('whole'), 'summary.json'), '--fail-on', 'new']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('0 new failures, 0 still failing, 0 fixed, 0 new cases, 0 removed');
  });

  it('refuses shards run from different contract versions', async () => {
    const tampered = await summaryOf('shard-2');
    const [endpoint = ''] = Object.keys(tampered.contractVersions);
    await writeFile(join(dir('shard-2'), 'summary.json'), JSON.stringify({ ...tampered, contractVersions: { ...tampered.contractVersions, [endpoint]: '99.0.0' } }));
    const result = await runCli(['merge', dir('shard-1'), dir('shard-2'), dir('shard-3'), '--out', dir('refused')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(new RegExp(`^error E_CONFIG: shards disagree on the contract of ${endpoint.replace('/', '\\/')}: \\S+ in .*shard-1, 99\\.0\\.0 in .*shard-2`));
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
