// --record then --target replay: the same verdicts from the recorded answers, unrecorded cases not checked, no token in cassettes.

import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_VARIABLES } from '../../src/harness/index.ts';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { mockEnvironment } from '../support/mock-env.ts';
import { runCli } from '../support/run-cli.ts';

let mock: MockServer;
let recorded: string;
const summaryOf = async (dir: string) => JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8')) as RunSummary;
const outcomes = (s: RunSummary) =>
  s.verdicts.map((v) => `${v.version}/${v.caseId} ${v.outcome} ${v.actual?.status ?? ''}`).sort();

beforeAll(async () => {
  mock = await startMock();
  recorded = await mkdtemp(join(tmpdir(), 'zoho-record-'));
  const result = await runCli(
    ['--endpoint', 'update-records', '--base-url', mock.url, '--record', '--out', recorded],
    mockEnvironment(mock),
  );
  expect(result.code, result.stdout + result.stderr).toBe(0);
}, 120_000);
afterAll(async () => mock.close());

describe('record and replay', () => {
  it('writes one redacted cassette per exchange', async () => {
    const files = await readdir(join(recorded, 'cassettes'));
    expect(files.length).toBe((await summaryOf(recorded)).totals.passed);
    const text = (await Promise.all(files.map((f) => readFile(join(recorded, 'cassettes', f), 'utf8')))).join('\n');
    for (const name of SECRET_VARIABLES) expect(text.includes(mock.variables[name] ?? '\u0000')).toBe(false);
    expect(text).toContain('Zoho-oauthtoken [REDACTED]');
  });

  it('reproduces the recorded verdicts without the target; a replay where nothing is recorded checks nothing and exits 3', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zoho-replay-'));
    const result = await runCli([
      '--endpoint',
      'update-records',
      '--target',
      'replay',
      '--cassettes',
      join(recorded, 'cassettes'),
      '--out',
      out,
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(outcomes(await summaryOf(out))).toEqual(outcomes(await summaryOf(recorded)));
    const other = await mkdtemp(join(tmpdir(), 'zoho-replay-'));
    const unrecorded = await runCli([
      '--product',
      'bigin',
      '--target',
      'replay',
      '--cassettes',
      join(recorded, 'cassettes'),
      '--out',
      other,
    ]);
    const summary = await summaryOf(other);
    expect(summary.totals.checked).toBe(0);
    expect(summary.outcome).toBe('empty');
    const unchecked = summary.verdicts.filter((v) => v.outcome === 'not-checked');
    expect(unchecked.length).toBeGreaterThan(0);
    expect(
      unchecked.every(
        (v) => v.reason === 'no recorded exchange for this case' && v.notChecked?.cause === 'no-recording',
      ),
    ).toBe(true);
    // Mock-only faults: a recording of a url run cannot hold them.
    expect(summary.verdicts.filter((v) => v.outcome === 'not-applicable').map((v) => v.caseId)).toEqual([
      'internal-error',
    ]);
    expect(unrecorded.code).toBe(3);
    expect(unrecorded.stdout.trim().split('\n').at(-1)).toBe(
      `checked 0 of ${summary.totals.cases} selected: 0 passed, 0 failed, 0 errors, ${unchecked.length} not checked, 1 not applicable`,
    );
    expect(unrecorded.stderr.trim()).toMatch(
      /^error E_NOTHING_CHECKED: nothing was checked \(checked 0 of \d+ selected\): no recorded exchange for this case \(record it with a --record run/,
    );
  });

  it('needs a cassette folder', async () => {
    const result = await runCli(['--target', 'replay']);
    expect([result.code, result.stderr.trim()]).toEqual([
      2,
      'error E_USAGE: --target replay needs --cassettes <dir> (give the cassettes/ folder of an earlier --record run)',
    ]);
  });
});
