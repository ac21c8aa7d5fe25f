// The live HTTP edge for everything that is not a case (metadata, fixtures, clean-up): the run's token, a bound on
// calls in flight (the org's concurrency limit), a timeout per call, and a count of calls per step for the credits.

import { createCallBound, type CallBound } from '../call-bound.ts';
import { TargetUnreachableError } from '../errors.ts';

const MAX_THROTTLE_RETRIES = 3;
const MAX_WAIT_MS = 30_000;

/** One answer, its body parsed when it is JSON. */
export interface OrgAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** A step of the run: calls that go out side by side, after the step before has ended. */
export interface CallStep {
  readonly name: string;
  readonly calls: number;
}

/** Talks to the org's API with the run's token. */
export interface OrgClient {
  readonly apiDomain: string;
  readonly version: string;
  /** Calls in flight at most (the org's concurrency limit once its edition is known). */
  limit(): number;
  setLimit(limit: number): void;
  /** Replaces the token (the broker renewed it). */
  useToken(token: string): void;
  /** Starts counting the following calls under this step's name. */
  step(name: string): void;
  call(method: string, path: string, body?: unknown): Promise<OrgAnswer>;
  steps(): readonly CallStep[];
  /** The credits the org said are left today, where an answer carried X-RATELIMIT-DAY-REMAINING (the last one seen). */
  remaining(): number | undefined;
}

/**
 * A client bounded to `limit` calls in flight, or to a `bound` it shares with the run's newman runs (its calls then go
 * ahead of theirs); every call has a timeout, and a call that gets no answer throws.
 */
export function createOrgClient(input: {
  apiDomain: string;
  accessToken: string;
  version?: string;
  limit: number | CallBound;
  timeoutMs?: number;
}): OrgClient {
  let token = input.accessToken;
  const bound = typeof input.limit === 'number' ? createCallBound(input.limit) : input.limit;
  const steps: Array<{ name: string; calls: number }> = [];
  let remaining: number | undefined;
  return {
    apiDomain: input.apiDomain,
    version: input.version ?? 'v8',
    limit: () => bound.limit(),
    setLimit: (value) => bound.setLimit(value),
    useToken: (fresh) => void (token = fresh),
    step: (name) => void steps.push({ name, calls: 0 }),
    steps: () => steps.map((s) => ({ ...s })),
    remaining: () => remaining,
    async call(method, path, body) {
      // The org's limit is shared with its other integrations: a 429 is waited out (bounded) rather than taken as a refusal.
      for (let attempt = 0; ; attempt += 1) {
        const answer = await once(method, path, body);
        if (answer.status !== 429 || attempt >= MAX_THROTTLE_RETRIES) return answer;
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(MAX_WAIT_MS, answer.retryAfterMs ?? 500 * 2 ** attempt)),
        );
      }
    },
  };

  async function once(method: string, path: string, body: unknown): Promise<OrgAnswer & { retryAfterMs?: number }> {
    await bound.acquire(true);
    const current =
      steps.at(-1) ?? (steps.push({ name: 'other', calls: 0 }), steps[0] as { name: string; calls: number });
    current.calls += 1;
    try {
      const response = await fetch(`${input.apiDomain}${path}`, {
        method,
        headers: {
          Authorization: `Zoho-oauthtoken ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(input.timeoutMs ?? 30_000),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        // not JSON: kept as text, which callers treat as a refusal
      }
      // The legacy SDKs read the day's allowance from this header; whether v8 sends it is UNCONFIRMED (zoho-notes.md §3).
      const left = Number(response.headers.get('x-ratelimit-day-remaining') ?? Number.NaN);
      if (Number.isSafeInteger(left) && left >= 0) remaining = left;
      const retryAfter = Number(response.headers.get('retry-after'));
      return {
        status: response.status,
        body: parsed,
        ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
      };
    } catch (error) {
      throw new TargetUnreachableError(input.apiDomain, `${method} ${path.split('?')[0] ?? path} got no answer`, {
        cause: error,
      });
    } finally {
      bound.release();
    }
  }
}

/** The `code` of a Zoho answer (top-level error, or the first `data[]` entry), for one-line reasons. */
export function answerCode(answer: OrgAnswer): string {
  const body = typeof answer.body === 'object' && answer.body !== null ? (answer.body as Record<string, unknown>) : {};
  const entry =
    Array.isArray(body['data']) && typeof body['data'][0] === 'object' && body['data'][0] !== null
      ? (body['data'][0] as Record<string, unknown>)
      : body;
  return typeof entry['code'] === 'string' ? entry['code'] : `HTTP ${answer.status}`;
}
