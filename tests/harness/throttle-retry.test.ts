import { describe, expect, it } from 'vitest';
import { isThrottled, throttleWaitMs, type Exchange } from '../../src/harness/index.ts';

const exchange = (status: number, headers: Record<string, string> = {}, body = '{}'): Exchange => ({
  itemId: 'i',
  method: 'PUT',
  url: 'u',
  requestHeaders: {},
  response: { status, headers, body, timeMs: 1 },
});

describe('throttle handling', () => {
  it('recognises 429 and TOO_MANY_REQUESTS bodies, and nothing else', () => {
    expect(isThrottled(exchange(429))).toBe(true);
    expect(isThrottled(exchange(400, {}, '{"code": "TOO_MANY_REQUESTS","status":"error"}'))).toBe(true);
    expect(isThrottled(exchange(500))).toBe(false);
    expect(isThrottled(undefined)).toBe(false);
  });

  it('waits as Retry-After says (seconds or a date), else as the rate-limit reset says, else backs off, never past 30 s', () => {
    expect(throttleWaitMs(exchange(429, { 'Retry-After': '2' }), 0)).toBe(2000);
    expect(throttleWaitMs(exchange(429, { 'retry-after': new Date(10_000).toUTCString() }), 0, 7_000)).toBe(3000);
    expect(throttleWaitMs(exchange(429, { 'X-RATELIMIT-RESET': '1' }), 0)).toBe(1000);
    expect([0, 1, 2].map((attempt) => throttleWaitMs(exchange(429), attempt))).toEqual([500, 1000, 2000]);
    expect(throttleWaitMs(exchange(429, { 'Retry-After': '3600' }), 0)).toBe(30_000);
  });
});
