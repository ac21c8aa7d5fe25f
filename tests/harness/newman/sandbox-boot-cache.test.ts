// In a newman thread, a large script run with vm.runInContext (the sandbox's boot code) is compiled once, from V8's
// code cache on disk after the first process, and still runs in each new context with its options. Run in worker
// threads: the substitution changes the thread's node:vm.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inThread } from '../../support/in-thread.ts';

const dir = mkdtempSync(join(tmpdir(), 'boot-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Boots two contexts with a 1.2 MB script that reads a context global, runs a small script, and reports. */
const boot = `
  const vm = await import('node:vm');
  const state = mod.cacheSandboxBootCode(${JSON.stringify(dir)});
  const big = 'var total = seed;' + 'total += 1;'.repeat(110_000) + 'total;';
  const results = [vm.runInContext(big, vm.createContext({ seed: 1 })), vm.runInContext(big, vm.createContext({ seed: 1000 }), { timeout: 5_000 })];
  const small = vm.runInContext('seed * 2', vm.createContext({ seed: 21 }));
  let timedOut = '';
  try { vm.runInContext('while (true) {}' + ' '.repeat(1_000_000), vm.createContext({}), { timeout: 50 }); } catch (error) { timedOut = error.code; }
  setImmediate(() => parentPort.postMessage({ results, small, timedOut, fromCache: state.fromCache, fromSource: state.fromSource }));
`;

describe('the sandbox boot code cache', () => {
  it('compiles a large script once per thread and runs it in each context, with its globals and its timeout', async () => {
    expect(await inThread('harness/newman/sandbox-boot-cache.ts', boot)).toEqual({
      results: [110_001, 111_000],
      small: 42,
      timedOut: 'ERR_SCRIPT_EXECUTION_TIMEOUT',
      fromCache: 0,
      fromSource: 2,
    });
    expect(readdirSync(dir).filter((name) => name.startsWith('sandbox-') && name.endsWith('.cache'))).toHaveLength(2);
  });

  it('compiles from the cache the first thread wrote, with the same results', async () => {
    expect(await inThread('harness/newman/sandbox-boot-cache.ts', boot)).toEqual({
      results: [110_001, 111_000],
      small: 42,
      timedOut: 'ERR_SCRIPT_EXECUTION_TIMEOUT',
      fromCache: 2,
      fromSource: 0,
    });
  });
});
