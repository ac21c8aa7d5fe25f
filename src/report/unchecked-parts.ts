// What a passing case could not check inside its answer (its `unpinned` notes), by kind: what every report counts. Pure.

import type { Verdict } from '../verdict/index.ts';

/** A part of an answer a pass did not check: its message (no page prints one), an echo of the request, or another part. */
export type UncheckedPart = 'message' | 'echo' | 'other';

/**
 * Passes with a part not checked, per part; a pass lacking two parts counts in both. `other` is for a note of a kind
 * this version does not know, so that no note is ever dropped from the counts.
 */
export interface PassedUnchecked {
  readonly message: number;
  readonly echo: number;
  readonly other: number;
}

/**
 * The kind of one `unpinned` note, read from its first word: the message check writes "message of <CODE> not checked
 * (...)", the echo checks write "echo ..." or "echoes ...".
 */
export function uncheckedPart(note: string): UncheckedPart {
  if (/^message of /.test(note)) return 'message';
  return /^echo(es)?\b/.test(note) ? 'echo' : 'other';
}

/** Counts the passes with something not checked, per kind. */
export function countPassedUnchecked(verdicts: readonly Verdict[]): PassedUnchecked {
  const counts = { message: 0, echo: 0, other: 0 };
  for (const verdict of verdicts) {
    if (verdict.outcome !== 'pass') continue;
    for (const part of new Set((verdict.unpinned ?? []).map(uncheckedPart))) counts[part] += 1;
  }
  return counts;
}

/** " (16 with no documented message to check, 2 with an echo not checked)" after "N passed"; empty when nothing is missing. */
export function passedUncheckedPhrase(counts: PassedUnchecked): string {
  const parts = [
    counts.message > 0 && `${counts.message} with no documented message to check`,
    counts.echo > 0 && `${counts.echo} with an echo not checked`,
    counts.other > 0 && `${counts.other} with another part not checked`,
  ].filter((part): part is string => typeof part === 'string');
  return parts.length ? ` (${parts.join(', ')})` : '';
}
