// The verdict service on a thread of its own: it loads newman and sends requests on the second core while the main
// thread starts vitest.

import { Worker, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import {
  HARNESS_HEAP_MB,
  preloadVerdictInputs,
  prepareNewmanThread,
  startVerdictService,
  type VerdictServiceOptions,
} from '../harness/index.ts';

/** The service's options, sent to the thread (plain data). */
export type VerdictThreadOptions = VerdictServiceOptions;

export interface VerdictThread {
  readonly url: string;
  /** Why the thread died mid-run (out of memory, a crash), if it did: the run is then a crash, not contract failures. */
  failure(): string | undefined;
  /** Interrupted: nothing more is sent. */
  stop(): void;
  close(): Promise<void>;
}

type Message = { type: 'ready'; url: string } | { type: 'failed'; message: string } | { type: 'prefetched' };

/** A thread started ahead of its run: it loads newman while the CLI parses, resolves the target and loads vitest. */
export interface PendingVerdictThread {
  /** Reads the collections and schemas these cases need before `serve` (while a live run creates its fixtures). */
  preload(prefetch: VerdictThreadOptions['prefetch']): void;
  /** Starts the service with these options (once) and begins their prefetch; `onPrefetched` is told when every prefetched case is answered. */
  serve(options: VerdictThreadOptions, onPrefetched?: () => void): Promise<VerdictThread>;
}

/**
 * Starts the thread from `entry` (the CLI's own entry file, which off the main thread hands over to `serveInThread`)
 * and has it load newman at once. Until `serve`, it does not keep the process alive: a run that stops early on a bad
 * flag exits as it would without it.
 */
export function prestartVerdictThread(root: string, entry: URL = threadEntry()): PendingVerdictThread {
  const settings = { workerData: { root }, resourceLimits: { maxOldGenerationSizeMb: HARNESS_HEAP_MB } };
  // Run from source (`node --import tsx`), a worker thread does not inherit the TypeScript loader: it registers it first.
  const worker = entry.pathname.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => tsx.register()).then(() => import(${JSON.stringify(entry.href)}))`,
        { ...settings, eval: true },
      )
    : new Worker(entry, settings);
  worker.unref();
  let early: Error | undefined;
  let served = false;
  worker.once('error', (error: Error) => (early = error));
  return {
    preload: (prefetch) => worker.postMessage({ type: 'preload', prefetch }),
    serve: (options, onPrefetched) =>
      new Promise((resolve, reject) => {
        if (early) return reject(early);
        if (served) return reject(new Error('the verdict thread serves one run'));
        served = true;
        worker.ref();
        worker.once('error', reject);
        worker.once('message', (message: Message) => {
          if (message.type === 'failed') return reject(new Error(message.message));
          if (message.type !== 'ready')
            return reject(new Error(`the verdict thread sent ${message.type} before it was ready`));
          let failure: string | undefined;
          worker.on('error', (error: Error) => (failure = error.message));
          worker.on('message', (later: Message) => void (later.type === 'prefetched' && onPrefetched?.()));
          // A thread that died mid-run has emitted its one 'exit' already: closing it must not wait for another.
          const exited = new Promise<void>((done) => worker.once('exit', () => done()));
          resolve({
            url: message.url,
            failure: () => failure,
            stop: () => worker.postMessage('stop'),
            close: () => {
              worker.postMessage('close');
              return exited;
            },
          });
        });
        worker.postMessage({ type: 'serve', options });
      }),
  };
}

/** The CLI's entry file, which runs the thread's role: this bundle when bundled, else main.ts beside this file. */
function threadEntry(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./main.ts', import.meta.url) : new URL(import.meta.url);
}

/** The thread's side: prepare for newman at once, then on `serve` start the service (which begins the prefetch) and report the URL. */
export function serveInThread(): void {
  const port = parentPort;
  if (!port) return;
  const { root } = workerData as { root: string };
  // Loads newman after this turn, once the listener below is set (a `serve` sent meanwhile waits in the port).
  prepareNewmanThread(root);
  const onMessage = (
    message:
      | { type: 'preload'; prefetch: VerdictThreadOptions['prefetch'] }
      | { type: 'serve'; options: VerdictThreadOptions },
  ): void => {
    if (message.type === 'preload') {
      // Only a head start: whatever fails here is read again, and reported, by the service.
      try {
        preloadVerdictInputs(root, message.prefetch ?? []);
      } catch {
        // the service reports it
      }
      return;
    }
    port.off('message', onMessage);
    void serve(port, message.options);
  };
  port.on('message', onMessage);
}

async function serve(port: MessagePort, options: VerdictThreadOptions): Promise<void> {
  try {
    const service = await startVerdictService(options);
    port.on('message', (message: unknown) => {
      if (message === 'stop') service.stop();
      if (message === 'close') void service.close().finally(() => port.close());
    });
    port.postMessage({ type: 'ready', url: service.url } satisfies Message);
    void service.prefetched.then(() => port.postMessage({ type: 'prefetched' } satisfies Message));
  } catch (error) {
    port.postMessage({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies Message);
  }
}
