// RunSummary -> summary.json. Pure.

import type { Artifact } from './artifact.ts';
import type { RunSummary } from './run-summary.ts';

/** The machine-readable summary; its shape is documented in the README. */
export function renderSummaryJson(summary: RunSummary): Artifact[] {
  return [{ path: 'summary.json', content: `${JSON.stringify(summary, null, 2)}\n` }];
}
