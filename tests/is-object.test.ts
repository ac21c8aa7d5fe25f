import { describe, expect, it } from 'vitest';
import { isObject } from '../src/is-object.ts';

describe('isObject', () => {
  it('holds for objects whose keys can be read as JSON', () => {
    expect([{}, { a: 1 }, Object.create(null), new Map()].map(isObject)).toEqual([true, true, true, true]);
  });

  it('does not hold for null, arrays or primitives', () => {
    expect([null, undefined, [], [1], 'a', 1, true, () => 1].map(isObject)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
