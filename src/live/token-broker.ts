// The run's one token, held in the main process and served to the workers over loopback; refreshed at most once per expiry.

import { readBody, startLoopbackServer } from '../loopback-server.ts';
import type { AccessToken } from './refresh-token.ts';

const EARLY_MS = 60_000;

/** A loopback endpoint the workers ask for a fresh token when theirs is rejected or about to expire. */
export interface TokenBroker {
  readonly url: string;
  refreshes(): number;
  close(): Promise<void>;
}

/** POST {"stale": token} -> {"accessToken", "expiresAt"}: refreshes only if `stale` is still the current token or it expires within a minute. */
export async function startTokenBroker(initial: AccessToken, refresh: () => Promise<AccessToken>, now: () => number = Date.now): Promise<TokenBroker> {
  let current = initial;
  let pending: Promise<AccessToken> | undefined;
  let count = 0;
  const renew = (): Promise<AccessToken> => {
    // Single flight: workers rejected at the same moment share one refresh.
    pending ??= refresh()
      .then((token) => {
        current = token;
        count += 1;
        return token;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
  const server = await startLoopbackServer((req, res) => {
    readBody(req).then((body) => {
      const needed = readStale(body) === current.accessToken || current.expiresAt - now() < EARLY_MS;
      return (needed ? renew() : Promise.resolve(current)).then(
        (token) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ accessToken: token.accessToken, expiresAt: token.expiresAt })),
        (error: unknown) => res.writeHead(502, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: error instanceof Error ? error.message : 'refresh failed' })),
      );
    }, () => res.destroy()); // the worker went away mid-request: nothing to answer
  });
  return { url: `${server.url}/token`, refreshes: () => count, close: server.close };
}

/** The token a worker says was rejected, if its body names one. */
function readStale(body: string): unknown {
  try {
    return (JSON.parse(body || '{}') as { stale?: unknown }).stale;
  } catch {
    return undefined;
  }
}
