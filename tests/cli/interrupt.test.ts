// SIGINT/SIGTERM part-way: new cases stop, a partial report marked interrupted is written, exit 130/143; a second SIGINT exits at once.
// No timing guesses: a gate in front of the mock holds the cases' requests (newman's) while the signals are sent, so the
// run is always part-way when interrupted, and with a request held open only a second signal can end it at once.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { startBreakingProxy } from '../support/breaking-proxy.ts';
import { ROOT } from '../support/docs.ts';
import { mockEnvironment, recordCounts } from '../support/mock-env.ts';

/**
 * Case requests let through before the gate holds the rest: enough for the first harness file's cases (Bigin's, sent
 * first), so some verdicts are reported when the signal comes, and far fewer than the 114 cases.
 */
const PASSED_BEFORE_HOLD = 30;

/** Holds newman's requests (the cases) after the first few until opened; other requests (live fixtures) pass. */
class Gate {
  cases = 0;
  private release: (() => void) | undefined;
  private readonly opened = new Promise<void>((resolve) => (this.release = resolve));
  private onHeld: (() => void) | undefined;
  held = 0;
  /** Case requests that reached the gate before the first signal was sent. */
  casesAtSignal: number | undefined;
  isOpen = false;

  /** The proxy's hook: a case request past the first few waits here. */
  hold(request: IncomingMessage): Promise<void> | undefined {
    if (!String(request.headers['user-agent']).startsWith('PostmanRuntime')) return undefined;
    this.cases += 1;
    if (this.cases <= PASSED_BEFORE_HOLD) return undefined;
    this.held += 1;
    this.onHeld?.();
    return this.opened;
  }

  /** Resolves once a case request is held (the run is part-way, with a request in flight). */
  holding(): Promise<void> {
    return this.held > 0 ? Promise.resolve() : new Promise((resolve) => (this.onHeld = resolve));
  }

  /** Case requests that reached the gate after the first signal: only those in flight then may, none sent after it. */
  casesAfterSignal(): number {
    return this.casesAtSignal === undefined ? 0 : this.cases - this.casesAtSignal;
  }

  open(): void {
    this.isOpen = true;
    this.release?.();
  }
}

let mock: MockServer;
let gate: Gate;
let proxy: { url: string; close: () => Promise<void> };
let child: ChildProcess | undefined;
beforeAll(async () => {
  mock = await startMock();
  proxy = await startBreakingProxy(
    mock.url,
    (r) => r,
    0,
    (_count, request) => gate.hold(request),
  );
});
afterEach(() => {
  gate.open();
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(async () => {
  await proxy.close();
  await mock.close();
});

/** vitest's dot reporter (CI=1) marks each finished test on the lines after its RUN line. */
function reportsATest(stdout: string): boolean {
  const runLine = stdout.indexOf(' RUN ');
  const after = runLine < 0 ? -1 : stdout.indexOf('\n', runLine);
  return after >= 0 && /[·x]/.test(stdout.slice(after));
}

interface Interrupted {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Whether the held requests were still held when the process exited. */
  readonly exitedWhileHeld: boolean;
}

interface RunOptions {
  readonly live?: boolean;
  /** Let the held requests finish once the CLI says it is stopping, as a slow answer would. */
  readonly openOnStop?: boolean;
  /** Wait for vitest to report a test before signalling (a report with verdicts in it), not only for it to start. */
  readonly afterATest?: boolean;
}

/** Starts a run through the gate; once vitest is running and a case request is held, sends `signals` (100 ms apart). */
function interruptedRun(out: string, signals: NodeJS.Signals[], options: RunOptions = {}): Promise<Interrupted> {
  gate = new Gate();
  const { ZOHO_ACCESS_TOKEN: token, ...rest } = mockEnvironment(mock);
  const liveEnv = {
    ...rest,
    ZOHO_ACCOUNTS_URL: mock.url,
    ZOHO_API_DOMAIN: proxy.url,
    ZOHO_CONTRACTS_URL: proxy.url,
    ZOHO_ENVIRONMENT: 'sandbox',
  };
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !k.startsWith('ZOHO_')),
  );
  const env = {
    ...inherited,
    ...(options.live ? liveEnv : { ...rest, ZOHO_ACCESS_TOKEN: token ?? '' }),
    CI: '1',
    NO_COLOR: '1',
  };
  const target = options.live ? ['--target', 'live'] : ['--base-url', proxy.url];
  // A held request must not end by its own timeout while the test waits on the signals.
  const args = [
    join(ROOT, 'bin', 'contract.mjs'),
    ...target,
    '--concurrency',
    '1',
    '--timeout',
    '600000',
    '--out',
    out,
  ];
  const spawned = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child = spawned;
  let stdout = '';
  let stderr = '';
  let signalled = false;
  const vitestRunning = new Promise<void>((resolve) =>
    spawned.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (options.afterATest ? reportsATest(stdout) : stdout.includes(' RUN ')) resolve();
    }),
  );
  spawned.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (options.openOnStop && stderr.includes('stopping after the requests in flight')) gate.open();
  });
  // vitest running: the CLI's own signal handling is in place (vitest's is removed); a held request: the run is
  // part-way, with cases still to send.
  void Promise.all([vitestRunning, gate.holding()]).then(() => {
    signalled = true;
    gate.casesAtSignal = gate.cases;
    for (const [i, signal] of signals.entries()) setTimeout(() => spawned.kill(signal), i * 100);
  });
  return new Promise((resolve) =>
    spawned.on('close', (code) => {
      const exitedWhileHeld = signalled && !gate.isOpen;
      gate.open();
      resolve({ code, stdout, stderr, exitedWhileHeld });
    }),
  );
}

describe('interrupting a run', () => {
  it('on SIGINT writes a partial report marked interrupted and exits 130', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zoho-sigint-'));
    const result = await interruptedRun(out, ['SIGINT'], { openOnStop: true, afterATest: true });
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain('SIGINT: stopping after the requests in flight');
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.interrupted).toBe(true);
    expect(summary.totals.passed).toBeGreaterThan(0);
    // Every selected case is in the report: what was not sent is not checked, because of the interrupt.
    expect(summary.totals.checked).toBeLessThan(summary.totals.cases);
    expect(
      summary.verdicts.filter((v) => v.outcome === 'not-checked').every((v) => v.notChecked?.cause === 'interrupted'),
    ).toBe(true);
    // The newman run in flight was aborted, not left to send the rest of its cases: with --concurrency 1 one request
    // was on the wire (held) when the signal came, and at most one more can start before the stop reaches the runs.
    expect(gate.casesAfterSignal()).toBeLessThanOrEqual(1);
  });

  it('in a live run, deletes every fixture it created before exiting 130', async () => {
    const counts = () => recordCounts(mock);
    const before = counts();
    const out = await mkdtemp(join(tmpdir(), 'zoho-sigint-live-'));
    const result = await interruptedRun(out, ['SIGINT'], { live: true, openOnStop: true });
    expect(result.code, result.stderr).toBe(130);
    expect(counts()).toEqual(before);
    const ledger = JSON.parse(await readFile(join(out, 'fixtures.json'), 'utf8')) as {
      created: unknown[];
      deleted: unknown[];
    };
    expect(ledger.created.length).toBeGreaterThan(0);
    expect(ledger.deleted).toEqual(ledger.created);
    expect(gate.casesAfterSignal()).toBeLessThanOrEqual(1);
  });

  it('on SIGTERM exits 143 with the partial report', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zoho-sigterm-'));
    const result = await interruptedRun(out, ['SIGTERM'], { openOnStop: true });
    expect(result.code, result.stderr).toBe(143);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  });

  it('exits at once on a second SIGINT, without waiting for the request in flight', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zoho-sigint2-'));
    const result = await interruptedRun(out, ['SIGINT', 'SIGINT']);
    expect(result.code, result.stderr).toBe(130);
    // The held request was never answered: only the second signal can have ended the run.
    expect(result.exitedWhileHeld).toBe(true);
  });
});
