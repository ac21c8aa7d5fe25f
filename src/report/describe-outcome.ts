// Expected and actual status and codes of a verdict, and an outcome, as short text: one wording for the HTML, JUnit,
// the baseline's failure fingerprint and its lost coverage. Pure.

import type { Outcome, Verdict } from '../verdict/index.ts';

const OUTCOME_WORDS: Readonly<Record<Outcome, string>> = {
  pass: 'passed',
  fail: 'failed',
  error: 'an error (could not be judged)',
  'not-applicable': 'not applicable',
  'not-checked': 'not checked',
};

/** An outcome as the reports write it in a sentence ("now not applicable"). */
export function describeOutcome(outcome: Outcome | undefined): string {
  return outcome ? OUTCOME_WORDS[outcome] : 'absent';
}

/** "<status> <codes>" the case expected; a plain-object answer (no code) reads as `objectLabel`. */
export function expectedText(v: Pick<Verdict, 'expected'>, separator: string, objectLabel: string): string {
  const e = v.expected;
  const codes =
    e.shape === 'records'
      ? e.codes.join(separator)
      : e.shape === 'error' || e.shape === 'empty'
        ? e.code
        : e.shape === 'list'
          ? 'data[]'
          : objectLabel;
  return `${e.status} ${codes}`;
}

/** "<status> <codes, or the shape when none>" of what came back; undefined when nothing did. */
export function actualText(v: Pick<Verdict, 'actual'>, separator: string): string | undefined {
  return v.actual ? `${v.actual.status} ${v.actual.codes.join(separator) || v.actual.shape}` : undefined;
}
