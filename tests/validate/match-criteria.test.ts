// Search criteria as the verdict evaluates them on a record the target answered: and/or, escapes, the operators.

import { describe, expect, it } from 'vitest';
import { matchesCriteria } from '../../src/validate/match-criteria.ts';

const lead = { Last_Name: 'Boyle', Company: 'Zylker Inc', Email: 'p.boyle@zylker.com' };

describe('matchesCriteria', () => {
  it('matches one condition, and conditions joined by and / or', () => {
    expect(matchesCriteria('(Last_Name:equals:Boyle)', lead)).toBe(true);
    expect(matchesCriteria('((Last_Name:equals:Boyle)and(Company:starts_with:Zyl))', lead)).toBe(true);
    expect(matchesCriteria('((Last_Name:equals:Stewart)or(Email:equals:p.boyle@zylker.com))', lead)).toBe(true);
  });

  it('does not match a record that breaks a condition', () => {
    expect(matchesCriteria('((Last_Name:equals:Boyle)and(Company:starts_with:Acme))', lead)).toBe(false);
    expect(matchesCriteria('(Last_Name:not_equal:Boyle)', lead)).toBe(false);
  });

  it('reads equals on text as contains, as the v8 page says (ABC finds ABC Inc)', () => {
    expect(matchesCriteria('(Company:equals:Zylker)', lead)).toBe(true);
  });

  it('cannot say for an operator it does not evaluate, nor for criteria that do not parse', () => {
    expect(matchesCriteria('(Created_Time:between:2020-01-01,2021-01-01)', lead)).toBeUndefined();
    expect(matchesCriteria('(Last_Name:equals:Boyle', lead)).toBeUndefined();
    expect(matchesCriteria('((Last_Name:equals:Boyle)and(Company:equals:Z)or(Email:equals:x))', lead)).toBeUndefined();
  });
});
