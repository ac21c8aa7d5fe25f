// Zoho's rate limits: a throttled answer (429 / TOO_MANY_REQUESTS) is sent again after the wait the server asks for.

import type { Exchange } from './newman-exchange.ts';

/** At most this many extra attempts per throttled request. */
export const MAX_THROTTLE_RETRIES = 3;
/** Never wait longer than this for one retry, whatever the server says. */
const MAX_WAIT_MS = 30_000;

/** True when the answer says "slow down": HTTP 429 or a TOO_MANY_REQUESTS code. */
export function isThrottled(exchange: Exchange | undefined): boolean {
  if (!exchange?.response) return false;
  return exchange.response.status === 429 || /"code"\s*:\s*"TOO_MANY_REQUESTS"/.test(exchange.response.body);
}

/** How long to wait: Retry-After (seconds or a date), else X-RATELIMIT-RESET, else exponential backoff from 500 ms. */
export function throttleWaitMs(exchange: Exchange, attempt: number, now: number = Date.now()): number {
  const headers = Object.fromEntries(
    Object.entries(exchange.response?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const fromHeader = (value: string | undefined): number | undefined => {
    if (!value) return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds)) return seconds * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : date - now;
  };
  const wait = fromHeader(headers['retry-after']) ?? fromHeader(headers['x-ratelimit-reset']) ?? 500 * 2 ** attempt;
  return Math.min(MAX_WAIT_MS, Math.max(0, wait));
}
