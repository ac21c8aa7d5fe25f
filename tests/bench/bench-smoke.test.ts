// The benchmark runs end to end (one round, small memory catalogs, a short load test) and writes its JSON result; a
// measured run that fails voids it. No thresholds here: timings belong to `npm run bench` on a quiet machine.

import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import { startBreakingProxy } from '../support/breaking-proxy.ts';
import { ROOT } from '../support/docs.ts';
import { mockEnvironment } from '../support/mock-env.ts';

interface BenchResult {
  cases: number;
  a: { median: number };
  b: { median: number };
  c: { median: number };
  memory: Array<{ cases: number; failed: number; maxRssBytes: number }>;
  steady: { cases: number; harnessMs: number; floorMs: number };
  e: { mock: { rps: number }; bare: { rps: number }; afterRuns: { rps: number } };
  ratios: Record<string, number>;
}

function runBench(
  out: string,
  extra: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !key.startsWith('ZOHO_')),
  );
  const env = {
    ...inherited,
    BENCH_REPEATS: '1',
    BENCH_SIZES: '20,40',
    BENCH_LOAD_SECONDS: '1',
    BENCH_WARMUP: '0',
    BENCH_OUT: out,
    BENCH_LIVE_LATENCY: '50',
    ...extra,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'run.ts')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let mock: MockServer;
let breaking: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  mock = await startMock();
  breaking = await startBreakingProxy(mock.url, (r) => (r.status === 202 ? { ...r, status: 200 } : r));
});
afterAll(async () => {
  await breaking.close();
  await mock.close();
});

describe('npm run bench', () => {
  // Generous timeouts: the whole bench on a tiny setting, F's live rehearsal included, on a machine other runs may share.
  it('measures A to F side by side, prints the ratios and writes them as JSON', { timeout: 600_000 }, async () => {
    const out = await mkdtemp(join(tmpdir(), 'zoho-bench-'));
    const result = await runBench(out);
    expect(result.code, result.stderr).toBe(0);
    for (const label of ['A vs B:', 'A vs C:', 'D 10k vs 1k:', 'E mock vs bare:'])
      expect(result.stdout).toContain(label);
    // F: the live rehearsal's ratio to its calls' critical path, on a line of its own.
    expect(result.stdout).toMatch(/^F live rehearsal vs its calls' critical path: \d+\.\d\dx \(target <= 1\.25x\)$/m);
    const [file] = await readdir(out);
    const bench = JSON.parse(await readFile(join(out, file ?? ''), 'utf8')) as BenchResult;
    expect(bench.cases).toBeGreaterThan(100);
    for (const side of [bench.a, bench.b, bench.c]) expect(side.median).toBeGreaterThan(0);
    // D ran the CLI itself over each synthetic catalog: every case was judged and held, and its peak RSS was read.
    expect(bench.memory.map((m) => [m.cases, m.failed, m.maxRssBytes > 0])).toEqual([
      [20, 0, true],
      [40, 0, true],
    ]);
    expect(result.stdout).toContain('D  npm run contract peak RSS at    20 cases');
    expect([bench.steady.cases > 0, bench.steady.harnessMs > 0, bench.steady.floorMs > 0]).toEqual([true, true, true]);
    expect(bench.e.mock.rps).toBeGreaterThan(0);
    expect(bench.e.bare.rps).toBeGreaterThan(0);
    // The mock A to D used is measured beside the fresh one, and printed.
    expect(bench.e.afterRuns.rps).toBeGreaterThan(0);
    expect(result.stdout).toContain('the mock A to D used, after those runs:');
    expect(Object.keys(bench.ratios).sort()).toEqual([
      'aFasterThanB',
      'aOverFloorC',
      'aOverFloorSteady',
      'liveOverCriticalPath',
      'mockOverBare',
      'rss10kOver1k',
    ]);
  });

  it('is void when a timed run does not pass: one line, exit 1, no result written', { timeout: 300_000 }, async () => {
    const out = await mkdtemp(join(tmpdir(), 'zoho-bench-void-'));
    // A sent through a server that breaks the contract (every 202 turned 200): its run fails, so its time means nothing.
    const result = await runBench(out, { ...mockEnvironment(mock), BENCH_CONTRACT_ARGS: `--base-url ${breaking.url}` });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(
      /^bench void: A \(npm run contract\) did not pass \(exit [1-9]\d*\): only passing runs are timed/m,
    );
    expect(result.stderr.split('\n').filter((line) => line.startsWith('bench void:'))).toHaveLength(1);
    expect(result.stdout).not.toContain('A vs B:');
    expect(await readdir(out)).toEqual([]);
  });
});
