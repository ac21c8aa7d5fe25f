// RunSummary -> summary.json. Pure.

import { piecedArtifact, type Artifact } from './artifact.ts';
import type { RunSummary } from './run-summary.ts';

/** Stands in for the verdicts in the summary's own text, where they are then written one by one. */
const VERDICTS = '\u0000verdicts\u0000';

/** The machine-readable summary; its shape is documented in the README. */
export function renderSummaryJson(summary: RunSummary): Artifact[] {
  return [piecedArtifact('summary.json', () => summaryJsonPieces(summary))];
}

/**
 * `JSON.stringify(summary, null, 2)` and a newline, byte for byte, in pieces: the summary without its verdicts, then
 * each verdict (indented as it sits in the `verdicts` array), so the whole text is never held at once.
 */
function* summaryJsonPieces(summary: RunSummary): Generator<string> {
  const text = JSON.stringify({ ...summary, verdicts: VERDICTS }, null, 2);
  const at = text.indexOf(JSON.stringify(VERDICTS));
  const [before, after] = [text.slice(0, at), text.slice(at + JSON.stringify(VERDICTS).length)];
  if (summary.verdicts.length === 0) return yield `${before}[]${after}\n`;
  yield `${before}[`;
  for (const [i, verdict] of summary.verdicts.entries()) {
    yield `${i === 0 ? '' : ','}\n    ${JSON.stringify(verdict, null, 2).replace(/\n/g, '\n    ')}`;
  }
  yield `\n  ]${after}\n`;
}
