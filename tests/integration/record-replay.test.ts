// --record then --target replay: the same verdicts from the recorded answers, echoes judged against the recorded
// requests, unrecorded cases and cases recorded by another contract version not checked, no token in cassettes.

import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_VARIABLES } from '../../src/harness/index.ts';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { mockEnvironment } from '../support/mock-env.ts';
import { ROOT } from '../support/docs.ts';
import { runCli } from '../support/run-cli.ts';

let mock: MockServer;
let recorded: string;
const summaryOf = async (dir: string) => JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8')) as RunSummary;
type Json = Record<string, unknown>;
const SINGLE = 'crm__update-records__v2.1__success-single.json';
const echoNotes = (s: RunSummary) => s.verdicts.flatMap((v) => (v.unpinned ?? []).filter((n) => n.startsWith('echo')));
const replay = (cassettes: string, out: string, ...args: string[]) =>
  runCli(['--endpoint', 'update-records', ...args, '--target', 'replay', '--cassettes', cassettes, '--out', out]);
/** A copy of the recorded cassettes with one file edited, for a replay of what was not recorded that way. */
async function editedCassettes(name: string, edit: (cassette: Json) => void): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zoho-cassettes-'));
  await cp(join(recorded, 'cassettes'), dir, { recursive: true });
  const cassette = JSON.parse(await readFile(join(dir, name), 'utf8')) as Json;
  edit(cassette);
  await writeFile(join(dir, name), JSON.stringify(cassette));
  return dir;
}
/** The contract version of the v2.1 Update Records collection: its info.version, as the generator writes it. */
const v21Version = async () => {
  const path = join(ROOT, 'collections', 'crm', 'v2.1', 'update-records.postman_collection.json');
  return (JSON.parse(await readFile(path, 'utf8')) as { info: { version: { raw: string } } }).info.version.raw;
};
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

  it('holds the request as sent (variables filled in, when it left) and the contract version that sent it', async () => {
    const cassette = JSON.parse(await readFile(join(recorded, 'cassettes', SINGLE), 'utf8')) as Json;
    expect(cassette['contractVersion']).toBe(await v21Version());
    expect(cassette['baseUrls']).toContain(mock.url);
    const request = cassette['request'] as Json;
    expect(request['url']).toMatch(new RegExp(`^${mock.url}/crm/v2\\.1/Leads/\\d+$`));
    expect(JSON.stringify(request)).not.toContain('{{');
    expect(Date.parse(String(request['sentAt']))).not.toBeNaN();
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
    // Echoes were read from the recorded requests: none is left unchecked.
    expect(echoNotes(await summaryOf(out))).toEqual([]);
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

  it('judges echoes against the recorded request: a recorded answer naming another record fails', async () => {
    const cassettes = await editedCassettes(SINGLE, (cassette) => {
      const response = cassette['response'] as Json;
      const body = JSON.parse(String(response['body'])) as { data: Array<{ details: Json }> };
      (body.data[0] as { details: Json }).details['id'] = '3652397000000000001';
      response['body'] = JSON.stringify(body);
    });
    const out = await mkdtemp(join(tmpdir(), 'zoho-replay-'));
    const result = await replay(cassettes, out, '--api-version', 'v2.1');
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const failed = (await summaryOf(out)).verdicts.filter((v) => v.outcome === 'fail');
    expect(failed.map((v) => [v.caseId, v.reason])).toEqual([
      [
        'success-single',
        expect.stringMatching(
          /^\/data\/0\/details\/id must echo the URL's record_id: sent "\d+", got "3652397000000000001"/,
        ),
      ],
    ]);
  });

  it('leaves a case recorded by another contract version (or by none) not checked, exit 2', async () => {
    const cassettes = await editedCassettes(SINGLE, (cassette) => {
      cassette['contractVersion'] = '0.9.0';
    });
    const out = await mkdtemp(join(tmpdir(), 'zoho-replay-'));
    const result = await replay(cassettes, out, '--api-version', 'v2.1');
    expect(result.code, result.stdout + result.stderr).toBe(2);
    const summary = await summaryOf(out);
    expect(
      summary.verdicts.filter((v) => v.outcome === 'not-checked').map((v) => [v.caseId, v.reason, v.notChecked?.cause]),
    ).toEqual([
      [
        'success-single',
        `recorded by contract 0.9.0, the collection is now ${await v21Version()}; record again`,
        'stale-recording',
      ],
    ]);
    expect(result.stderr).toMatch(
      /^error E_NOT_CHECKED: .*recorded by contract 0\.9\.0.*\(record it again with a --record run/m,
    );
    const unversioned = await editedCassettes(SINGLE, (cassette) => {
      delete cassette['contractVersion'];
    });
    const old = await mkdtemp(join(tmpdir(), 'zoho-replay-'));
    expect((await replay(unversioned, old, '--api-version', 'v2.1')).code).toBe(2);
    expect((await summaryOf(old)).verdicts.find((v) => v.caseId === 'success-single')?.reason).toBe(
      'recorded before cassettes carried a contract version; record again',
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
