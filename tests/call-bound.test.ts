// The one bound on calls in flight a live run shares between its org client and its newman runs.

import { describe, expect, it } from 'vitest';
import { createCallBound } from '../src/call-bound.ts';

/** Acquires, records the order slots are granted in, and hands back the release. */
function holder(bound: ReturnType<typeof createCallBound>, name: string, order: string[], first = false) {
  return bound.acquire(first).then(() => {
    order.push(name);
    return () => bound.release();
  });
}

describe('createCallBound', () => {
  it('grants at most its limit at once, and a caller asking first goes ahead of every other waiting caller', async () => {
    const bound = createCallBound(2);
    const order: string[] = [];
    const a = await holder(bound, 'a', order);
    const b = await holder(bound, 'b', order);
    const c = holder(bound, 'c', order);
    const d = holder(bound, 'd', order, true);
    await Promise.resolve();
    expect(order).toEqual(['a', 'b']);
    a();
    const releaseD = await d;
    expect(order).toEqual(['a', 'b', 'd']);
    b();
    await c;
    expect(order).toEqual(['a', 'b', 'd', 'c']);
    releaseD();
  });

  it('starts waiting callers when its limit is raised, and none beyond a lowered one', async () => {
    const bound = createCallBound(1);
    const order: string[] = [];
    const a = await holder(bound, 'a', order);
    const b = holder(bound, 'b', order);
    bound.setLimit(2);
    await b;
    expect(order).toEqual(['a', 'b']);
    bound.setLimit(1);
    const c = holder(bound, 'c', order);
    a();
    await Promise.resolve();
    expect(order).toEqual(['a', 'b']);
    (await b)();
    await c;
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('within another, holds a slot of both: a share of the limit never takes more than the whole', async () => {
    const whole = createCallBound(3);
    const share = createCallBound(2, whole);
    const order: string[] = [];
    const s1 = await holder(share, 's1', order);
    await holder(share, 's2', order);
    const s3 = holder(share, 's3', order);
    const w1 = await holder(whole, 'w1', order);
    const w2 = holder(whole, 'w2', order);
    await Promise.resolve();
    // The share is full at 2, and the whole at 3 (two of the share's and w1).
    expect(order).toEqual(['s1', 's2', 'w1']);
    s1();
    // s1 let go of a slot of each: the whole's goes to w2, which was waiting on it first; s3 then waits on the whole.
    await w2;
    expect(order).toEqual(['s1', 's2', 'w1', 'w2']);
    w1();
    await s3;
    expect(order).toEqual(['s1', 's2', 'w1', 'w2', 's3']);
  });
});
