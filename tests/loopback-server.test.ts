// The run's small loopback servers: a free port on 127.0.0.1 each, a request's body read whole, a close that no
// kept-alive client holds open.

import { Agent, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { readBody, startLoopbackServer } from '../src/loopback-server.ts';

/** POSTs `body` in several chunks through `agent`; resolves with the status and the answer's text. */
function post(
  url: string,
  chunks: readonly (string | Buffer)[],
  agent?: Agent,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', ...(agent ? { agent } : {}) }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const echo = startLoopbackServer.bind(
  undefined,
  (req, res) => void readBody(req).then((body) => res.writeHead(200).end(`got ${body}`)),
);

describe('a loopback server', () => {
  it('listens on 127.0.0.1 at a port of its own, and reads a body sent in chunks whole, multi-byte characters included', async () => {
    const [one, two] = await Promise.all([echo(), echo()]);
    try {
      expect(one.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(one.url).not.toBe(two.url);
      expect(await post(one.url, ['{"a":', '1}'])).toEqual({ status: 200, text: 'got {"a":1}' });
      // A character split between two chunks is decoded once the body is whole, not chunk by chunk.
      const euro = Buffer.from('€');
      expect(await post(two.url, ['café ', euro.subarray(0, 1), euro.subarray(1)])).toEqual({
        status: 200,
        text: 'got café €',
      });
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('closes while a client keeps its connection alive, and refuses connections after', async () => {
    const server = await echo();
    const agent = new Agent({ keepAlive: true });
    expect((await post(server.url, ['x'], agent)).status).toBe(200);
    await server.close();
    await expect(post(server.url, ['x'])).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    agent.destroy();
  });
});
