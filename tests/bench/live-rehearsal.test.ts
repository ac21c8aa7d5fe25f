// F's minimum: a lower bound over the calls' dependencies, not the run's own steps one after another.

import { describe, expect, it } from 'vitest';
import { criticalPathMs } from '../../bench/live-rehearsal.ts';
import type { ApiUsage } from '../../src/report/index.ts';

function usage(steps: Array<[string, number]>, limit = 15): ApiUsage {
  const calls = steps.reduce((n, [, c]) => n + c, 0);
  return {
    calls,
    credits: calls,
    byPhase: { metadata: 0, fixtures: 0, cases: 0, cleanup: 0 },
    steps: steps.map(([name, c]) => ({ name, calls: c })),
    concurrency: { limit, source: 'edition' },
  };
}

describe("the live rehearsal's minimum", () => {
  it('packs the calls after the metadata at the limit rather than summing their steps', () => {
    // The demo org's run: step by step it is 1 + 2 + (1 + 1 + 8 + 1 + 1) = 15 rounds; its calls need 1 + 2 + ceil(139 / 15) = 13.
    const demo = usage([
      ['metadata: modules, user, org', 4],
      ['metadata: fields', 5],
      ['fixtures: records of level 0', 10],
      ['fixtures: locks', 3],
      ['cases', 113],
      ['clean-up: unlocks', 3],
      ['clean-up: records of level 0', 10],
    ]);
    expect(criticalPathMs(demo, 300)).toBe(13 * 300);
  });

  it('keeps the dependency chain when the calls after the metadata are too few to fill it', () => {
    // Two fixture levels, a lock, the cases, an unlock and two delete levels: 7 rounds however few the calls.
    const chained = usage([
      ['metadata: modules, user, org', 3],
      ['fixtures: records of level 0', 1],
      ['fixtures: records of level 1', 1],
      ['fixtures: locks', 1],
      ['cases', 4],
      ['clean-up: unlocks', 1],
      ['clean-up: records of level 1', 1],
      ['clean-up: records of level 0', 1],
    ]);
    expect(criticalPathMs(chained, 100)).toBe((1 + 1 + 7) * 100);
  });

  it('takes a metadata step of more calls than the limit as several rounds', () => {
    expect(
      criticalPathMs(
        usage(
          [
            ['metadata: fields', 16],
            ['cases', 5],
          ],
          5,
        ),
        10,
      ),
    ).toBe((1 + 4 + 1) * 10);
  });
});
