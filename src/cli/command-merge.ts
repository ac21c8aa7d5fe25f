// `contract merge <dirs...>`: the shard runs' blobs through vitest's --merge-reports, into every report format of ours.

import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog, listDrift } from '../catalog/index.ts';
import { ConfigError, ExitCode, RunCrashedError, UsageError, type ExitCodeValue } from '../errors.ts';
import { assertWritable, readBaseline, renderTerminal, SummaryReporter, type RunSummary } from '../report/index.ts';
import { exitCodeOf } from './command-run.ts';
import { mergeOptionTable } from './option-table.ts';
import { parseOptions, renderHelp } from './parse-args.ts';

/** Merges shard report folders; refuses shards whose collections have different contract versions. */
export async function commandMerge(args: readonly string[], root: string, now: Date, print: (line: string) => void): Promise<ExitCodeValue> {
  const dirs = positionals(args);
  const options = parseOptions(mergeOptionTable, args.filter((a) => !dirs.includes(a)), 'merge');
  if (options.help) {
    print(renderHelp('Usage: npm run contract -- merge <shard-report-dir> <shard-report-dir> ... [--out <dir>]', mergeOptionTable));
    return ExitCode.passed;
  }
  if (dirs.length === 0) throw new UsageError('merge needs the report folders of the shard runs', 'npm run contract -- merge reports/shard-1 reports/shard-2 ...');
  const failOn = options['fail-on'] ?? 'any';
  if (failOn !== 'any' && failOn !== 'new') throw new UsageError(`--fail-on "${failOn}" is not any or new`, 'use --fail-on any (default) or --fail-on new');
  const baseline = options.baseline ? await readBaseline(options.baseline) : undefined;
  if (failOn === 'new' && !baseline) throw new UsageError('--fail-on new needs a baseline', 'give --baseline <summary.json>');
  const shards = await Promise.all(dirs.map(readShard));
  assertSameContracts(shards);
  const runId = `${now.toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z')}-merged`;
  const outDir = options.out ?? join(root, 'reports', runId);
  const blobs = await mkdtemp(join(tmpdir(), 'zoho-blobs-'));
  try {
    await Promise.all(shards.map((s, i) => copyFile(s.blob, join(blobs, `blob-${i + 1}.json`))));
    const summary = await mergeBlobs(root, blobs, outDir, runId, shards[0]?.summary, baseline);
    for (const line of renderTerminal(summary, outDir)) print(line);
    return exitCodeOf(summary, failOn);
  } finally {
    await rm(blobs, { recursive: true, force: true });
  }
}

async function mergeBlobs(root: string, blobs: string, outDir: string, runId: string, first: RunSummary | undefined, baseline?: Awaited<ReturnType<typeof readBaseline>>): Promise<RunSummary> {
  await assertWritable(outDir);
  const reporter = new SummaryReporter({ runId, outDir, target: first?.target ?? { kind: 'mock', name: 'mock' }, secrets: [], endpoints: catalog, driftPoints: listDrift(catalog), ...(first?.collectionsCommit ? { collectionsCommit: first.collectionsCommit } : {}), ...(baseline ? { baseline } : {}) });
  const vitest = await (await import('vitest/node')).createVitest('test', {
    root,
    config: join(root, 'vitest.config.ts'),
    watch: false,
    mergeReports: blobs,
    reporters: [['junit', { outputFile: join(outDir, 'junit.xml'), suiteName: 'zoho-contract', classnameTemplate: '{filename}' }], reporter],
  });
  try {
    await vitest.mergeReports(blobs);
  } finally {
    await vitest.close();
  }
  if (!reporter.summary) throw new RunCrashedError('merging the shard reports produced no summary', '');
  return reporter.summary;
}

/** A shard's folder must hold the summary.json and blob.json a `--shard` run writes. */
async function readShard(dir: string): Promise<{ dir: string; blob: string; summary: RunSummary }> {
  let summary: RunSummary;
  try {
    summary = JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8')) as RunSummary;
    await readFile(join(dir, 'blob.json'));
  } catch (error) {
    throw new ConfigError(`${dir} is not the report folder of a --shard run (summary.json and blob.json)`, 'pass the --out folders of `npm run contract -- --shard k/n`', { cause: error });
  }
  if (summary.schemaVersion !== 1 || typeof summary.contractVersions !== 'object') throw new ConfigError(`${dir}/summary.json is not from this version of the suite`, 'rerun the shards with this version');
  return { dir, blob: join(dir, 'blob.json'), summary };
}

/** Shards run from different catalogs would merge into a report no run produced. */
function assertSameContracts(shards: ReadonlyArray<{ dir: string; summary: RunSummary }>): void {
  const merged = new Map<string, { version: string; dir: string }>();
  for (const { dir, summary } of shards) {
    for (const [endpoint, version] of Object.entries(summary.contractVersions)) {
      const seen = merged.get(endpoint);
      if (seen && seen.version !== version) {
        throw new ConfigError(`shards disagree on the contract of ${endpoint}: ${seen.version} in ${seen.dir}, ${version} in ${dir}`, 'rerun every shard from the same commit');
      }
      merged.set(endpoint, { version, dir });
    }
  }
}

function positionals(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--out' || arg === '--baseline' || arg === '--fail-on') i += 1;
    else if (!arg.startsWith('-')) out.push(arg);
  }
  return out;
}
