// A pass that could not check part of its answer (no printed message, an echo it could not read) is counted as such in
// the totals, on the last line, in report.md and in its JUnit testcase; a pass that checked everything is not.

import { describe, expect, it } from 'vitest';
import {
  countPassedUnchecked,
  renderJunit,
  renderMarkdown,
  summariseRun,
  totalsLine,
  uncheckedPart,
} from '../../src/report/index.ts';
import type { Outcome, Verdict } from '../../src/verdict/index.ts';

const facts = { runId: 'r', startedAt: new Date(0), finishedAt: new Date(1), target: { kind: 'url', name: 'gw' } };
const MESSAGE = 'message of LIMIT_EXCEEDED not checked (no page prints one)';
const ECHO = 'echo of /data/0/details/id not checked: the URL names no record id';
let n = 0;
const v = (outcome: Outcome, unpinned?: string[]): Verdict =>
  ({
    product: 'crm',
    endpoint: 'update-records',
    version: 'v8',
    caseId: `case-${(n += 1)}`,
    caseName: `case ${n}`,
    group: 'g',
    target: 'gw',
    outcome,
    reason: outcome === 'pass' ? '' : 'broke',
    findings: [],
    expected: { shape: 'records', status: 202, codes: ['SUCCESS'] },
    doc: { page: 'p.txt', section: 's' },
    durationMs: 1,
    ...(unpinned ? { unpinned } : {}),
  }) as Verdict;

describe('what a pass did not check', () => {
  it('reads the kind of a note from its first word: message, echo, or another part', () => {
    expect(uncheckedPart(MESSAGE)).toBe('message');
    expect(uncheckedPart(ECHO)).toBe('echo');
    expect(
      uncheckedPart('echoes of the request not checked where its variables were not filled in (as in a replay)'),
    ).toBe('echo');
    expect(uncheckedPart('Modified_Time not checked')).toBe('other');
  });

  it('counts passes only, each once per kind it lacks', () => {
    const verdicts = [v('pass', [MESSAGE, ECHO]), v('pass', [MESSAGE, MESSAGE]), v('pass'), v('fail', [MESSAGE])];
    expect(countPassedUnchecked(verdicts)).toEqual({ message: 2, echo: 1, other: 0 });
  });

  it('says so after "N passed" on the last line, and only when some pass lacks a part', () => {
    const lacking = summariseRun(facts, [v('pass', [MESSAGE]), v('pass', [ECHO]), v('pass', [MESSAGE]), v('fail')]);
    expect(totalsLine(lacking.totals)).toBe(
      'checked 4 of 4 selected: 3 passed (2 with no documented message to check, 1 with an echo not checked), 1 failed, 0 errors, 0 not checked, 0 not applicable',
    );
    const whole = summariseRun(facts, [v('pass'), v('fail', [MESSAGE])]);
    expect(totalsLine(whole.totals)).toBe(
      'checked 2 of 2 selected: 1 passed, 1 failed, 0 errors, 0 not checked, 0 not applicable',
    );
    expect(whole.totals.passedUnchecked).toEqual({ message: 0, echo: 0, other: 0 });
  });

  it('lists the notes in report.md and puts them in the system-out of the passing testcase', () => {
    const summary = summariseRun(facts, [v('pass', [MESSAGE]), v('pass', [MESSAGE]), v('pass')]);
    const markdown = renderMarkdown(summary)[0]?.content ?? '';
    expect(markdown).toContain('3 passed (2 with no documented message to check)');
    expect(markdown).toContain(`- 2 case(s): ${MESSAGE}`);
    const junit = renderJunit(summary)[0]?.content ?? '';
    expect(junit.match(/<system-out>[^<]*<\/system-out>/g)).toEqual([
      `<system-out>${MESSAGE}</system-out>`,
      `<system-out>${MESSAGE}</system-out>`,
    ]);
    expect(renderMarkdown(summariseRun(facts, [v('pass')]))[0]?.content).not.toContain(
      'Passed, with a part not checked',
    );
  });
});
