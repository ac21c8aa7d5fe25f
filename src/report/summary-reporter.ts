// Thin vitest reporter adapter: gathers the verdicts from task meta when the run ends and writes our reports.

import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { DriftPoint, Endpoint, Selection } from '../catalog/index.ts';
import type { Verdict } from '../verdict/index.ts';
import { compactVerdict } from './compact-verdict.ts';
import { reportRenderers } from './reporters.ts';
import { summariseRun, type RunSummary, type ShardPlace } from './run-summary.ts';
import { verdictOf } from './task-meta.ts';
import { uncheckedVerdicts, type Lost } from './unchecked-cases.ts';
import { writeArtifacts } from './write-report.ts';

/** The cases of one harness file (its path relative to the root) that the run must account for. */
export interface ExpectedFile {
  readonly file: string;
  readonly selection: Selection;
}

/** What the reporter needs to know that vitest does not. */
export interface SummaryReporterOptions {
  readonly runId: string;
  readonly outDir: string;
  readonly target: { readonly kind: string; readonly name: string };
  readonly secrets: readonly string[];
  readonly endpoints?: readonly Endpoint[];
  readonly driftPoints?: readonly DriftPoint[];
  readonly baseline?: { readonly source: string; readonly verdicts: readonly Verdict[] };
  readonly collectionsCommit?: string;
  readonly now?: () => Date;
  /** Every selected case by harness file: a case that ends with no verdict is reported not checked, with why. */
  readonly expected?: readonly ExpectedFile[];
  /** The whole run's selection keys, recorded in summary.json (for a shard, beyond its own files). */
  readonly selection?: readonly string[];
  /** A shard accounts only for the files vitest gave it. */
  readonly shard?: ShardPlace;
  /** A merge of shard reports: a file that no shard ran is a lost shard's. */
  readonly merged?: boolean;
  readonly bail?: boolean;
  /**
   * Awaited once the run's tests are over, before the reports are built: what the run no longer needs is let go first
   * (the CLI closes its verdict thread there, whose heap would otherwise sit beside the reports being built).
   */
  readonly beforeReports?: () => Promise<void>;
  /** --modules: the modules the rollout report groups the verdicts by. */
  readonly modules?: readonly string[];
}

/** Writes summary.json (and every registered renderer's output) into the run's folder. */
export class SummaryReporter implements Reporter {
  private readonly startedAt: Date;
  /** The last summary written, for the CLI to print and map to an exit code. */
  summary: RunSummary | undefined;

  constructor(private readonly options: SummaryReporterOptions) {
    this.startedAt = (options.now ?? (() => new Date()))();
  }

  /** One copy of each short string over the run's verdicts (see compactVerdict). */
  private readonly strings = new Map<string, string>();

  /** Keeps a case's verdict, as vitest hands it over, with its short strings shared: it is held until the run ends. */
  onTestCaseResult(testCase: TestCase): void {
    const meta = testCase.meta();
    const verdict = verdictOf(meta);
    if (verdict) meta.verdict = compactVerdict(verdict, this.strings);
  }

  async onTestRunEnd(testModules: ReadonlyArray<TestModule>, _errors: unknown, reason: string): Promise<void> {
    await this.options.beforeReports?.();
    const verdicts: Verdict[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const verdict = verdictOf(test.meta());
        if (verdict) verdicts.push(verdict);
      }
    }
    const interrupted = reason === 'interrupted';
    verdicts.push(...this.lostVerdicts(testModules, verdicts, interrupted));
    const now = (this.options.now ?? (() => new Date()))();
    this.summary = summariseRun(
      {
        runId: this.options.runId,
        startedAt: this.startedAt,
        finishedAt: now,
        target: this.options.target,
        interrupted,
        ...(this.options.selection ? { selection: this.options.selection } : {}),
        ...(this.options.shard ? { shard: this.options.shard } : {}),
        ...(this.options.endpoints ? { endpoints: this.options.endpoints } : {}),
        ...(this.options.driftPoints ? { driftPoints: this.options.driftPoints } : {}),
        ...(this.options.baseline ? { baseline: this.options.baseline } : {}),
        ...(this.options.collectionsCommit ? { collectionsCommit: this.options.collectionsCommit } : {}),
        ...(this.options.modules ? { modules: this.options.modules } : {}),
      },
      verdicts,
    );
    const artifacts = Object.values(reportRenderers).flatMap((render) => render(this.summary as RunSummary));
    await writeArtifacts(this.options.outDir, artifacts, this.options.secrets);
  }

  /** Selected cases with no verdict: never silently dropped, each is not checked with the reason its file gives. */
  private lostVerdicts(
    testModules: ReadonlyArray<TestModule>,
    verdicts: readonly Verdict[],
    interrupted: boolean,
  ): Verdict[] {
    const expected = this.options.expected ?? [];
    const moduleOf = (file: string): TestModule | undefined =>
      testModules.find((m) => m.relativeModuleId === file || m.moduleId.endsWith(`/${file}`));
    const fileOf = new Map(expected.map((e) => [e.selection, e.file]));
    return uncheckedVerdicts(
      expected.map((e) => e.selection),
      verdicts,
      this.options.target.name,
      (selection) => {
        const file = fileOf.get(selection) ?? '';
        const module = moduleOf(file);
        // A shard is given some of the files; the others are another shard's to check.
        if (!module && this.options.shard) return undefined;
        return lostReason(file, module, {
          interrupted,
          bail: this.options.bail ?? false,
          merged: this.options.merged ?? false,
        });
      },
    );
  }
}

const REPORT_IT = 'rerun with --debug; if it persists, report it with the output';

/** Why a harness file left cases without a verdict. */
function lostReason(
  file: string,
  module: TestModule | undefined,
  run: { interrupted: boolean; bail: boolean; merged: boolean },
): Lost {
  const crash = module?.errors()[0];
  if (crash)
    return {
      reason: `no verdict: harness file ${file} crashed: ${(crash.message ?? String(crash)).split('\n')[0]}`,
      cause: 'no-verdict',
      fix: REPORT_IT,
    };
  if (run.interrupted)
    return {
      reason: 'not run: the run was interrupted',
      cause: 'interrupted',
      fix: 'run it again without interrupting it',
    };
  if (run.bail)
    return {
      reason: 'not run: --bail stopped the run at the first failure',
      cause: 'bail',
      fix: 'rerun without --bail to check it',
    };
  if (!module && run.merged)
    return {
      reason: `no verdict: no shard report holds ${file}`,
      cause: 'missing-shard',
      fix: 'merge the report folders of every shard of the run',
    };
  if (!module) return { reason: `no verdict: ${file} did not run`, cause: 'no-verdict', fix: REPORT_IT };
  return { reason: `no verdict: ${file} reported none for this case`, cause: 'no-verdict', fix: REPORT_IT };
}
