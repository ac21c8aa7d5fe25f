// A script-free newman run is given only what its requests reference: the run's variables they use (directly or
// through a collection variable), no saved examples, no unused collection variable. What goes out is unchanged.

import { describe, expect, it } from 'vitest';
import { runNewman } from '../../../src/harness/newman/index.ts';
import type { Target } from '../../../src/harness/index.ts';
import { startLoopbackServer } from '../../../src/loopback-server.ts';

describe('runNewman without sandbox tests', () => {
  it('resolves a request through a collection variable and the target, among hundreds of variables it does not use', async () => {
    const seen: Array<{ url: string; auth: string }> = [];
    const server = await startLoopbackServer((req, res) => {
      seen.push({ url: req.url ?? '', auth: String(req.headers['authorization']) });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"data":[]}');
    });
    try {
      const variables: Record<string, string> = { access_token: 'tok-1', area: 'crm', record_id: '42' };
      for (let i = 1; i <= 300; i += 1) variables[`bulk_id_${String(i).padStart(3, '0')}`] = String(1000 + i);
      const target: Target = { kind: 'url', name: 'probe', apiDomain: server.url, variables, secrets: ['tok-1'] };
      const item = {
        id: 'probe.item.one',
        name: 'one',
        request: {
          method: 'PUT',
          url: '{{api_domain}}/{{prefix}}/Leads/{{record_id}}',
          header: [{ key: 'Authorization', value: 'Zoho-oauthtoken {{access_token}}' }],
        },
        // A saved example, as the generated collections carry them: newman never sends it.
        response: [{ name: 'example', code: 200, body: '{"data":[]}', originalRequest: { method: 'PUT', url: 'x' } }],
      };
      const output = await runNewman({
        collection: {
          info: { name: 'probe', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
          variable: [
            { key: 'prefix', value: '{{area}}/v8' },
            { id: 'response_schema', value: '{"type":"object"}' },
          ],
          item: [],
        },
        items: [item],
        target,
        timeoutMs: 5_000,
        sandboxTests: false,
      });
      expect(seen).toEqual([{ url: '/crm/v8/Leads/42', auth: 'Zoho-oauthtoken tok-1' }]);
      expect(output.exchanges.get('probe.item.one')?.response?.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
