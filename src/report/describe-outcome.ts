// Expected and actual status and codes of a verdict as short text: one wording for the HTML, JUnit and the baseline's
// failure fingerprint. Pure.

import type { Verdict } from '../verdict/index.ts';

/** "<status> <codes>" the case expected; a plain-object answer (no code) reads as `objectLabel`. */
export function expectedText(v: Pick<Verdict, 'expected'>, separator: string, objectLabel: string): string {
  const e = v.expected;
  const codes = e.shape === 'records' ? e.codes.join(separator) : e.shape === 'error' ? e.code : objectLabel;
  return `${e.status} ${codes}`;
}

/** "<status> <codes, or the shape when none>" of what came back; undefined when nothing did. */
export function actualText(v: Pick<Verdict, 'actual'>, separator: string): string | undefined {
  return v.actual ? `${v.actual.status} ${v.actual.codes.join(separator) || v.actual.shape}` : undefined;
}
