// The CLI's reporter lets the run release what it no longer needs (the verdict thread) before it builds the reports.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SummaryReporter } from '../../src/report/index.ts';

describe('the summary reporter', () => {
  it('awaits beforeReports once the tests are over, and only then builds and writes the reports', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'zoho-reporter-'));
    const seen: string[] = [];
    const reporter = new SummaryReporter({
      runId: 'before-reports',
      outDir,
      target: { kind: 'mock', name: 'mock' },
      secrets: [],
      beforeReports: async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        seen.push(existsSync(join(outDir, 'summary.json')) ? 'written already' : 'not written yet');
      },
    });
    await reporter.onTestRunEnd([], undefined, 'passed');
    expect(seen).toEqual(['not written yet']);
    expect(existsSync(join(outDir, 'summary.json'))).toBe(true);
    expect(reporter.summary?.totals.cases).toBe(0);
    await rm(outDir, { recursive: true, force: true });
  });
});
