// In the thread that runs newman, setTimeout(fn, 0) runs as an immediate; timeouts with a delay and clearing still work.
// Run in a worker thread of its own, as the CLI does, so the substitution never touches this test process.

import { describe, expect, it } from 'vitest';
import { inThread as inWorker } from '../../support/in-thread.ts';

/** Runs `body` (module code that posts its result) in a fresh worker with the substitution installed. */
function inThread(body: string): Promise<unknown> {
  return inWorker('harness/newman/zero-delay-timers.ts', `mod.runZeroDelayTimersAsImmediates();\n${body}`);
}

describe('zero-delay timers in the newman thread', () => {
  it('run a zero-delay timeout before a 1 ms one queued earlier, and pass its arguments', async () => {
    const order = await inThread(`
      const seen = [];
      setTimeout(() => seen.push('1ms'), 1);
      setTimeout((a, b) => seen.push('zero:' + a + b), 0, 'x', 'y');
      setTimeout(() => seen.push('no delay'));
      setTimeout(() => parentPort.postMessage(seen), 20);
    `);
    expect(order).toEqual(['zero:xy', 'no delay', '1ms']);
  });

  it('still cancel with clearTimeout, zero-delay or not, and keep timeouts with a delay', async () => {
    const result = await inThread(`
      const seen = [];
      const cancelled = setTimeout(() => seen.push('cancelled'), 0);
      clearTimeout(cancelled);
      const delayed = setTimeout(() => seen.push('delayed and cleared'), 5);
      clearTimeout(delayed);
      setTimeout(() => seen.push('delayed'), 5);
      setTimeout(() => parentPort.postMessage(seen), 40);
    `);
    expect(result).toEqual(['delayed']);
  });
});
