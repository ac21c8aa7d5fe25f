// `contract merge <dirs...>`: every shard of a run (none missing, none twice), their blobs through vitest's --merge-reports,
// into every report format of ours; a selected case no shard judged is reported not checked.

import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { casesByIds, catalog, listDrift, type Selection } from '../catalog/index.ts';
import { ConfigError, ExitCode, RunCrashedError, UsageError, type ExitCodeValue } from '../errors.ts';
import { harnessPath } from '../generate/index.ts';
import {
  assertWritable,
  readBaseline,
  renderTerminal,
  SummaryReporter,
  type RunSummary,
  type ShardPlace,
} from '../report/index.ts';
import { decideExit } from './exit-code.ts';
import { mergeOptionTable } from './option-table.ts';
import { parseOptions, renderHelp } from './parse-args.ts';

/** Merges shard report folders; refuses shards whose collections have different contract versions. */
export async function commandMerge(
  args: readonly string[],
  root: string,
  now: Date,
  print: (line: string) => void,
): Promise<ExitCodeValue> {
  const dirs = positionals(args);
  const options = parseOptions(
    mergeOptionTable,
    args.filter((a) => !dirs.includes(a)),
    'merge',
  );
  if (options.help) {
    print(
      renderHelp(
        'Usage: npm run contract -- merge <shard-report-dir> <shard-report-dir> ... [--out <dir>]',
        mergeOptionTable,
      ),
    );
    return ExitCode.passed;
  }
  if (dirs.length === 0)
    throw new UsageError(
      'merge needs the report folders of the shard runs',
      'npm run contract -- merge reports/shard-1 reports/shard-2 ...',
    );
  const failOn = options['fail-on'] ?? 'any';
  if (failOn !== 'any' && failOn !== 'new')
    throw new UsageError(`--fail-on "${failOn}" is not any or new`, 'use --fail-on any (default) or --fail-on new');
  const baseline = options.baseline ? await readBaseline(options.baseline) : undefined;
  if (failOn === 'new' && !baseline)
    throw new UsageError('--fail-on new needs a baseline', 'give --baseline <summary.json>');
  const shards = await Promise.all(dirs.map(readShard));
  assertSameTarget(shards);
  assertSameContracts(shards);
  const selections = resolveSelection(assertWholeRun(shards));
  const runId = `${now
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z')}-merged`;
  const outDir = options.out ?? join(root, 'reports', runId);
  const blobs = await mkdtemp(join(tmpdir(), 'zoho-blobs-'));
  try {
    await Promise.all(shards.map((s, i) => copyFile(s.blob, join(blobs, `blob-${i + 1}.json`))));
    const summary = await mergeBlobs({
      root,
      blobs,
      outDir,
      runId,
      first: shards[0]?.summary,
      selections,
      ...(baseline ? { baseline } : {}),
    });
    for (const line of renderTerminal(summary, outDir)) print(line);
    const decision = decideExit(summary, { failOn, allowPartial: options['allow-partial'] ?? false });
    if (decision.error) throw decision.error;
    return decision.code;
  } finally {
    await rm(blobs, { recursive: true, force: true });
  }
}

interface MergeRequest {
  readonly root: string;
  readonly blobs: string;
  readonly outDir: string;
  readonly runId: string;
  readonly first: RunSummary | undefined;
  readonly selections: readonly Selection[];
  readonly baseline?: Awaited<ReturnType<typeof readBaseline>>;
}

async function mergeBlobs({
  root,
  blobs,
  outDir,
  runId,
  first,
  selections,
  baseline,
}: MergeRequest): Promise<RunSummary> {
  await assertWritable(outDir);
  const reporter = new SummaryReporter({
    runId,
    outDir,
    target: first?.target ?? { kind: 'mock', name: 'mock' },
    secrets: [],
    endpoints: catalog,
    driftPoints: listDrift(catalog),
    ...(first?.collectionsCommit ? { collectionsCommit: first.collectionsCommit } : {}),
    ...(baseline ? { baseline } : {}),
    expected: selections.map((selection) => ({ file: harnessPath(selection.endpoint, selection.version), selection })),
    selection: first?.selection ?? [],
    // The shards of one --modules run share its modules: the merged report groups them too.
    ...(first?.modules ? { modules: first.modules } : {}),
    merged: true,
  });
  const vitest = await (await import('vitest/node')).createVitest('test', {
    root,
    config: join(root, 'vitest.config.ts'),
    watch: false,
    mergeReports: blobs,
    reporters: [reporter],
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
    throw new ConfigError(
      `${dir} is not the report folder of a --shard run (summary.json and blob.json)`,
      'pass the --out folders of `npm run contract -- --shard k/n`',
      { cause: error },
    );
  }
  if (
    summary.schemaVersion !== 1 ||
    typeof summary.contractVersions !== 'object' ||
    typeof summary.target?.kind !== 'string' ||
    !isShardPlace(summary.shard) ||
    !Array.isArray(summary.selection)
  ) {
    throw new ConfigError(
      `${dir}/summary.json is not from this version of the suite (no shard place, selection or target)`,
      'rerun the shards with this version',
    );
  }
  return { dir, blob: join(dir, 'blob.json'), summary };
}

function isShardPlace(value: unknown): value is ShardPlace {
  const place = value as Partial<ShardPlace> | undefined;
  return typeof place === 'object' && Number.isInteger(place.index) && Number.isInteger(place.count);
}

/** Every shard k/n of one run, each once, all of the same selection: anything else would merge into a report no run made. */
function assertWholeRun(shards: ReadonlyArray<{ dir: string; summary: RunSummary }>): readonly string[] {
  const [head] = shards;
  const count = head?.summary.shard?.count ?? 0;
  const selection = head?.summary.selection ?? [];
  const seen = new Map<number, string>();
  for (const { dir, summary } of shards) {
    const place = summary.shard as ShardPlace;
    if (place.count !== count)
      throw new ConfigError(
        `shards of different splits: ${head?.dir} is of ${count}, ${dir} of ${place.count}`,
        'merge the shards of one run',
      );
    const twice = seen.get(place.index);
    if (twice !== undefined)
      throw new ConfigError(
        `shard ${place.index}/${count} is given twice: ${twice} and ${dir}`,
        'pass each shard folder once',
      );
    seen.set(place.index, dir);
    if ((summary.selection ?? []).join('\n') !== selection.join('\n'))
      throw new ConfigError(
        `shards of different runs: ${dir} selected other cases than ${head?.dir}`,
        'merge the shards of one run (same filters, same commit)',
      );
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) {
    throw new ConfigError(
      `shard ${missing.map((k) => `${k}/${count}`).join(', ')} missing: merge needs every shard of the run`,
      'pass the report folder of every shard (a shard that failed still writes one)',
    );
  }
  return selection;
}

/** The recorded selection keys back to the catalog's collections and cases. */
function resolveSelection(keys: readonly string[]): Selection[] {
  const selections = new Map<
    string,
    { endpoint: Selection['endpoint']; version: string; cases: Selection['cases'][number][] }
  >();
  for (const key of keys) {
    const [product, id, version = '', caseId] = key.split('/');
    const endpoint = catalog.find((e) => e.product === product && e.id === id);
    const testCase = endpoint ? casesByIds(endpoint, version, [caseId ?? ''])[0] : undefined;
    if (!endpoint || !testCase)
      throw new ConfigError(
        `the shards selected ${key}, which this catalog does not have`,
        'merge with the commit the shards ran from',
      );
    const collection = `${product}/${id}/${version}`;
    const entry = selections.get(collection) ?? { endpoint, version, cases: [] };
    entry.cases.push(testCase);
    selections.set(collection, entry);
  }
  return [...selections.values()];
}

/** Shards run against different kinds of target (mock, url, live, replay) would merge into a report of no one target. */
function assertSameTarget(shards: ReadonlyArray<{ dir: string; summary: RunSummary }>): void {
  const [head] = shards;
  const other = shards.find((s) => s.summary.target.kind !== head?.summary.target.kind);
  if (head && other)
    throw new ConfigError(
      `shards run against different kinds of target: ${head.summary.target.kind} in ${head.dir}, ${other.summary.target.kind} in ${other.dir}`,
      'merge the shards of one run, every shard against the same target',
    );
}

/** Shards run from different catalogs would merge into a report no run produced. */
function assertSameContracts(shards: ReadonlyArray<{ dir: string; summary: RunSummary }>): void {
  const merged = new Map<string, { version: string; dir: string }>();
  for (const { dir, summary } of shards) {
    for (const [endpoint, version] of Object.entries(summary.contractVersions)) {
      const seen = merged.get(endpoint);
      if (seen && seen.version !== version) {
        throw new ConfigError(
          `shards disagree on the contract of ${endpoint}: ${seen.version} in ${seen.dir}, ${version} in ${dir}`,
          'rerun every shard from the same commit',
        );
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
