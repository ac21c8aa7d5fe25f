// The verdict thread as a run drives it: a thread that dies mid-run is reported as a failure, and closing it still
// returns (its one 'exit' came before the close). Threads here run a stand-in entry, so the crash is real, not mocked.

import { describe, expect, it } from 'vitest';
import { prestartVerdictThread } from '../../src/run/index.ts';
import { ROOT } from '../support/docs.ts';

/** What the real entry answers to `serve` once its service listens. */
const READY = "parentPort.postMessage({ type: 'ready', url: 'http://127.0.0.1:9' });";

/** A worker entry that runs `onServe` when told to serve, and closes when told to. */
function entry(onServe: string): URL {
  const source = `
    import { parentPort } from 'node:worker_threads';
    parentPort.once('message', () => { ${onServe} });
    parentPort.on('message', (message) => { if (message === 'close') parentPort.close(); });
  `;
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}

const options = {
  root: ROOT,
  target: { kind: 'mock', name: 'mock', apiDomain: 'http://127.0.0.1:9', variables: {}, secrets: [] },
  concurrency: 1,
  timeoutMs: 1_000,
  sandboxTests: false,
  prefetch: [],
} as unknown as Parameters<ReturnType<typeof prestartVerdictThread>['serve']>[0];

describe('the verdict thread', () => {
  it('reports a thread that dies mid-run, and closing it returns', async () => {
    const thread = await prestartVerdictThread(
      ROOT,
      entry(`${READY} setTimeout(() => { throw new Error('out of memory, say'); }, 20);`),
    ).serve(options);
    await expect.poll(() => thread.failure(), { timeout: 5_000 }).toBe('out of memory, say');
    await thread.close();
  });

  it('closes a thread that is still running, and it reports no failure', async () => {
    const thread = await prestartVerdictThread(ROOT, entry(READY)).serve(options);
    expect(thread.url).toBe('http://127.0.0.1:9');
    await thread.close();
    expect(thread.failure()).toBeUndefined();
  });

  it('rejects the run when the thread fails to start its service', async () => {
    const failing = entry("parentPort.postMessage({ type: 'failed', message: 'no port free' });");
    await expect(prestartVerdictThread(ROOT, failing).serve(options)).rejects.toThrow('no port free');
  });
});
