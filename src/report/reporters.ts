// The registry of our own report renderers; the name type derives from it.

import type { Artifact } from './artifact.ts';
import { renderDriftMarkdown } from './drift-ledger.ts';
import { renderHtml } from './render-html.ts';
import { renderJunit } from './render-junit.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderSummaryJson } from './render-summary-json.ts';
import type { RunSummary } from './run-summary.ts';

/** Every renderer of ours, by the name a user or the CLI selects it with. */
export const reportRenderers = {
  summary: renderSummaryJson,
  drift: (summary: RunSummary): Artifact[] => [{ path: 'drift.md', content: renderDriftMarkdown(summary.drift) }],
  markdown: renderMarkdown,
  html: renderHtml,
  junit: renderJunit,
} as const satisfies Record<string, (summary: RunSummary) => Artifact[]>;

export type ReportName = keyof typeof reportRenderers;
