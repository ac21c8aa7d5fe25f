// Reads an earlier run's summary.json as a baseline: the one place its untyped JSON is narrowed.

import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.ts';
import type { Verdict } from '../verdict/index.ts';

const OUTCOMES = new Set(['pass', 'fail', 'error', 'not-applicable', 'not-checked', 'skipped']);

/** The verdicts of a summary.json (schemaVersion 1); any other file is a one-line ConfigError. */
export async function readBaseline(
  path: string,
): Promise<{ source: string; verdicts: Verdict[]; contractVersions: Record<string, string>; org?: unknown }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ConfigError(
      missing ? `baseline ${path} does not exist` : `baseline ${path} is not readable JSON`,
      'give the summary.json of an earlier run (reports/<run-id>/summary.json)',
      { cause: error },
    );
  }
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  if (record['schemaVersion'] !== 1 || !Array.isArray(record['verdicts'])) {
    throw new ConfigError(
      `baseline ${path} is not a summary.json of this suite (schemaVersion 1)`,
      'give the summary.json of an earlier run (reports/<run-id>/summary.json)',
    );
  }
  const verdicts = record['verdicts'].filter(isVerdictLike).map(fromOldOutcome);
  if (verdicts.length !== record['verdicts'].length)
    throw new ConfigError(
      `baseline ${path} has malformed verdicts`,
      'regenerate it with a run of this version of the suite',
    );
  const versions = record['contractVersions'];
  const contractVersions =
    typeof versions === 'object' && versions !== null
      ? Object.fromEntries(Object.entries(versions).filter((e): e is [string, string] => typeof e[1] === 'string'))
      : {};
  // The org a live run read, kept as it is: live mode narrows it when it compares (it is the one that knows its shape).
  const org = record['org'];
  return { source: path, verdicts, contractVersions, ...(typeof org === 'object' && org !== null ? { org } : {}) };
}

/**
 * Summaries written before the outcome vocabulary had not-applicable and not-checked said `skipped` for both: a target
 * that could not provoke the case ("mock cannot provoke it") is not applicable, anything else was not checked.
 */
function fromOldOutcome(verdict: Verdict): Verdict {
  if ((verdict.outcome as string) !== 'skipped') return verdict;
  const reason = typeof verdict.reason === 'string' ? verdict.reason : '';
  if (/cannot provoke/.test(reason)) return { ...verdict, outcome: 'not-applicable' };
  const cause = /not configured/.test(reason)
    ? 'configuration'
    : /no recorded/.test(reason)
      ? 'no-recording'
      : /interrupted/.test(reason)
        ? 'interrupted'
        : 'no-verdict';
  return { ...verdict, outcome: 'not-checked', notChecked: { cause, fix: 'rerun with this version of the suite' } };
}

function isVerdictLike(value: unknown): value is Verdict {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    ['product', 'endpoint', 'version', 'caseId', 'caseName'].every((k) => typeof v[k] === 'string') &&
    typeof v['outcome'] === 'string' &&
    OUTCOMES.has(v['outcome'])
  );
}
