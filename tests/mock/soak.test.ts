// The mock under a bounded soak (20,000 requests at concurrency 50, loopback only): no errors, state intact, flat memory.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/docs.ts';

interface SoakResult {
  total: number;
  errors: number;
  wrongStatus: number;
  statusCounts: Record<string, number>;
  leadsBefore: number;
  leadsAfter: number;
  heapHalf: number;
  heapEnd: number;
}

function soak(total: number, concurrency: number): Promise<SoakResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(ROOT, 'tests', 'support', 'soak.ts'), String(total), String(concurrency)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as SoakResult) : reject(new Error(`soak exited ${code}: ${out}`)),
    );
  });
}

describe('mock soak', () => {
  it('answers 20,000 requests at concurrency 50 with no error, the right statuses, no state corruption and flat memory', async () => {
    const result = await soak(20_000, 50);
    expect(result.total).toBe(20_000);
    expect(result.errors).toBe(0);
    expect(result.wrongStatus).toBe(0);
    expect(result.statusCounts).toEqual({ 200: 5_000, 202: 10_000, 400: 5_000 });
    expect(result.leadsAfter).toBe(result.leadsBefore);
    // The second half of the load must not grow the heap left after the first half (measured after a full GC).
    expect(result.heapEnd).toBeLessThan(result.heapHalf * 1.5 + 8 * 1024 * 1024);
  });
});
