// F: a live rehearsal (`--target live`) against a mock playing a Professional org with 300 ms per call, measured
// against its minimum: the least number of rounds its calls need at the edition's concurrency limit given what depends
// on what (criticalPathMs), each round one latency long.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultOrgProfile, startMock } from '../src/mock/index.ts';
import type { ApiUsage, RunSummary } from '../src/report/index.ts';
import { spread, timeProcess, type Spread } from './measure.ts';

/** What F measured: wall time of the whole command, the minimum its calls allow, and the steps that minimum is made of. */
export interface LiveRehearsal {
  readonly latencyMs: number;
  readonly limit: number;
  readonly wall: Spread;
  readonly minimumMs: number;
  readonly ratio: number;
  /** Credits the run spent, and those it planned before writing anything (1.00: no call the plan did not need). */
  readonly spent: number;
  readonly planned: number;
  readonly steps: ApiUsage['steps'];
}

/**
 * The least wall time the run's calls allow, in rounds of one latency with at most `limit` calls a round. The token
 * refresh is one round (personas side by side), then the metadata steps, each reading what the one before found (the
 * modules, then their fields, then the fields of looked-up modules): nothing else can go before them, as every fixture
 * is planned from them and every case's applicability is decided on them. Everything after (fixtures, locks, cases,
 * unlocks, deletes) needs at least as many rounds as its calls fill at the limit, and at least its dependency chain: a
 * fixture level after the one it looks up, a lock after its record, a case after its fixtures, an unlock after the
 * cases on its record, a delete after its unlock and after the records that look it up. Those calls are NOT taken as
 * steps one after another: a case that needs no fixture could go out with the inserts, a delete of an unlocked record
 * with the unlocks. So this is a lower bound of any schedule of these calls, not of the run's own order.
 */
export function criticalPathMs(usage: ApiUsage, latencyMs: number): number {
  const limit = usage.concurrency.limit;
  const metadata = usage.steps.filter((s) => s.name.startsWith('metadata'));
  const rest = usage.steps.filter((s) => !s.name.startsWith('metadata') && s.calls > 0);
  const before = 1 + metadata.reduce((n, step) => n + Math.ceil(step.calls / limit), 0);
  const capacity = Math.ceil(rest.reduce((n, step) => n + step.calls, 0) / limit);
  // Each of these steps holds a call that waits on one of the step before (a level on the level it looks up, ...).
  const chain = rest.length;
  return (before + Math.max(chain, capacity)) * latencyMs;
}

/** Runs the rehearsal `repeats` times (after one unmeasured run when `warmUp`) as `npm run contract` starts it. */
export async function measureLiveRehearsal(
  root: string,
  repeats: number,
  warmUp: boolean,
  latencyMs: number,
): Promise<LiveRehearsal> {
  const mock = await startMock({ org: { ...defaultOrgProfile(), edition: 'professional' }, latencyMs });
  try {
    const env: Record<string, string> = {
      CI: '1',
      ZOHO_ACCOUNTS_URL: mock.url,
      ZOHO_API_DOMAIN: mock.url,
      ZOHO_CONTRACTS_URL: mock.contractsUrl,
      ZOHO_ENVIRONMENT: 'sandbox',
    };
    for (const line of mock.environmentLines()) {
      const name = line.slice(0, line.indexOf('='));
      if (!['ZOHO_API_DOMAIN', 'ZOHO_ACCESS_TOKEN', 'ZOHO_CONTRACTS_URL'].includes(name))
        env[name] = line.slice(line.indexOf('=') + 1);
    }
    const out = await mkdtemp(join(tmpdir(), 'zoho-bench-live-'));
    const run = () =>
      timeProcess(
        'F (npm run contract --target live against the rehearsal org)',
        process.execPath,
        [join(root, 'bin', 'contract.mjs'), '--target', 'live', '--out', out],
        env,
      );
    if (warmUp) await run();
    const times: number[] = [];
    for (let round = 1; round <= repeats; round += 1) {
      process.stderr.write(`F round ${round}/${repeats}: live rehearsal at ${latencyMs} ms a call\n`);
      times.push(await run());
    }
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;
    if (!summary.apiUsage) throw new Error('the live rehearsal wrote no apiUsage into summary.json');
    if (summary.totals.failed > 0 || summary.totals.errors > 0)
      throw new Error(
        `the live rehearsal did not pass: ${summary.totals.failed} failed, ${summary.totals.errors} errors`,
      );
    const wall = spread(times);
    const minimumMs = criticalPathMs(summary.apiUsage, latencyMs);
    return {
      latencyMs,
      limit: summary.apiUsage.concurrency.limit,
      wall,
      minimumMs,
      ratio: wall.median / minimumMs,
      steps: summary.apiUsage.steps,
      spent: summary.apiUsage.credits,
      planned: summary.apiUsage.planned?.credits ?? Number.NaN,
    };
  } finally {
    await mock.close();
  }
}

/** F's lines: the wall time, the minimum and its steps, and the ratio on a line of its own starting `F `. */
export function printLiveRehearsal(f: LiveRehearsal): string[] {
  const ms = (s: Spread) => `${s.min.toFixed(0)} / ${s.median.toFixed(0)} / ${s.max.toFixed(0)} ms`;
  const calls = f.steps
    .filter((s) => !s.name.startsWith('metadata'))
    .map((s) => `${s.name} ${s.calls}`)
    .join(', ');
  return [
    `F  live rehearsal, ${f.latencyMs} ms a call, ${f.limit} at once    ${ms(f.wall)}; minimum ${f.minimumMs.toFixed(0)} ms = ${(f.minimumMs / f.latencyMs).toFixed(0)} rounds (token, metadata, then ${calls} at ${f.limit} a round)`,
    `F live rehearsal vs its calls' critical path: ${f.ratio.toFixed(2)}x (target <= 1.25x)`,
    `F credits spent / planned: ${f.spent} / ${f.planned} = ${(f.spent / f.planned).toFixed(2)} (target 1.00: no call the plan did not need)`,
  ];
}
