// Public door of the reports: the summary model, pure renderers, the vitest adapter and the one writer.

export { piecedArtifact, type Artifact } from './artifact.ts';
export { compactVerdict } from './compact-verdict.ts';
export {
  diffBaseline,
  failureFingerprint,
  type BaselineChange,
  type BaselineDiff,
  type BaselineEntry,
} from './baseline-diff.ts';
export { buildDriftLedger, renderDriftMarkdown, type DriftLedgerEntry } from './drift-ledger.ts';
export { renderHtml } from './render-html.ts';
export { renderJunit } from './render-junit.ts';
export { renderMarkdown } from './render-markdown.ts';
export { renderSummaryJson } from './render-summary-json.ts';
export { renderTerminal } from './render-terminal.ts';
export { reportRenderers, type ReportName } from './reporters.ts';
export {
  checkedPhrase,
  countOutcomes,
  runOutcome,
  summariseRun,
  totalsLine,
  type ApiUsage,
  type CollectionTotals,
  type RunFacts,
  type RunOutcome,
  type RunSummary,
  type ShardPlace,
  type Totals,
} from './run-summary.ts';
export { SummaryReporter, type ExpectedFile, type SummaryReporterOptions } from './summary-reporter.ts';
export { selectionKeys, uncheckedVerdicts, type Lost } from './unchecked-cases.ts';
export {
  countPassedUnchecked,
  uncheckedPart,
  type PassedUnchecked,
  type UncheckedPart,
} from './unchecked-parts.ts';
export { verdictOf } from './task-meta.ts';
export { readBaseline } from './read-baseline.ts';
export { assertWritable, publishLatest, writeArtifacts } from './write-report.ts';
export { explainOrgChanges, renderOrgDrift, type OrgDrift, type OrgDriftChange } from './org-drift.ts';
