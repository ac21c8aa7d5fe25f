// Verdicts kept with their short strings shared are the same verdicts, field for field.

import { describe, expect, it } from 'vitest';
import { compactVerdict } from '../../src/report/index.ts';
import { reportVerdicts } from '../support/report-verdicts.ts';

describe('compactVerdict', () => {
  it('returns an equal verdict, keys in the same order, whose short strings come from the pool', () => {
    const pool = new Map<string, string>();
    const copies = structuredClone(reportVerdicts).map((v) => compactVerdict(v, pool));
    expect(JSON.stringify(copies)).toBe(JSON.stringify(reportVerdicts));
    expect(pool.get('pass') ?? pool.get('fail')).toBeDefined();
    expect([...pool.keys()].every((s) => s.length <= 96)).toBe(true);
  });
});
