// Thin vitest reporter adapter: gathers the verdicts from task meta when the run ends and writes our reports.

import type { Reporter, TestModule } from 'vitest/node';
import type { DriftPoint, Endpoint } from '../catalog/index.ts';
import type { Verdict } from '../verdict/index.ts';
import { reportRenderers } from './reporters.ts';
import { summariseRun, type RunSummary } from './run-summary.ts';
import { verdictOf } from './task-meta.ts';
import { writeArtifacts } from './write-report.ts';

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
}

/** Writes summary.json (and every registered renderer's output) into the run's folder. */
export class SummaryReporter implements Reporter {
  private readonly startedAt: Date;
  /** The last summary written, for the CLI to print and map to an exit code. */
  summary: RunSummary | undefined;

  constructor(private readonly options: SummaryReporterOptions) {
    this.startedAt = (options.now ?? (() => new Date()))();
  }

  async onTestRunEnd(testModules: ReadonlyArray<TestModule>, _errors: unknown, reason: string): Promise<void> {
    const verdicts: Verdict[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const verdict = verdictOf(test.meta());
        if (verdict) verdicts.push(verdict);
      }
    }
    const now = (this.options.now ?? (() => new Date()))();
    this.summary = summariseRun(
      {
        runId: this.options.runId,
        startedAt: this.startedAt,
        finishedAt: now,
        target: this.options.target,
        interrupted: reason === 'interrupted',
        ...(this.options.endpoints ? { endpoints: this.options.endpoints } : {}),
        ...(this.options.driftPoints ? { driftPoints: this.options.driftPoints } : {}),
        ...(this.options.baseline ? { baseline: this.options.baseline } : {}),
        ...(this.options.collectionsCommit ? { collectionsCommit: this.options.collectionsCommit } : {}),
      },
      verdicts,
    );
    const artifacts = Object.values(reportRenderers).flatMap((render) => render(this.summary as RunSummary));
    await writeArtifacts(this.options.outDir, artifacts, this.options.secrets);
  }
}
