// Drift points + verdicts -> the ledger: each contradiction, the variant expected, and what targets actually returned. Pure.

import { describeDocRef, expectedVariants, type DriftPoint } from '../catalog/index.ts';
import type { Verdict } from '../verdict/index.ts';

/** One contradiction in the docs and what this run observed of it. */
export interface DriftLedgerEntry extends DriftPoint {
  readonly observed: ReadonlyArray<{
    readonly target: string;
    readonly version: string;
    readonly caseId: string;
    readonly variant: number | null;
  }>;
}

/** Joins each drift point with the observations the verdicts carry for it. */
export function buildDriftLedger(points: readonly DriftPoint[], verdicts: readonly Verdict[]): DriftLedgerEntry[] {
  return points.map((point) => ({
    ...point,
    observed: verdicts.flatMap((v) =>
      (v.drift ?? [])
        .filter((d) => d.drift === point.id)
        .map((d) => ({ target: v.target, version: v.version, caseId: v.caseId, variant: d.variant })),
    ),
  }));
}

/** The ledger as Markdown: drift.md of a run, and what `contract drift` prints. */
export function renderDriftMarkdown(ledger: readonly DriftLedgerEntry[]): string {
  const lines = [
    '# Doc drift ledger',
    '',
    'Where the Zoho doc pages contradict themselves, every variant, the one the cases expect, and what the target returned.',
    '',
  ];
  for (const entry of ledger) {
    lines.push(`## ${entry.topic}`, '', `\`${entry.id}\``, '');
    const expected = expectedVariants(entry);
    entry.variants.forEach((variant, i) => {
      const by = expected.get(i);
      const mark = by === undefined ? '' : by.length === 0 ? ' **(expected)**' : ` **(expected by ${by.join(', ')})**`;
      lines.push(`${i + 1}. ${variant.says} (${describeDocRef(variant.source)})${mark}`);
    });
    lines.push('', `Why: ${entry.why}`, '');
    if (entry.observed.length > 0) {
      const seen = entry.observed.map(
        (o) =>
          `${o.target} ${o.version} ${o.caseId}: ${o.variant === null ? 'matched no documented variant' : `variant ${o.variant + 1}`}`,
      );
      lines.push('Observed:', ...seen.map((s) => `- ${s}`), '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
