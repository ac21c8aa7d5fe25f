// The run's tokens (its own and each persona's), held in the main process and served to the workers over loopback;
// each refreshed at most once per expiry, whoever asks.

import { readBody, startLoopbackServer } from '../loopback-server.ts';
import type { AccessToken } from './refresh-token.ts';

const EARLY_MS = 60_000;
const MAIN = 'access_token';

/** A loopback endpoint the workers ask for a fresh token when theirs is rejected or about to expire. */
export interface TokenBroker {
  readonly url: string;
  /** Refreshes since the start, of one token variable (the run's own by default). */
  refreshes(variable?: string): number;
  close(): Promise<void>;
}

/** One token the broker holds: its current value and how to mint the next. */
export interface BrokeredToken {
  readonly initial: AccessToken;
  readonly refresh: () => Promise<AccessToken>;
}

/** A token with single-flight renewal: callers rejected at the same moment share one refresh. */
function holdToken(token: BrokeredToken): {
  current: () => AccessToken;
  renew: () => Promise<AccessToken>;
  count: () => number;
} {
  let current = token.initial;
  let pending: Promise<AccessToken> | undefined;
  let count = 0;
  const renew = (): Promise<AccessToken> => {
    pending ??= token
      .refresh()
      .then((fresh) => {
        current = fresh;
        count += 1;
        return fresh;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
  return { current: () => current, renew, count: () => count };
}

/**
 * POST {"variable"?, "stale"?} -> {"accessToken", "expiresAt"}: the token of `variable` (the run's own when absent),
 * refreshed only if `stale` is still its current value or it expires within a minute. POST {"all": true} -> {"tokens":
 * {variable: {accessToken, expiresAt}}}, each token about to expire renewed first.
 */
export async function startTokenBroker(
  initial: AccessToken,
  refresh: () => Promise<AccessToken>,
  now: () => number = Date.now,
  personas: Readonly<Record<string, BrokeredToken>> = {},
): Promise<TokenBroker> {
  const held = new Map(
    Object.entries({ ...personas, [MAIN]: { initial, refresh } }).map(([variable, token]) => [
      variable,
      holdToken(token),
    ]),
  );
  const freshOf = (variable: string, stale: unknown): Promise<AccessToken> | undefined => {
    const token = held.get(variable);
    if (!token) return undefined;
    const needed = stale === token.current().accessToken || token.current().expiresAt - now() < EARLY_MS;
    return needed ? token.renew() : Promise.resolve(token.current());
  };
  const answer = async (body: { variable?: unknown; stale?: unknown; all?: unknown }): Promise<unknown> => {
    if (body.all === true) {
      const tokens = await Promise.all(
        [...held.keys()].map(
          async (variable) => [variable, wire(await (freshOf(variable, undefined) as Promise<AccessToken>))] as const,
        ),
      );
      return { tokens: Object.fromEntries(tokens) };
    }
    const fresh = freshOf(typeof body.variable === 'string' ? body.variable : MAIN, body.stale);
    if (!fresh) throw new Error(`no token ${String(body.variable)} in this run`);
    return wire(await fresh);
  };
  const server = await startLoopbackServer((req, res) => {
    readBody(req).then(
      (text) =>
        answer(parseBody(text)).then(
          (reply) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply)),
          (error: unknown) =>
            res
              .writeHead(502, { 'Content-Type': 'application/json' })
              .end(JSON.stringify({ error: error instanceof Error ? error.message : 'refresh failed' })),
        ),
      () => res.destroy(),
    ); // the worker went away mid-request: nothing to answer
  });
  return {
    url: `${server.url}/token`,
    refreshes: (variable = MAIN) => held.get(variable)?.count() ?? 0,
    close: server.close,
  };
}

function wire(token: AccessToken): { accessToken: string; expiresAt: number } {
  return { accessToken: token.accessToken, expiresAt: token.expiresAt };
}

function parseBody(text: string): { variable?: unknown; stale?: unknown; all?: unknown } {
  try {
    const value: unknown = JSON.parse(text || '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
