import { describe, expect, it } from 'vitest';
import { diffBaseline } from '../../src/report/index.ts';
import type { Outcome, Verdict } from '../../src/verdict/index.ts';

const v = (caseId: string, outcome: Outcome): Verdict =>
  ({ product: 'crm', endpoint: 'update-records', version: 'v8', caseId, caseName: caseId, outcome }) as unknown as Verdict;

describe('diffBaseline', () => {
  it('classifies new failures, still failing, fixed, new and removed cases', () => {
    const before = [v('a', 'pass'), v('b', 'fail'), v('c', 'fail'), v('d', 'pass'), v('gone', 'pass'), v('s', 'skipped')];
    const after = [v('a', 'fail'), v('b', 'error'), v('c', 'pass'), v('d', 'pass'), v('new-bad', 'fail'), v('new-ok', 'pass'), v('s', 'fail')];
    const diff = diffBaseline('base.json', before, after);
    expect(diff.counts).toEqual({ 'new-failure': 2, 'still-failing': 1, fixed: 1, unchanged: 1, 'new-case': 2, 'removed-case': 1 });
    expect(diff.entries.map((e) => [e.key.split('/').at(-1), e.change])).toEqual([
      ['a', 'new-failure'],
      ['b', 'still-failing'],
      ['c', 'fixed'],
      ['new-bad', 'new-case'],
      ['new-ok', 'new-case'],
      ['s', 'new-failure'],
      ['gone', 'removed-case'],
    ]);
    expect(diff.newFailures).toBe(3);
  });

  it('keys cases by product, endpoint, version and case id', () => {
    const other = { ...v('a', 'fail'), version: 'v2' } as Verdict;
    expect(diffBaseline('b', [v('a', 'pass')], [other]).counts['new-case']).toBe(1);
  });
});
