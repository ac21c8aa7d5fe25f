// Live shards of a CI matrix share one org: four shards against a Professional org (15 calls at once) each take their
// part of the limit, so together they never put more than 15 calls in flight; four unsharded runs do.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOrgProfile, startMock, type MockServer } from '../../src/mock/index.ts';
import type { RunSummary } from '../../src/report/index.ts';
import { ROOT } from '../support/docs.ts';
import { liveEnvironment } from '../support/mock-env.ts';
import { startOrgProxy, type OrgProxy } from '../support/org-proxy.ts';
import { runCli } from '../support/run-cli.ts';

const STRICT = join(ROOT, 'tests/fixtures/org-profiles/strict-org.json');

let mock: MockServer | undefined;
let proxy: OrgProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await mock?.close();
});

/** Four live runs side by side through the proxy, each with `args(k)`; their summaries and outputs. */
async function fourRuns(
  args: (k: number) => readonly string[],
): Promise<Array<{ output: string; summary: RunSummary }>> {
  const server = mock as MockServer;
  const { ZOHO_LOCKING_CUSTOM_MODULE: _module, ...env } = liveEnvironment(server, {
    ZOHO_API_DOMAIN: (proxy as OrgProxy).url,
  });
  return Promise.all(
    [1, 2, 3, 4].map(async (k) => {
      const out = await mkdtemp(join(tmpdir(), `zoho-live-shard-${k}-`));
      const result = await runCli(['--target', 'live', '--out', out, '--allow-partial', ...args(k)], env);
      const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8').catch(() => '{}')) as RunSummary;
      return { output: result.stdout + result.stderr, summary };
    }),
  );
}

describe('live shards against one Professional org', () => {
  it('never put more than the edition limit of 15 calls in flight together, each shard taking 3', async () => {
    // 100 ms a call, as over the network: enough calls overlap for the shards to use what they are given.
    mock = await startMock({ org: await readOrgProfile(STRICT), latencyMs: 100 });
    proxy = await startOrgProxy(mock.url);
    const runs = await fourRuns((k) => ['--shard', `${k}/4`]);
    for (const { output, summary } of runs) {
      expect(summary.apiUsage?.concurrency, output).toEqual({
        limit: 3,
        source: 'edition',
        edition: 'professional',
        shards: 4,
      });
      expect(output).toContain("at most 3 calls at once (this shard's part of the org's limit, shared by 4 shards)");
      expect(summary.totals.failed + summary.totals.errors, output).toBe(0);
    }
    expect(runs.reduce((sum, r) => sum + r.summary.totals.passed, 0)).toBeGreaterThan(100);
    expect(proxy.mostInFlight()).toBeLessThanOrEqual(15);
    expect(mock.provoked()['TOO_MANY_REQUESTS:concurrency'] ?? 0).toBe(0);
  });

  it('exceed it as four unsharded runs, each at the whole limit: the count above can fail', async () => {
    mock = await startMock({ org: await readOrgProfile(STRICT), latencyMs: 100 });
    proxy = await startOrgProxy(mock.url);
    await fourRuns(() => []);
    expect(proxy.mostInFlight()).toBeGreaterThan(15);
  });
});
