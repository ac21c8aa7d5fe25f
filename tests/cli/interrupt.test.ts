// SIGINT/SIGTERM part-way: new cases stop, a partial report marked interrupted is written, exit 130/143; a second SIGINT exits at once.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { startBreakingProxy } from '../support/breaking-proxy.ts';
import { ROOT } from '../support/docs.ts';
import { mockEnvironment } from '../support/mock-env.ts';

let mock: MockServer;
let slow: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  mock = await startMock();
  // Every answer waits 400 ms, so a full run lasts long enough to be interrupted.
  slow = await startBreakingProxy(mock.url, (r) => r, 400);
});
afterAll(async () => {
  await slow.close();
  await mock.close();
});

/** Starts a run, sends `signals` once the first test file has started, and resolves with the exit code and output. */
function interruptedRun(out: string, signals: NodeJS.Signals[], live = false): Promise<{ code: number | null; stderr: string; ms: number }> {
  const { ZOHO_ACCESS_TOKEN: token, ...rest } = mockEnvironment(mock);
  const liveEnv = { ...rest, ZOHO_ACCOUNTS_URL: mock.url, ZOHO_API_DOMAIN: slow.url, ZOHO_CONTRACTS_URL: slow.url, ZOHO_ENVIRONMENT: 'sandbox' };
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))), ...(live ? liveEnv : { ...rest, ZOHO_ACCESS_TOKEN: token ?? '' }), CI: '1', NO_COLOR: '1' };
  const target = live ? ['--target', 'live'] : ['--base-url', slow.url];
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), ...target, '--concurrency', '1', '--out', out], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let sent = false;
  const started = Date.now();
  let signalledAt = 0;
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    if (sent || !d.toString().includes('RUN')) return;
    sent = true;
    setTimeout(() => {
      signalledAt = Date.now();
      for (const [i, signal] of signals.entries()) setTimeout(() => child.kill(signal), i * 100);
    }, 2_500);
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr, ms: Date.now() - (signalledAt || started) })));
}

describe('interrupting a run', () => {
  it('on SIGINT writes a partial report marked interrupted and exits 130', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zoho-sigint-'));
    const result = await interruptedRun(out, ['SIGINT']);
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain('SIGINT: stopping after the requests in flight');
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.interrupted).toBe(true);
    expect(summary.totals.checked).toBeLessThan(114);
    expect(summary.verdicts.filter((v) => v.outcome === 'not-checked').every((v) => v.notChecked?.cause === 'interrupted')).toBe(true);
  });

  it('in a live run, deletes every fixture it created before exiting 130', async () => {
    const counts = () => ['Leads', 'Deals', 'Events', 'Custom_Module1', 'bigin:Deals', 'bigin:Contacts', 'bigin:Accounts', 'bigin:Products'].map((m) => mock.countRecords(m));
    const before = counts();
    const out = await mkdtemp(join(tmpdir(), 'zoho-sigint-live-'));
    const result = await interruptedRun(out, ['SIGINT'], true);
    expect(result.code, result.stderr).toBe(130);
    expect(counts()).toEqual(before);
    const ledger = JSON.parse(await readFile(join(out, 'fixtures.json'), 'utf8')) as { created: unknown[]; deleted: unknown[] };
    expect(ledger.created.length).toBeGreaterThan(0);
    expect(ledger.deleted).toEqual(ledger.created);
  });

  it('on SIGTERM exits 143 with the partial report', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zoho-sigterm-'));
    const result = await interruptedRun(out, ['SIGTERM']);
    expect(result.code).toBe(143);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  });

  it('exits at once on a second SIGINT', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zoho-sigint2-'));
    const result = await interruptedRun(out, ['SIGINT', 'SIGINT']);
    expect(result.code).toBe(130);
    expect(result.ms).toBeLessThan(60_000);
  });
});
