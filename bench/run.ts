// npm run bench: A (our harness) vs B (plain newman CLI) vs C (fetch + ajv floor), D (the CLI's memory 1k vs 10k), E (mock vs bare
// server), F (a live rehearsal at a Professional org's limit vs its calls' critical path, bench/live-rehearsal.ts).
// Only runs that pass are timed: a measured run that fails voids the bench (one line, exit 1, no result written).

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { catalog } from '../src/catalog/index.ts';
import { collectionPath } from '../src/generate/index.ts';
import { HARNESS_HEAP_MB, urlTarget } from '../src/harness/index.ts';
import { ensureNewmanBundle } from '../src/harness/newman/newman-bundle.mjs';
import { measureLiveRehearsal, printLiveRehearsal } from './live-rehearsal.ts';
import { BenchVoid, outputOf, spread, timeProcess, type Spread } from './measure.ts';
import { prepareSyntheticCli } from './synthetic-cli.ts';

const ROOT = join(import.meta.dirname, '..');
const REPEATS = Number(process.env['BENCH_REPEATS'] ?? 3);
const LOAD_SECONDS = Number(process.env['BENCH_LOAD_SECONDS'] ?? 3);
const SIZES = (process.env['BENCH_SIZES'] ?? '1000,10000').split(',').map(Number);
const WARM_UP = process.env['BENCH_WARMUP'] !== '0';
/** Extra flags for A's `npm run contract`, e.g. `--sandbox-tests` to time that path (whitespace-separated). */
const CONTRACT_ARGS = (process.env['BENCH_CONTRACT_ARGS'] ?? '').split(/\s+/).filter(Boolean);
/** F's latency per call, in milliseconds (300, as over the network; a test lowers it). */
const LIVE_LATENCY_MS = Number(process.env['BENCH_LIVE_LATENCY'] ?? 300);
/** Where the JSON result goes (a test points it at a temporary folder). */
const OUT_DIR = process.env['BENCH_OUT'] ?? join(ROOT, 'reports', 'bench');
/** `BENCH_ONLY=F`: only the live rehearsal (it needs none of A to E's set-up); `D`: only D (its sizes and the ratio, nothing written). */
const ONLY = process.env['BENCH_ONLY']?.trim().toUpperCase();
const node = process.execPath;
const tsx = ['--import', 'tsx'];
// The CLI as `npm run contract` starts it: the launcher and its pre-built bundle.
const cli = [join(ROOT, 'bin', 'contract.mjs')];
const CONCURRENCY = 2; // the harness's default newman runs in flight against the mock; the floor keeps as many requests in flight

/** Starts a child that prints a line once it listens, and returns its output so far. */
function startChild(args: string[], ready: RegExp): Promise<{ child: ChildProcess; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      if (ready.test(output)) resolve({ child, output });
    });
    child.on('error', reject);
    // A child that ends before it is ready (its port taken, say) would otherwise leave the bench waiting for ever.
    child.on('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited ${code} before it was ready: ${output.slice(-300)}`)),
    );
  });
}

/** A mock process as `npm run mock` starts it, on a free port: its URL and the ZOHO_ values it printed. */
async function startMockChild(): Promise<{ child: ChildProcess; url: string; env: Record<string, string> }> {
  // Ready once every variable line is out: the Postman environment's line comes after the last of them (a line read
  // as soon as ZOHO_BULK_IDS arrived could miss ZOHO_BIGIN_BULK_PRODUCT_IDS, printed after it, on a busy machine).
  const { child, output } = await startChild([...cli, 'mock'], /# Postman environment: .*\n/);
  const env = Object.fromEntries(
    output
      .split('\n')
      .filter((l) => l.startsWith('ZOHO_'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { child, url: env['ZOHO_API_DOMAIN'] ?? '', env };
}

async function main(): Promise<void> {
  if (ONLY === 'D') return memoryOnly();
  if (ONLY !== undefined && ONLY !== 'F')
    throw new Error(`BENCH_ONLY="${ONLY}": only D or F can be run alone (BENCH_ONLY=D or BENCH_ONLY=F)`);
  if (ONLY === 'F') return onlyF();
  const { child: mock, url: mockUrl, env } = await startMockChild();
  // As a --base-url run reads them (lists such as ZOHO_BULK_IDS become numbered variables; Contracts on the same host).
  const variables: Record<string, string> = { ...urlTarget(mockUrl, env).variables, api_domain: mockUrl };
  const out = await mkdtemp(join(tmpdir(), 'zoho-bench-'));
  try {
    const cases = catalog.reduce(
      (n, e) =>
        n + e.versions.reduce((m, v) => m + e.cases.filter((c) => (c.versions ?? e.versions).includes(v)).length, 0),
      0,
    );
    const floorChild = await buildFloor();
    const runA = () =>
      timeProcess('A (npm run contract)', node, [...cli, ...CONTRACT_ARGS, '--out', join(out, 'a')], { CI: '1' });
    // A fresh mock each time (its start is not timed): Delete Records' cases delete their records, once a mock.
    const runB = async () => {
      const fresh = await startMockChild();
      try {
        return await runNewmanCli(fresh.url);
      } finally {
        fresh.child.kill('SIGINT');
      }
    };
    const runNewmanCli = async (mockUrl: string) => {
      let total = 0;
      for (const endpoint of catalog) {
        for (const version of endpoint.versions) {
          total += await timeProcess(`B (newman run ${collectionPath(endpoint, version)})`, node, [
            join(ROOT, 'node_modules', 'newman', 'bin', 'newman.js'),
            'run',
            join(ROOT, collectionPath(endpoint, version)),
            '-e',
            `${mockUrl}/__mock/environment`,
            '--env-var',
            `contracts_domain=${mockUrl}`,
            '--reporters',
            'cli',
            '--color',
            'off',
          ]);
        }
      }
      return total;
    };
    const runC = () => timeProcess('C (the floor)', node, [floorChild, JSON.stringify(variables), String(CONCURRENCY)]);
    // One unmeasured round first: every side then starts from a warm file cache (and A from its built bundle and validators).
    if (WARM_UP) {
      process.stderr.write('warming up (one unmeasured run of A, B and C)...\n');
      await runA();
      await runB();
      await runC();
    }
    // Interleaved rounds, so a slow spell of this shared machine hits every side alike.
    const times: Record<'a' | 'b' | 'c', number[]> = { a: [], b: [], c: [] };
    for (let round = 1; round <= REPEATS; round += 1) {
      process.stderr.write(`round ${round}/${REPEATS}: A, B, C\n`);
      times.a.push(await runA());
      times.b.push(await runB());
      times.c.push(await runC());
    }
    const [a, b, c] = [spread(times.a), spread(times.b), spread(times.c)];
    const memory: Memory[] = [];
    for (const size of SIZES) {
      process.stderr.write(`memory of npm run contract at ${size} cases...\n`);
      memory.push(await measureCli(size, join(out, `d-${size}`)));
    }
    const steady = await measureSteady(SIZES[0] ?? 1000, mockUrl, variables);
    process.stderr.write('load test of the mock and of a bare server...\n');
    const e = await loadTest(mockUrl, variables);
    process.stderr.write('live rehearsal against a Professional org with latency...\n');
    const f = await measureLiveRehearsal(ROOT, REPEATS, WARM_UP, LIVE_LATENCY_MS);
    print(cases, a, b, c, memory, steady, e);
    for (const line of printLiveRehearsal(f)) console.log(line);
    await mkdir(OUT_DIR, { recursive: true });
    const file = join(OUT_DIR, `${new Date().toISOString().slice(0, 10)}.json`);
    await writeFile(
      file,
      `${JSON.stringify({ cases, repeats: REPEATS, a, b, c, memory, steady, e, f, ratios: { ...ratios(a, b, c, memory, steady, e), liveOverCriticalPath: f.ratio } }, null, 2)}\n`,
    );
    console.log(`\nwritten to ${file}`);
  } finally {
    mock.kill('SIGINT');
    await rm(out, { recursive: true, force: true });
  }
}

/** BENCH_ONLY=D: D at each size and the ratio, printed as the whole bench prints them; no result file. */
async function memoryOnly(): Promise<void> {
  // D's folders link the project's newman bundle, which the whole bench has A build; built here when missing.
  await ensureNewmanBundle(ROOT);
  const out = await mkdtemp(join(tmpdir(), 'zoho-bench-'));
  try {
    const memory: Memory[] = [];
    for (const size of SIZES) {
      process.stderr.write(`memory of npm run contract at ${size} cases...\n`);
      memory.push(await measureCli(size, join(out, `d-${size}`)));
    }
    for (const m of memory) console.log(memoryLine(m));
    const [first, last] = [memory[0], memory[memory.length - 1]];
    if (first && last && memory.length > 1)
      console.log(
        `D ${last.cases} vs ${first.cases}: ${(last.maxRssBytes / first.maxRssBytes).toFixed(2)}x peak RSS (target <= 1.5x from 1k to 10k)`,
      );
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

function memoryLine(m: Memory): string {
  return `D  npm run contract peak RSS at ${String(m.cases).padStart(5)} cases ${(m.maxRssBytes / 1048576).toFixed(0)} MiB (${m.failed} not passing)`;
}

/** F alone: the live rehearsal, its lines, and a result file holding F only. */
async function onlyF(): Promise<void> {
  const f = await measureLiveRehearsal(ROOT, REPEATS, WARM_UP, LIVE_LATENCY_MS);
  for (const line of printLiveRehearsal(f)) console.log(line);
  await mkdir(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, `${new Date().toISOString().slice(0, 10)}-f.json`);
  await writeFile(
    file,
    `${JSON.stringify({ repeats: REPEATS, f, ratios: { liveOverCriticalPath: f.ratio } }, null, 2)}\n`,
  );
  console.log(`\nwritten to ${file}`);
}

/** D at one size: the CLI's peak RSS over the synthetic catalog, and what its report counted. */
interface Memory {
  readonly cases: number;
  readonly failed: number;
  readonly maxRssBytes: number;
}

/** The steady-state figure beside C: harness and floor over the same synthetic cases, start-up costs out of the picture. */
interface Steady {
  readonly cases: number;
  readonly harnessMs: number;
  readonly floorMs: number;
}

/**
 * D: `npm run contract` itself (bundled as bin/contract.mjs bundles it, over a synthetic catalog of `size` cases, with
 * its embedded mock and default settings), its peak RSS written by bench/peak-rss.mjs as it exits. The CLI keeps every
 * verdict as it always does (vitest's task state, the summary, the JUnit and HTML reports), so this is the figure a
 * user sees. A run that does not pass voids the bench, like A.
 */
async function measureCli(size: number, dir: string): Promise<Memory> {
  await mkdir(dir, { recursive: true });
  const entry = await prepareSyntheticCli(ROOT, dir, size);
  const rssFile = join(dir, 'peak-rss');
  const report = join(dir, 'report');
  await timeProcess(
    `D (npm run contract over ${size} synthetic cases)`,
    node,
    ['--import', join(ROOT, 'bench', 'peak-rss.mjs'), entry, '--out', report],
    { CI: '1', BENCH_PEAK_RSS_FILE: rssFile },
  );
  const summary = JSON.parse(await readFile(join(report, 'summary.json'), 'utf8')) as {
    totals: { cases: number; passed: number };
  };
  return {
    cases: summary.totals.cases,
    failed: summary.totals.cases - summary.totals.passed,
    maxRssBytes: Number(await readFile(rssFile, 'utf8')),
  };
}

/** The harness in a child of its own (bench/memory-child.ts) and the floor after it, against the bench's mock. */
async function measureSteady(size: number, mockUrl: string, variables: Record<string, string>): Promise<Steady> {
  process.stderr.write(`steady state at ${size} cases...\n`);
  const mock = JSON.stringify({ url: mockUrl, variables });
  const report = JSON.parse(
    await outputOf(node, [
      `--max-old-space-size=${HARNESS_HEAP_MB}`,
      ...tsx,
      join(ROOT, 'bench', 'memory-child.ts'),
      String(size),
      mock,
    ]),
  ) as Steady & { failed: number; floorFailures: number };
  if (report.failed > 0)
    throw new BenchVoid(`the steady-state harness run over ${size} cases`, 1, `${report.failed} cases did not pass`);
  if (report.floorFailures > 0)
    throw new BenchVoid(
      `the steady-state floor over ${size} cases`,
      1,
      `${report.floorFailures} findings: the mock and the catalog disagree`,
    );
  return { cases: report.cases, harnessMs: report.harnessMs, floorMs: report.floorMs };
}

/** The floor as a command, bundled like the CLI so that both start the same way. */
async function buildFloor(): Promise<string> {
  const outfile = join(ROOT, 'dist', 'bench', 'floor-child.mjs');
  await build({
    entryPoints: [join(ROOT, 'bench', 'floor-child.ts')],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** One side of E: requests per second and p99 latency (ms), medians over the rounds. */
interface Load {
  readonly rps: number;
  readonly p99: number;
}

/**
 * E: the mock alone vs a bare server under the same fixed load from autocannon. "The mock alone" is a mock process of
 * its own, started for E like the bare server: V8 optimises Node's HTTP code and the mock's for the traffic a process
 * has seen, and the mock A to D used has served every endpoint's cases (errors, other methods and headers), which
 * costs it about a fifth of its throughput on one kind of request, while the bare server has only ever seen that one.
 * The mock the runs above used is measured in the same rounds and printed beside it (`afterRuns`).
 */
async function loadTest(
  sharedMockUrl: string,
  variables: Record<string, string>,
): Promise<{ mock: Load; bare: Load; afterRuns: Load }> {
  const { child: bare, output } = await startChild(
    [...tsx, join(ROOT, 'bench', 'bare-server.ts')],
    /listening on \S+\n/,
  );
  const bareUrl = /listening on (\S+)/.exec(output)?.[1] ?? '';
  // Same seed, so the same record id and token answer the same request.
  const { child: fresh, url: freshUrl } = await startMockChild();
  try {
    const request = {
      method: 'PUT' as const,
      path: `/crm/v8/Leads/${variables['record_id']}`,
      headers: { Authorization: `Zoho-oauthtoken ${variables['access_token']}`, 'Content-Type': 'application/json' },
      body: '{"data":[{"Last_Name":"Load"}]}',
    };
    const load = (url: string, seconds: number) =>
      autocannon({ url, connections: 50, duration: seconds, requests: [request] });
    const sides = [
      ['mock', freshUrl],
      ['bare', bareUrl],
      ['afterRuns', sharedMockUrl],
    ] as const;
    // One unmeasured second first on each server, so each is measured with its code already optimised by V8;
    // then interleaved rounds, like A, B and C, so a slow spell of the machine hits every side alike; medians are kept.
    for (const [, url] of sides) await load(url, 1);
    const rounds = { mock: [] as Load[], bare: [] as Load[], afterRuns: [] as Load[] };
    for (let round = 0; round < REPEATS; round += 1) {
      for (const [side, url] of sides) {
        const result = await load(url, LOAD_SECONDS);
        if (result.non2xx > 0 || result.errors > 0)
          throw new Error(
            `the load test of ${side} got ${result.non2xx} answers other than 2xx and ${result.errors} errors`,
          );
        rounds[side].push({ rps: result.requests.average, p99: result.latency.p99 });
      }
    }
    const median = (values: Load[]): Load => ({
      rps: spread(values.map((v) => v.rps)).median,
      p99: spread(values.map((v) => v.p99)).median,
    });
    return { mock: median(rounds.mock), bare: median(rounds.bare), afterRuns: median(rounds.afterRuns) };
  } finally {
    bare.kill('SIGTERM');
    fresh.kill('SIGINT');
  }
}

function ratios(
  a: Spread,
  b: Spread,
  c: Spread,
  memory: readonly Memory[],
  steady: Steady,
  e: { mock: { rps: number }; bare: { rps: number } },
) {
  return {
    aFasterThanB: b.median / a.median,
    aOverFloorC: a.median / c.median,
    aOverFloorSteady: steady.harnessMs / steady.floorMs,
    rss10kOver1k: (memory[1]?.maxRssBytes ?? 0) / (memory[0]?.maxRssBytes ?? 1),
    mockOverBare: e.mock.rps / e.bare.rps,
  };
}

function print(
  cases: number,
  a: Spread,
  b: Spread,
  c: Spread,
  memory: readonly Memory[],
  steady: Steady,
  e: { mock: Load; bare: Load; afterRuns: Load },
): void {
  const ms = (s: Spread) => `${s.min.toFixed(0)} / ${s.median.toFixed(0)} / ${s.max.toFixed(0)} ms`;
  const r = ratios(a, b, c, memory, steady, e);
  console.log(
    `\nZoho contract suite benchmark: ${cases} cases, ${REPEATS} repetitions (min / median / max); A, B and C are whole commands, start-up included\n`,
  );
  console.log(`A  our harness (npm run contract)        ${ms(a)}`);
  console.log(`B  plain newman CLI, one after another   ${ms(b)}`);
  console.log(`C  floor: fetch + the same validators    ${ms(c)}`);
  for (const m of memory) console.log(memoryLine(m));
  console.log(
    `E  mock ${e.mock.rps.toFixed(0)} req/s p99 ${e.mock.p99} ms; bare server ${e.bare.rps.toFixed(0)} req/s p99 ${e.bare.p99} ms`,
  );
  console.log(
    `   the mock A to D used, after those runs: ${e.afterRuns.rps.toFixed(0)} req/s p99 ${e.afterRuns.p99} ms (${((e.afterRuns.rps / e.bare.rps) * 100).toFixed(0)}% of the bare server)`,
  );
  console.log(`\nA vs B: ${r.aFasterThanB.toFixed(2)}x faster (target >= 5x)`);
  console.log(`A vs C: ${r.aOverFloorC.toFixed(2)}x the floor (target <= 4x)`);
  console.log(
    `   steady state, ${steady.cases} cases without start-up: harness ${(steady.harnessMs / steady.cases).toFixed(2)} ms/case, floor ${(steady.floorMs / steady.cases).toFixed(2)} ms/case = ${r.aOverFloorSteady.toFixed(2)}x`,
  );
  console.log(`D 10k vs 1k: ${r.rss10kOver1k.toFixed(2)}x peak RSS (target <= 1.5x)`);
  console.log(`E mock vs bare: ${(r.mockOverBare * 100).toFixed(0)}% of the throughput (target >= 50%)`);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof BenchVoid)) throw error;
  process.stderr.write(`bench void: ${error.message}\n`);
  process.exitCode = 1;
}
