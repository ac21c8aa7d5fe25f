import { describe, expect, it } from 'vitest';
import { startTokenBroker, type AccessToken } from '../../src/live/index.ts';

const HOUR = 3_600_000;

describe('token broker', () => {
  it('refreshes once for workers rejected at the same moment, and not again for a token already replaced', async () => {
    let minted = 0;
    const broker = await startTokenBroker({ accessToken: 't0', expiresAt: Date.now() + HOUR }, async (): Promise<AccessToken> => {
      minted += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { accessToken: `t${minted}`, expiresAt: Date.now() + HOUR };
    });
    try {
      const ask = async (stale?: string) => ((await (await fetch(broker.url, { method: 'POST', body: JSON.stringify(stale ? { stale } : {}) })).json()) as { accessToken: string }).accessToken;
      expect(await Promise.all([ask('t0'), ask('t0'), ask('t0')])).toEqual(['t1', 't1', 't1']);
      expect(await ask('t0')).toBe('t1');
      expect(await ask()).toBe('t1');
      expect(broker.refreshes()).toBe(1);
    } finally {
      await broker.close();
    }
  });

  it('renews a token within a minute of expiry even when nobody says it is stale', async () => {
    const broker = await startTokenBroker({ accessToken: 'old', expiresAt: Date.now() + 30_000 }, async () => ({ accessToken: 'new', expiresAt: Date.now() + HOUR }));
    try {
      const answer = (await (await fetch(broker.url, { method: 'POST', body: '{}' })).json()) as { accessToken: string };
      expect(answer.accessToken).toBe('new');
    } finally {
      await broker.close();
    }
  });
});
