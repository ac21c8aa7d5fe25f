// What changed in the org since the baseline's run, beside the failures each change may explain: a failing case whose
// request names the changed module (and, for a field, writes that field). Pure.

import { casesByIds, findCollectionEndpoint } from '../catalog/index.ts';
import { caseKey, type Verdict } from '../verdict/index.ts';

/** One change in the org, as a live run found it. */
export interface OrgDriftChange {
  readonly text: string;
  readonly module?: string;
  readonly field?: string;
  /** Keys of this run's failing cases whose request names the module (and writes the field): what it may explain. */
  readonly mayExplain: readonly string[];
}

/** The org's drift since a baseline: where the baseline came from and what changed. */
export interface OrgDrift {
  readonly since: string;
  readonly changes: readonly OrgDriftChange[];
}

/** Each change with the failing cases it may explain. */
export function explainOrgChanges(
  changes: ReadonlyArray<{ readonly text: string; readonly module?: string; readonly field?: string }>,
  verdicts: readonly Verdict[],
): OrgDriftChange[] {
  const failing = verdicts.filter((v) => v.outcome === 'fail' || v.outcome === 'error');
  return changes.map((change) => ({
    ...change,
    mayExplain: change.module
      ? failing.filter((v) => touches(v, change.module as string, change.field)).map((v) => caseKey(v))
      : [],
  }));
}

/** The case's request names `module` in its path, and writes `field` where one is named. */
function touches(verdict: Verdict, module: string, field: string | undefined): boolean {
  const endpoint = findCollectionEndpoint(verdict.product, verdict.endpoint, verdict.version);
  const testCase = endpoint && casesByIds(endpoint, verdict.version, [verdict.caseId])[0];
  if (!testCase || !testCase.request.path.split(/[/?]/).includes(module)) return false;
  return field === undefined || JSON.stringify(testCase.request.body ?? null).includes(`"${field}"`);
}

/** The terminal's lines: each change, and the failures it may explain. */
export function renderOrgDrift(drift: OrgDrift): string[] {
  if (drift.changes.length === 0) return [`Org: nothing changed since the baseline (${drift.since})`];
  return [
    `Org changes since the baseline (${drift.since}): ${drift.changes.length}`,
    ...drift.changes.map(
      (c) => `  * ${c.text}${c.mayExplain.length ? `; may explain: ${c.mayExplain.join(', ')}` : ''}`,
    ),
  ];
}
