// An answer that says nothing of the case's contract is an error, never a failure and never green: a target that
// still throttles after every retry.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { startBreakingProxy } from '../support/breaking-proxy.ts';
import { mockEnvironment } from '../support/mock-env.ts';
import { runCli } from '../support/run-cli.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => mock.close());

const THROTTLED = JSON.stringify({
  code: 'TOO_MANY_REQUESTS',
  details: {},
  message: 'too many requests',
  status: 'error',
});

async function run(throttle: boolean): Promise<{ code: number | null; output: string; summary: RunSummary }> {
  const proxy = await startBreakingProxy(mock.url, (response) =>
    throttle ? { status: 429, body: THROTTLED } : response,
  );
  const out = await mkdtemp(join(tmpdir(), 'zoho-throttled-'));
  try {
    const args = ['--endpoint', 'update-records', '--api-version', 'v8', '--case', 'success-single'];
    const result = await runCli([...args, '--base-url', proxy.url, '--out', out], mockEnvironment(mock));
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;
    return { code: result.code, output: result.stdout + result.stderr, summary };
  } finally {
    await proxy.close();
  }
}

describe('a target that throttles every attempt', () => {
  it('makes the case an error after its retries (exit 3), saying what came back and what to do', async () => {
    const { code, output, summary } = await run(true);
    expect(code, output).toBe(3);
    const verdict = summary.verdicts.find((v) => v.caseId === 'success-single');
    expect([verdict?.outcome, verdict?.reason]).toEqual([
      'error',
      "throttled: the target still answered HTTP 429 (TOO_MANY_REQUESTS) after 3 retries; rerun when the org's other integrations are quieter, or lower --concurrency",
    ]);
    expect(verdict?.throttleRetries).toBe(3);
  });

  it('passes the same case through the same proxy when it does not throttle', async () => {
    const { code, output, summary } = await run(false);
    expect(code, output).toBe(0);
    expect(summary.verdicts.find((v) => v.caseId === 'success-single')?.outcome).toBe('pass');
  });
});
