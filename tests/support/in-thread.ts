// Runs a few lines in a fresh worker thread with one of our modules loaded (through tsx), for code that changes a
// thread's globals (timers, node:vm) and so must never run in the test process itself.

import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ROOT } from './docs.ts';

/**
 * Loads `src/<modulePath>` as `mod` in a new worker, runs `body` (module code with `mod` and `parentPort` in scope,
 * which posts one result), and resolves with what it posted.
 */
export function inThread(modulePath: string, body: string): Promise<unknown> {
  const module = JSON.stringify(`file://${join(ROOT, 'src', modulePath)}`);
  const code = `import('tsx/esm/api').then((tsx) => tsx.register()).then(() => import(${module})).then(async (mod) => {
    const { parentPort } = await import('node:worker_threads');
    ${body}
  });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', (value: unknown) => {
      resolve(value);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
