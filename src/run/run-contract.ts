// The vitest Node API call: runs the contract project over the selected harness files and returns the run's summary.

import { join, relative } from 'node:path';
import { listDrift, type Selection } from '../catalog/index.ts';
import { RunCrashedError } from '../errors.ts';
import { harnessPath } from '../generate/index.ts';
import { CONTRACT_PROJECT, mockTarget, type Target } from '../harness/index.ts';
import { selectionKeys, SummaryReporter, type RunSummary } from '../report/index.ts';
import type { Verdict, VerdictPolicy } from '../verdict/index.ts';
import type { LiveEvent, LiveRunInput } from './live-fixtures.ts';
import type { PendingVerdictThread, VerdictThread } from './verdict-thread.ts';
import type { TestSpecification, Vitest } from 'vitest/node';

/** Everything a contract run needs, already parsed and validated by the CLI. */
export interface ContractRunRequest {
  readonly root: string;
  readonly selections: readonly Selection[];
  /** Absent: the contract project's globalSetup starts the embedded mock. */
  readonly target?: Target;
  readonly runId: string;
  readonly outDir: string;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly bail: boolean;
  /** vitest's retry: failing cases are sent again up to this many times. */
  readonly retries: number;
  readonly baseline?: { readonly source: string; readonly verdicts: readonly Verdict[] };
  /** The collections' commit (with "+dirty" when changed since), as git is still being asked. */
  readonly collectionsCommit?: Promise<string | undefined>;
  /** --record: cassettes go here. */
  readonly recordDir?: string;
  /** vitest shard "k/n"; a blob report is written beside the others for `merge`. */
  readonly shard?: string;
  readonly sandboxTests: boolean;
  /** --strict and --clock-skew; the defaults when absent. */
  readonly policy?: VerdictPolicy;
  /** Send every selected case at once rather than as each harness file asks (off for --shard and --bail). */
  readonly prefetch: boolean;
  /** --modules: the modules the selections' module-generic cases run on (the harness files declare the same variants). */
  readonly modules?: readonly string[];
  /** Names of the selected tests, when a --case filter narrowed them. */
  readonly testNames?: readonly string[];
  /** Aborted on SIGINT/SIGTERM: new cases stop, in-flight ones finish (bounded by their timeout), the partial report is written. */
  readonly signal?: AbortSignal;
  /** vitest reporter for the terminal: 'default' on a TTY, 'dot' or 'default' in CI. */
  readonly terminalReporter: 'default' | 'dot' | 'verbose';
  /** The verdict thread, started by the caller ahead of the run (it has been loading newman meanwhile). */
  readonly thread: PendingVerdictThread;
  /** Told how many requests the cases sent (resends and throttle retries included), once they are all sent. */
  readonly onCaseCalls?: (calls: number) => void;
  /**
   * A live run: the verdict thread reads the org and makes the fixtures (vitest starts meanwhile), sends the cases with
   * them, and deletes them before it closes; `target` above names the run until then.
   */
  readonly live?: { readonly input: LiveRunInput; readonly onEvent: (event: LiveEvent) => void };
}

/** Runs the suite; throws ContractSuiteError when vitest could not run it at all. */
export async function runContract(request: ContractRunRequest): Promise<RunSummary> {
  const [shardIndex, shardCount] = (request.shard ?? '').split('/').map(Number);
  // No target: the embedded mock, on this thread (idle while vitest's worker runs), off the verdict thread's loop.
  const mock = request.target ? undefined : await (await import('../mock/index.ts')).startMock();
  const target = request.target ?? mockTarget(mock as NonNullable<typeof mock>);
  // Harness files run one after another in this order, and the service sends their cases in it: each file's verdicts
  // are ready about when vitest reaches it, so its tests run while later cases are still being sent.
  const selections = [...request.selections].sort((a, b) =>
    compare(harnessPath(a.endpoint, a.version), harnessPath(b.endpoint, b.version)),
  );
  const files = selections.map((s) => join(request.root, harnessPath(s.endpoint, s.version)));
  // The verdict service starts first, on its own thread, and begins sending while vitest loads on this one; vitest
  // does not wait for it, as its address is needed only once vitest is up.
  const thread = request.thread;
  const prefetch = request.prefetch
    ? selections.map((s) => ({
        product: s.endpoint.product,
        endpoint: s.endpoint.id,
        version: s.version,
        caseIds: s.cases.map((c) => c.id),
      }))
    : [];
  const options = {
    root: request.root,
    target,
    concurrency: request.concurrency,
    timeoutMs: request.timeoutMs,
    sandboxTests: request.sandboxTests,
    ...(request.policy ? { policy: request.policy } : {}),
    ...(request.recordDir ? { recordDir: request.recordDir } : {}),
    prefetch,
  };
  const served: Promise<VerdictThread & { fixtures?: Promise<void> }> = request.live
    ? thread.serveLive(options, request.live.input, request.live.onEvent)
    : thread.serve(options);
  served.catch(() => undefined); // awaited below, where whatever started is closed
  // Closed once, whoever asks first: the reporter before the reports (see below), or the end of the run.
  let closing: Promise<void> | undefined;
  const closeThread = (running: VerdictThread): Promise<void> => (closing ??= running.close());
  let beforeReports = (): Promise<void> => Promise.resolve();
  // Made once the verdict thread has what it needs: a live run's first calls go out from there meanwhile.
  const collectionsCommit = await request.collectionsCommit;
  const summaryReporter = new SummaryReporter({
    runId: request.runId,
    outDir: request.outDir,
    target: request.target ? { kind: request.target.kind, name: request.target.name } : { kind: 'mock', name: 'mock' },
    secrets: request.target?.secrets ?? [],
    endpoints: [...new Set(request.selections.map((s) => s.endpoint))],
    driftPoints: listDrift([...new Set(request.selections.map((s) => s.endpoint))]),
    ...(request.baseline ? { baseline: request.baseline } : {}),
    ...(collectionsCommit ? { collectionsCommit } : {}),
    // Every selected case is accounted for: one that ends with no verdict is reported not checked, never dropped.
    expected: request.selections.map((selection) => ({
      file: harnessPath(selection.endpoint, selection.version),
      selection,
    })),
    selection: selectionKeys(request.selections),
    ...(shardIndex && shardCount ? { shard: { index: shardIndex, count: shardCount } } : {}),
    bail: request.bail,
    beforeReports: () => beforeReports(),
    ...(request.modules ? { modules: request.modules } : {}),
  });
  let started: { vitest?: Vitest; thread?: VerdictThread } = {};
  try {
    const { createVitest, BaseSequencer } = await import('vitest/node');
    class InFileOrder extends BaseSequencer {
      override async sort(specifications: TestSpecification[]): Promise<TestSpecification[]> {
        return [...specifications].sort((a, b) => files.indexOf(a.moduleId) - files.indexOf(b.moduleId));
      }
    }
    const before = signalListeners();
    const vitest = await createVitest('test', {
      root: request.root,
      config: false,
      ...CONTRACT_PROJECT,
      include: [...CONTRACT_PROJECT.include],
      // The global setup only provides what a bare `vitest --project contract` has to start itself; this run provides it below.
      globalSetup: [],
      setupFiles: [...CONTRACT_PROJECT.setupFiles],
      watch: false,
      sequence: { sequencer: InFileOrder },
      // vite's transforms of the harness files and the catalog, kept on disk between runs (keyed by content).
      experimental: { fsModuleCache: true },
      bail: request.bail ? 1 : 0,
      retry: request.retries,
      ...(request.shard ? { shard: request.shard } : {}),
      ...(request.testNames ? { testNamePattern: namePattern(request.testNames) } : {}),
      reporters: [
        request.terminalReporter,
        summaryReporter,
        ...(request.shard
          ? [['blob', { outputFile: join(request.outDir, 'blob.json') }] as ['blob', { outputFile: string }]]
          : []),
      ],
    });
    started = { vitest };
    // vitest's logger exits the process 1 ms after SIGINT/SIGTERM; a contract run cancels gracefully instead and keeps its report.
    if (request.signal) dropNewSignalListeners(before);
    const running = await served;
    started = { vitest, thread: running };
    // Once the tests are over nothing asks the verdict thread for verdicts: it is closed before the reports are built,
    // which hold every verdict, rather than after (at 10,000 cases its heap is about 150 MB). A live run closes it at
    // the end as before: closing deletes the fixtures, and its calls are counted after the tests.
    if (!request.live && !request.onCaseCalls) beforeReports = () => closeThread(running);
    vitest.provide('target', target);
    vitest.provide('verdictService', running.url);
    if (request.modules) vitest.provide('modules', request.modules);
    const cancel = (): void => {
      running.stop();
      void vitest.cancelCurrentRun('keyboard-input');
    };
    request.signal?.addEventListener('abort', cancel, { once: true });
    if (request.signal?.aborted) cancel();
    // A live run's fixtures are still being made as vitest starts: one that could not be made (the org stopped
    // answering) is the run's error, and its cases are not waited for.
    let fixtureError: unknown;
    running.fixtures?.catch((error: unknown) => {
      fixtureError = error;
      cancel();
    });
    await vitest.start(files.map((file) => relative(request.root, file)));
    request.signal?.removeEventListener('abort', cancel);
    if (fixtureError) throw fixtureError;
    // A harness file that failed outside its tests (a hook, an import) is a crash, never a contract failure.
    const crashes = [
      ...vitest.state.getUnhandledErrors(),
      ...vitest.state.getFiles().flatMap((file) => suiteErrors(file)),
    ];
    if (request.onCaseCalls) request.onCaseCalls(await sentRequests(running.url));
    const threadFailure = running.failure();
    if (threadFailure)
      throw new RunCrashedError(
        `the verdict thread failed mid-run (report written to ${request.outDir})`,
        threadFailure,
      );
    const summary = summaryReporter.summary;
    if (!summary) throw new RunCrashedError('the contract run ended without a summary', firstMessage(crashes));
    // A harness file that crashed left its cases not checked, and the summary names them (exit 3 unless --allow-partial);
    // a crash that cost no verdict is still a crash.
    const lost = summary.verdicts.some((v) => v.notChecked?.cause === 'no-verdict');
    if (crashes.length > 0 && !lost)
      throw new RunCrashedError(
        `the contract run crashed (report written to ${request.outDir})`,
        firstMessage(crashes),
      );
    return summary;
  } finally {
    // Nothing is sent any more (vitest's run is over, or never began): what started closes, side by side.
    const { vitest, thread: running } = started;
    await Promise.all([
      vitest?.close(),
      running
        ? closeThread(running)
        : served.then(
            (t) => t.close(),
            () => undefined,
          ),
      mock?.close(),
    ]);
  }
}

/** The requests the verdict service sent over the run (its GET /stats). */
async function sentRequests(serviceUrl: string): Promise<number> {
  const answer = await fetch(`${serviceUrl}/stats`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
  const stats: unknown = await answer?.json().catch(() => undefined);
  const sent = typeof stats === 'object' && stats !== null ? (stats as { sent?: unknown }).sent : undefined;
  return typeof sent === 'number' ? sent : 0;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An anchored alternation of exact test names, for vitest's testNamePattern. */
function namePattern(names: readonly string[]): RegExp {
  return new RegExp(`^(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
}

function firstMessage(errors: readonly unknown[]): string {
  const first = errors[0];
  const text =
    first instanceof Error
      ? first.message
      : first === undefined
        ? ''
        : typeof first === 'object' && first !== null && 'message' in first
          ? String(first.message)
          : String(first);
  return text.split('\n')[0] ?? '';
}

/** Errors attached to a file or suite (hooks, imports), not to a test. */
function suiteErrors(task: {
  result?: { errors?: readonly unknown[] };
  tasks?: readonly unknown[];
  type?: string;
}): unknown[] {
  const own = task.type === 'test' ? [] : [...(task.result?.errors ?? [])];
  const children = (task.tasks ?? []) as ReadonlyArray<typeof task>;
  return [...own, ...children.flatMap((child) => suiteErrors(child))];
}

type SignalListener = (...args: unknown[]) => void;

function signalListeners(): Map<NodeJS.Signals, SignalListener[]> {
  return new Map(
    (['SIGINT', 'SIGTERM'] as const).map((signal) => [signal, process.listeners(signal) as SignalListener[]]),
  );
}

function dropNewSignalListeners(before: Map<NodeJS.Signals, SignalListener[]>): void {
  for (const [signal, kept] of before) {
    for (const listener of process.listeners(signal) as SignalListener[])
      if (!kept.includes(listener)) process.off(signal, listener);
  }
}
