// Selected cases that ended with no verdict (a crashed harness file, a lost shard, an interrupt) -> not-checked verdicts. Pure.

import type { Selection } from '../catalog/index.ts';
import { buildVerdict } from '../validate/index.ts';
import { caseKey, type NotChecked, type Verdict } from '../verdict/index.ts';

/** Why the cases of one collection have no verdict, and what to do about it. */
export type Lost = NotChecked & { readonly reason: string };

/** The stable keys (`product/endpoint/version/caseId`) of every selected case, in selection order. */
export function selectionKeys(selections: readonly Selection[]): string[] {
  return selections.flatMap((s) =>
    s.cases.map((c) =>
      caseKey({ product: s.endpoint.product, endpoint: s.endpoint.id, version: s.version, caseId: c.id }),
    ),
  );
}

/**
 * A not-checked verdict for every selected case that has none; `why` names the reason per collection, or returns
 * undefined for a collection this run was not responsible for (another shard's).
 */
export function uncheckedVerdicts(
  selections: readonly Selection[],
  verdicts: readonly Verdict[],
  target: string,
  why: (selection: Selection) => Lost | undefined,
): Verdict[] {
  const judged = new Set(verdicts.map(caseKey));
  const out: Verdict[] = [];
  for (const selection of selections) {
    const context = {
      product: selection.endpoint.product,
      endpoint: selection.endpoint.id,
      version: selection.version,
      target,
    };
    const missing = selection.cases.filter((c) => !judged.has(caseKey({ ...context, caseId: c.id })));
    const lost = missing.length > 0 ? why(selection) : undefined;
    if (lost)
      for (const testCase of missing) out.push(buildVerdict(context, testCase, { kind: 'not-checked', ...lost }));
  }
  return out;
}
