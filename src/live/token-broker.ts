// The run's one token, held in the main process and served to the workers over loopback; refreshed at most once per expiry.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      let stale: unknown;
      try {
        stale = (JSON.parse(body || '{}') as { stale?: unknown }).stale;
      } catch {
        stale = undefined;
      }
      const needed = stale === current.accessToken || current.expiresAt - now() < EARLY_MS;
      (needed ? renew() : Promise.resolve(current)).then(
        (token) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ accessToken: token.accessToken, expiresAt: token.expiresAt })),
        (error: unknown) => res.writeHead(502, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: error instanceof Error ? error.message : 'refresh failed' })),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/token`,
    refreshes: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
