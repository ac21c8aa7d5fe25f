// `contract [run]`: parse the run flags, select cases, name the target, call the run (src/run), map the outcome to an exit code.

import { join } from 'node:path';
import { catalog, isModuleGeneric, selectCases, withModules, type Selection } from '../catalog/index.ts';
import { ConfigError, ExitCode, NothingSelectedError, UsageError, type ExitCodeValue } from '../errors.ts';
import { DEFAULT_CLOCK_SKEW_MS } from '../validate/index.ts';
import type { Target } from '../harness/index.ts';
import { existsSync } from 'node:fs';
import { assertWritable, publishLatest, readBaseline, renderTerminal, type RunSummary } from '../report/index.ts';
import { commandTable, runOptionTable } from './option-table.ts';
import { parseModules, parseOptions, parsePositiveInteger, renderHelp, type ParsedOptions } from './parse-args.ts';
import {
  collectionsCommit,
  prestartVerdictThread,
  runContract,
  startTarget,
  withLiveFixtures,
  type PendingVerdictThread,
  type TargetRequest,
} from '../run/index.ts';
import { decideExit } from './exit-code.ts';
import { threadEntry } from './thread-entry.ts';

/** What the run command needs from its surroundings (the only place that reads them is main.ts). */
export interface CliEnvironment {
  readonly root: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTty: boolean;
  readonly isCi: boolean;
  readonly now: Date;
  readonly print: (line: string) => void;
  /** Aborted when the user interrupts the run (SIGINT/SIGTERM). */
  readonly signal?: AbortSignal;
  /** The verdict thread, started before the run's flags were read. */
  readonly thread?: PendingVerdictThread;
}

/** Runs the suite and returns its exit code (`ExitCode` in src/errors.ts). */
export async function commandRun(args: readonly string[], cli: CliEnvironment): Promise<ExitCodeValue> {
  const options = parseOptions(runOptionTable, args, 'run');
  if (options.help) {
    cli.print(
      renderHelp('Usage: npm run contract -- [command] [options]', runOptionTable, [
        '',
        'Commands:',
        ...Object.entries(commandTable).map(([name, help]) => `  ${name.padEnd(13)}${help}`),
      ]),
    );
    return ExitCode.passed;
  }
  const modules = options.modules === undefined ? undefined : parseModules(options.modules);
  const selections = modules ? withModules(select(options), modules) : select(options);
  if (modules && !selections.some((s) => s.cases.some((c) => isModuleGeneric(s.endpoint, c))))
    throw new UsageError(
      '--modules changes nothing in this selection: none of its cases is module-generic',
      "select CRM records cases (Insert, Upsert, Update, Get, Delete Records, a lock's update), or leave --modules out",
    );
  if (options.list) {
    for (const s of selections)
      for (const c of s.cases)
        cli.print(`${s.endpoint.product} › ${s.endpoint.id} › ${s.version} › ${c.name}  [${c.id}]`);
    return ExitCode.passed;
  }
  const failOn = options['fail-on'] ?? 'any';
  if (failOn !== 'any' && failOn !== 'new')
    throw new UsageError(`--fail-on "${failOn}" is not any or new`, 'use --fail-on any (default) or --fail-on new');
  const baseline = await loadBaseline(options['baseline'], cli.root);
  if (failOn === 'new' && !baseline)
    throw new UsageError(
      '--fail-on new needs a baseline',
      'give --baseline <summary.json> or keep one at reports/baseline/summary.json',
    );
  if (baseline) assertSameCatalog(baseline);
  // Read from git while the target is resolved (the report names the collections' commit).
  const commit = collectionsCommit(cli.root);
  const runId = cli.now
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z');
  const outDir = options.out ?? join(cli.root, 'reports', runId);
  // Checked once, before any request: a live target refreshes a token and a url target is probed while it is resolved,
  // so a report folder that cannot be made must stop the run before those (yet after the flags and .env are checked).
  let writable: Promise<void> | undefined;
  const beforeRequests = (): Promise<void> => (writable ??= assertWritable(outDir));
  // Parsed before any target is resolved: a bad value is one line, before a token is refreshed or a request sent.
  const policy = { strict: options.strict ?? false, clockSkewMs: parseClockSkew(options['clock-skew']) };
  // Before the target starts too, as the url target's probe waits this long at most.
  const timeoutMs = parsePositiveInteger(options.timeout, 'timeout', 30_000);
  const maxCredits =
    options['max-credits'] === undefined ? undefined : parsePositiveInteger(options['max-credits'], 'max-credits', 500);
  const request = targetRequest(options, cli.env, cli.print, timeoutMs);
  if (maxCredits !== undefined && request.kind !== 'live')
    throw new UsageError(
      `--max-credits is for live runs: a ${request.kind} target spends no Zoho credits`,
      'add --target live, or leave --max-credits out',
    );
  if (modules && request.kind !== 'live')
    throw new UsageError(
      `--modules is for live runs: a ${request.kind} target has no org whose modules the cases could run on`,
      'add --target live (a rehearsal against `npm run mock -- --org <profile>` included), or leave --modules out',
    );
  if (request.kind === 'live') cli.thread?.expectLive();
  const started = await startTarget(request, beforeRequests);
  const target = started.target;
  await beforeRequests();
  const flagConcurrency =
    options.concurrency === undefined ? undefined : parsePositiveInteger(options.concurrency, 'concurrency', 2);
  const run = (
    runTarget: Target | undefined,
    live?: Parameters<Parameters<typeof withLiveFixtures>[1]>[0],
    onCaseCalls?: (calls: number) => void,
  ) =>
    runContract({
      root: cli.root,
      selections,
      ...(runTarget ? { target: runTarget } : {}),
      runId,
      outDir,
      // newman runs in flight over all collections, each sending one request at a time. The embedded mock answers in
      // microseconds: two runs keep both cores busy (one, three and four measured the same). Remote targets get 4, to
      // overlap network latency; a live org, its edition's concurrency limit (live-fixtures.ts).
      concurrency: flagConcurrency ?? (target ? 4 : 2),
      ...(live ? { live } : {}),
      ...(onCaseCalls ? { onCaseCalls } : {}),
      timeoutMs,
      bail: options.bail ?? false,
      retries: options.retries === undefined ? 0 : parsePositiveInteger(options.retries, 'retries', 1),
      ...(baseline ? { baseline } : {}),
      collectionsCommit: commit,
      ...(options.shard ? { shard: parseShard(options.shard) } : {}),
      ...(options.record ? { recordDir: join(outDir, 'cassettes') } : {}),
      sandboxTests: options['sandbox-tests'] ?? false,
      policy,
      prefetch: !options.shard && !options.bail,
      ...(options.case ? { testNames: testNames(selections) } : {}),
      ...(modules ? { modules } : {}),
      terminalReporter: cli.isCi || !cli.isTty ? 'dot' : 'default',
      ...(cli.signal ? { signal: cli.signal } : {}),
      thread: cli.thread ?? prestartVerdictThread(cli.root, threadEntry()),
    });
  let summary: RunSummary;
  try {
    summary =
      target?.kind === 'live'
        ? await withLiveFixtures(
            {
              target,
              runId,
              outDir,
              selections,
              env: cli.env,
              print: cli.print,
              ...(flagConcurrency ? { concurrency: flagConcurrency } : {}),
              ...(options.shard ? { shards: Number(parseShard(options.shard).split('/')[1]) } : {}),
              ...(maxCredits !== undefined ? { maxCredits } : {}),
              ...(modules ? { modules } : {}),
              ...(baseline?.org ? { baselineOrg: baseline.org } : {}),
              // Only when nothing is sent after the prefetch: a vitest retry (--retries) sends a case again later.
              prefetchOnly: !options.shard && !options.bail && options.retries === undefined,
            },
            (live, onCaseCalls) => run(target, live, onCaseCalls),
          )
        : await run(target);
  } finally {
    await started.close();
  }
  if (!options.out) await publishLatest(outDir, join(cli.root, 'reports', 'latest'));
  for (const line of renderTerminal(summary, outDir)) cli.print(line);
  const decision = decideExit(summary, { failOn, allowPartial: options['allow-partial'] ?? false });
  // An interrupted run exits 130/143 (main.ts); its unsent cases are in the report.
  if (decision.error && !cli.signal?.aborted) throw decision.error;
  return decision.code;
}

/** --clock-skew in seconds (0 allowed: the write must fall inside the request) -> milliseconds. */
function parseClockSkew(value: string | undefined): number {
  if (value === undefined) return DEFAULT_CLOCK_SKEW_MS;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value) * 1000))
    throw new UsageError(`--clock-skew "${value}" is not a whole number of seconds`, 'give e.g. --clock-skew 300');
  return Number(value) * 1000;
}

/** "k/n" with 1 <= k <= n, as vitest's --shard takes it. */
export function parseShard(value: string): string {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const k = Number(match?.[1]);
  const n = Number(match?.[2]);
  if (!match || k < 1 || n < 1 || k > n)
    throw new UsageError(`--shard "${value}" is not k/n with 1 <= k <= n`, 'e.g. --shard 1/3');
  return `${k}/${n}`;
}

/** A baseline from a catalog whose contracts changed in a breaking way (major version) cannot be compared case by case. */
function assertSameCatalog(baseline: { source: string; contractVersions: Readonly<Record<string, string>> }): void {
  for (const endpoint of catalog) {
    const then = baseline.contractVersions[`${endpoint.product}/${endpoint.id}`];
    if (then !== undefined && then.split('.')[0] !== endpoint.contractVersion.split('.')[0]) {
      throw new ConfigError(
        `baseline ${baseline.source} is from another catalog version: ${endpoint.product}/${endpoint.id} was ${then}, is ${endpoint.contractVersion}`,
        'take a baseline from a run of this catalog, or drop --baseline for one run',
      );
    }
  }
}

/** --baseline, or reports/baseline/summary.json when it exists. */
async function loadBaseline(
  path: string | undefined,
  root: string,
): Promise<Awaited<ReturnType<typeof readBaseline>> | undefined> {
  if (path) return readBaseline(path);
  const fallback = join(root, 'reports', 'baseline', 'summary.json');
  return existsSync(fallback) ? readBaseline(fallback) : undefined;
}

function select(options: ParsedOptions<typeof runOptionTable>): Selection[] {
  const selections = selectCases(catalog, {
    ...(options.product ? { product: options.product } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options['api-version'] ? { version: options['api-version'] } : {}),
    ...(options.case ? { text: options.case } : {}),
  });
  if (selections.length === 0) {
    const given = (['product', 'endpoint', 'api-version', 'case'] as const)
      .filter((k) => options[k])
      .map((k) => `--${k} ${options[k]}`);
    throw new NothingSelectedError(`no case matches ${given.join(' ')}`);
  }
  return selections;
}

/** The target the flags name, checked here (a flag that does not fit is one line, before anything starts). */
function targetRequest(
  options: ParsedOptions<typeof runOptionTable>,
  env: CliEnvironment['env'],
  print: (line: string) => void,
  timeoutMs: number,
): TargetRequest {
  const kind = options.target ?? (options['base-url'] ? 'url' : 'mock');
  if (kind === 'mock') {
    if (options['base-url'])
      throw new UsageError('--base-url cannot be used with --target mock', 'drop --target mock, or drop --base-url');
    return { kind };
  }
  if (kind === 'replay') {
    if (!options.cassettes)
      throw new UsageError(
        '--target replay needs --cassettes <dir>',
        'give the cassettes/ folder of an earlier --record run',
      );
    return { kind, cassettes: options.cassettes };
  }
  if (kind === 'live') {
    if (options['base-url'])
      throw new UsageError(
        '--base-url cannot be used with --target live',
        'live mode reads its hosts from ZOHO_DATA_CENTRE (or ZOHO_API_DOMAIN)',
      );
    return { kind, env, allowProduction: options['allow-production'] ?? false, print };
  }
  if (kind !== 'url') throw new UsageError(`--target "${kind}" is not a target`, 'use --target mock, url or live');
  const baseUrl = options['base-url'];
  if (!baseUrl) throw new UsageError('--target url needs --base-url <url>', 'e.g. --base-url http://127.0.0.1:4010');
  return { kind, baseUrl, env, probeTimeoutMs: timeoutMs };
}

/** The exact test names of the selected cases, for vitest's name filter. */
function testNames(selections: readonly Selection[]): string[] {
  return selections.flatMap((s) =>
    s.cases.map((c) => `${s.endpoint.product} › ${s.endpoint.id} › ${s.version} › ${c.name}`),
  );
}
