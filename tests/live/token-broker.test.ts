import { describe, expect, it } from 'vitest';
import { startTokenBroker, type AccessToken } from '../../src/live/index.ts';

const HOUR = 3_600_000;

describe('token broker', () => {
  it('refreshes once for workers rejected at the same moment, and not again for a token already replaced', async () => {
    let minted = 0;
    const broker = await startTokenBroker(
      { accessToken: 't0', expiresAt: Date.now() + HOUR },
      async (): Promise<AccessToken> => {
        minted += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return { accessToken: `t${minted}`, expiresAt: Date.now() + HOUR };
      },
    );
    try {
      const ask = async (stale?: string) =>
        (
          (await (
            await fetch(broker.url, { method: 'POST', body: JSON.stringify(stale ? { stale } : {}) })
          ).json()) as { accessToken: string }
        ).accessToken;
      expect(await Promise.all([ask('t0'), ask('t0'), ask('t0')])).toEqual(['t1', 't1', 't1']);
      expect(await ask('t0')).toBe('t1');
      expect(await ask()).toBe('t1');
      expect(broker.refreshes()).toBe(1);
    } finally {
      await broker.close();
    }
  });

  it('renews a token within a minute of expiry even when nobody says it is stale', async () => {
    const broker = await startTokenBroker({ accessToken: 'old', expiresAt: Date.now() + 30_000 }, async () => ({
      accessToken: 'new',
      expiresAt: Date.now() + HOUR,
    }));
    try {
      const answer = (await (await fetch(broker.url, { method: 'POST', body: '{}' })).json()) as {
        accessToken: string;
      };
      expect(answer.accessToken).toBe('new');
    } finally {
      await broker.close();
    }
  });
});

describe('token broker with personas', () => {
  it('holds each persona token apart: a stale persona token renews only that one, once for callers at the same moment', async () => {
    const minted: Record<string, number> = {};
    const mint = (name: string) => async (): Promise<AccessToken> => {
      minted[name] = (minted[name] ?? 0) + 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { accessToken: `${name}${minted[name]}`, expiresAt: Date.now() + HOUR };
    };
    const broker = await startTokenBroker(
      { accessToken: 'main0', expiresAt: Date.now() + HOUR },
      mint('main'),
      Date.now,
      {
        token_without_scope: {
          initial: { accessToken: 'scope0', expiresAt: Date.now() + HOUR },
          refresh: mint('scope'),
        },
        token_no_permission: {
          initial: { accessToken: 'perm0', expiresAt: Date.now() + 10_000 },
          refresh: mint('perm'),
        },
      },
    );
    try {
      const ask = async (body: object) =>
        (await (await fetch(broker.url, { method: 'POST', body: JSON.stringify(body) })).json()) as Record<
          string,
          unknown
        >;
      const same = await Promise.all([1, 2, 3].map(() => ask({ variable: 'token_without_scope', stale: 'scope0' })));
      expect(same.map((a) => a['accessToken'])).toEqual(['scope1', 'scope1', 'scope1']);
      expect([broker.refreshes(), broker.refreshes('token_without_scope')]).toEqual([0, 1]);
      // {all: true} hands every token over, renewing the one about to expire (perm0, ten seconds left) and no other.
      const all = (await ask({ all: true }))['tokens'] as Record<string, { accessToken: string }>;
      expect(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.accessToken]))).toEqual({
        access_token: 'main0',
        token_without_scope: 'scope1',
        token_no_permission: 'perm1',
      });
      expect(minted).toEqual({ scope: 1, perm: 1 });
    } finally {
      await broker.close();
    }
  });
});
