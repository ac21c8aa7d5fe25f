// The benchmark runs end to end (one round, small memory catalogs, a short load test) and writes its JSON result.
// No thresholds here: timings belong to `npm run bench` on a quiet machine, never to a unit test.

import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/docs.ts';

interface BenchResult {
  cases: number;
  a: { median: number };
  b: { median: number };
  c: { median: number };
  memory: Array<{ cases: number; failed: number; maxRssBytes: number; harnessMs: number; floorMs: number }>;
  e: { mock: { rps: number }; bare: { rps: number }; afterRuns: { rps: number } };
  ratios: Record<string, number>;
}

function runBench(out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  const env = { ...inherited, BENCH_REPEATS: '1', BENCH_SIZES: '20,40', BENCH_LOAD_SECONDS: '1', BENCH_WARMUP: '0', BENCH_OUT: out, BENCH_LIVE_LATENCY: '50' };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'run.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run bench', () => {
  it('measures A to F side by side, prints the ratios and writes them as JSON', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zoho-bench-'));
    const result = await runBench(out);
    expect(result.code, result.stderr).toBe(0);
    for (const label of ['A vs B:', 'A vs C:', 'D 10k vs 1k:', 'E mock vs bare:']) expect(result.stdout).toContain(label);
    // F: the live rehearsal's ratio to its calls' critical path, on a line of its own.
    expect(result.stdout).toMatch(/^F live rehearsal vs its calls' critical path: \d+\.\d\dx \(target <= 1\.25x\)$/m);
    const [file] = await readdir(out);
    const bench = JSON.parse(await readFile(join(out, file ?? ''), 'utf8')) as BenchResult;
    expect(bench.cases).toBeGreaterThan(100);
    for (const side of [bench.a, bench.b, bench.c]) expect(side.median).toBeGreaterThan(0);
    // The memory runs judged every synthetic case against the mock, and all of them held.
    expect(bench.memory.map((m) => [m.cases > 0, m.failed, m.harnessMs > 0, m.floorMs > 0])).toEqual([[true, 0, true, true], [true, 0, true, true]]);
    expect(bench.e.mock.rps).toBeGreaterThan(0);
    expect(bench.e.bare.rps).toBeGreaterThan(0);
    // The mock A to D used is measured beside the fresh one, and printed.
    expect(bench.e.afterRuns.rps).toBeGreaterThan(0);
    expect(result.stdout).toContain('the mock A to D used, after those runs:');
    expect(Object.keys(bench.ratios).sort()).toEqual(['aFasterThanB', 'aOverFloorC', 'aOverFloorSteady', 'liveOverCriticalPath', 'mockOverBare', 'rss10kOver1k']);
  }, 600_000); // the whole bench, F's live rehearsal included, on a shared machine
});
