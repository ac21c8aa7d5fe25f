// The verdict service on a thread of its own: it loads newman and sends requests on the second core while the main
// thread starts vitest.

import { Worker, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { ContractSuiteError, type ExitCodeValue } from '../errors.ts';
import { startLoopbackServer } from '../loopback-server.ts';
import {
  HARNESS_HEAP_MB,
  prepareNewmanThread,
  startVerdictService,
  type Target,
  type VerdictServiceOptions,
} from '../harness/index.ts';
import { serveLive, type LiveEvent, type LiveRunInput } from './live-fixtures.ts';

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

/** A "could not run" error as it crosses from the thread: rebuilt with its code, exit code and hint. */
type ThreadError = { message: string; suite?: { code: string; exitCode: ExitCodeValue; hint: string } };

type Message =
  | { type: 'ready'; url: string }
  | ({ type: 'failed' } & ThreadError)
  | { type: 'prefetched' }
  | { type: 'live'; event: LiveEvent }
  | { type: 'fixtures-made' }
  | { type: 'closed' }
  | ({ type: 'fixtures-failed' } & ThreadError);

/** A live run's thread, serving: its fixtures may still be being made. */
export interface LiveVerdictThread extends VerdictThread {
  /** Settles once the fixtures exist; rejects with the run's error when they could not be made for want of an answer. */
  readonly fixtures: Promise<void>;
}

/** A thread started ahead of its run: it loads newman while the CLI parses, resolves the target and loads vitest. */
export interface PendingVerdictThread {
  /** The run will be a live one (its `serveLive` comes once the token is refreshed): the thread gets ready for it. */
  expectLive(): void;
  /** Starts the service with these options (once) and begins their prefetch; `onPrefetched` is told when every prefetched case is answered. */
  serve(options: VerdictThreadOptions, onPrefetched?: () => void): Promise<VerdictThread>;
  /**
   * A live run (once, instead of `serve`): the thread reads the org, creates the fixtures and serves the cases with
   * them, telling `onEvent` as it goes; settles once every case is registered (see serveLive). Closing the thread
   * deletes the fixtures first.
   */
  serveLive(
    options: VerdictThreadOptions,
    live: LiveRunInput,
    onEvent: (event: LiveEvent) => void,
  ): Promise<LiveVerdictThread>;
}

/**
 * Starts the thread from `entry` (the caller's entry file, which off the main thread hands over to `serveInThread`:
 * the CLI passes its own, so this folder never names the CLI) and has it load newman at once. Until `serve`, it does not
 * keep the process alive: a run that stops early on a bad flag exits as it would without it.
 */
export function prestartVerdictThread(root: string, entry: URL): PendingVerdictThread {
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
  // A thread that died mid-run has emitted its one 'exit' already: closing it must not wait for another. One that
  // closes says so first: the run goes on then, rather than wait for the thread to tear down.
  let closedNow = (): void => undefined;
  const closed = new Promise<void>((done) => {
    closedNow = done;
    worker.once('exit', () => done());
  });
  const start = <T extends VerdictThread>(
    request: object,
    onMessage: (message: Message) => void,
    made: (ready: Extract<Message, { type: 'ready' }>, thread: VerdictThread) => T,
  ): Promise<T> =>
    new Promise((resolve, reject) => {
      if (early) return reject(early);
      if (served) return reject(new Error('the verdict thread serves one run'));
      served = true;
      worker.ref();
      let failure: string | undefined;
      let ready = false;
      worker.on('error', (error: Error) => (ready ? (failure = error.message) : reject(error)));
      worker.on('message', (message: Message) => {
        if (message.type === 'failed') return reject(threadError(message));
        if (message.type === 'closed') return closedNow();
        if (message.type !== 'ready') return onMessage(message);
        ready = true;
        const thread: VerdictThread = {
          url: message.url,
          failure: () => failure,
          stop: () => worker.postMessage('stop'),
          close: () => {
            worker.postMessage('close');
            return closed;
          },
        };
        resolve(made(message, thread));
      });
      worker.postMessage(request);
    });
  return {
    expectLive: () => worker.postMessage({ type: 'expect-live' }),
    serve: (options, onPrefetched) =>
      start(
        { type: 'serve', options },
        (message) => void (message.type === 'prefetched' && onPrefetched?.()),
        (_ready, thread) => thread,
      ),
    serveLive: (options, live, onEvent) => {
      let made = (): void => undefined;
      let failed = (_error: Error): void => undefined;
      const fixtures = new Promise<void>((resolve, reject) => ((made = resolve), (failed = reject)));
      fixtures.catch(() => undefined); // the run awaits it where it can act on it
      return start(
        { type: 'serve-live', options, live },
        (message) => {
          if (message.type === 'live') onEvent(message.event);
          else if (message.type === 'fixtures-made') made();
          else if (message.type === 'fixtures-failed') failed(threadError(message));
        },
        (_ready, thread) => ({ ...thread, fixtures }),
      );
    },
  };
}

function threadError(message: ThreadError): Error {
  const { suite } = message;
  return suite
    ? new ContractSuiteError(suite.code, suite.exitCode, message.message, suite.hint)
    : new Error(message.message);
}

function describeThreadError(error: unknown): ThreadError {
  if (error instanceof ContractSuiteError)
    return { message: error.message, suite: { code: error.code, exitCode: error.exitCode, hint: error.hint } };
  return { message: error instanceof Error ? error.message : String(error) };
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
      | { type: 'expect-live' }
      | { type: 'serve'; options: VerdictThreadOptions }
      | { type: 'serve-live'; options: VerdictThreadOptions; live: LiveRunInput },
  ): void => {
    // A live run's first calls come from this thread: fetch loads its modules and compiles its path (about 60 ms on the
    // first call) against a server of its own while the CLI still waits for the token, not when the org is to be read.
    if (message.type === 'expect-live') return void warmFetch();
    port.off('message', onMessage);
    void (message.type === 'serve-live'
      ? serveLiveRun(port, message.options, message.live)
      : serve(port, message.options));
  };
  port.on('message', onMessage);
}

async function warmFetch(): Promise<void> {
  const server = await startLoopbackServer((_req, res) => void res.writeHead(204).end());
  await fetch(server.url, { method: 'POST', body: '{}' })
    .then((answer) => answer.arrayBuffer())
    .catch(() => undefined);
  await server.close();
}

async function serveLiveRun(port: MessagePort, options: VerdictThreadOptions, live: LiveRunInput): Promise<void> {
  const post = (message: Message): void => port.postMessage(message);
  try {
    const run = await serveLive(options, live, (event) => post({ type: 'live', event }));
    port.on('message', (message: unknown) => {
      if (message === 'stop') run.service.stop();
      // The fixtures go before the thread does, whatever ended the run.
      if (message === 'close')
        void run
          .cleanUp()
          .then(() => run.service.close())
          .finally(() => {
            post({ type: 'closed' });
            port.close();
          });
    });
    post({ type: 'ready', url: run.service.url });
    run.fixtures.then(
      () => post({ type: 'fixtures-made' }),
      (error: unknown) => post({ type: 'fixtures-failed', ...describeThreadError(error) }),
    );
  } catch (error) {
    post({ type: 'failed', ...describeThreadError(error) });
    port.close();
  }
}

async function serve(port: MessagePort, options: VerdictThreadOptions): Promise<void> {
  try {
    const service = await startVerdictService(options);
    port.on('message', (message: unknown) => {
      if (message === 'stop') service.stop();
      if (message === 'close')
        void service.close().finally(() => {
          port.postMessage({ type: 'closed' } satisfies Message);
          port.close();
        });
    });
    port.postMessage({ type: 'ready', url: service.url } satisfies Message);
    void service.prefetched.then(() => port.postMessage({ type: 'prefetched' } satisfies Message));
  } catch (error) {
    port.postMessage({ type: 'failed', ...describeThreadError(error) } satisfies Message);
  }
}
