// Live mode's own client (metadata, fixtures, clean-up): the org's limit kept, a 429 waited out, every call counted by step.

import { describe, expect, it } from 'vitest';
import { createOrgClient } from '../../src/live/index.ts';
import { startLoopbackServer } from '../../src/loopback-server.ts';

describe('createOrgClient', () => {
  it('keeps to its limit, sends a throttled call again after Retry-After, and counts every call under its step', async () => {
    let inFlight = 0;
    let most = 0;
    let throttled = 0;
    const server = await startLoopbackServer((req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      const first = req.url === '/throttle' && throttled++ === 0;
      setTimeout(() => {
        inFlight -= 1;
        if (first)
          res
            .writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '0.05' })
            .end('{"code":"TOO_MANY_REQUESTS"}');
        else res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"data":[]}');
      }, 20);
    });
    try {
      const client = createOrgClient({ apiDomain: server.url, accessToken: 't', limit: 3 });
      client.step('wave');
      await Promise.all(Array.from({ length: 9 }, () => client.call('GET', '/any')));
      client.step('throttled');
      expect((await client.call('GET', '/throttle')).status).toBe(200);
      expect(most).toBe(3);
      expect(client.steps()).toEqual([
        { name: 'wave', calls: 9 },
        { name: 'throttled', calls: 2 },
      ]);
    } finally {
      await server.close();
    }
  });
});
