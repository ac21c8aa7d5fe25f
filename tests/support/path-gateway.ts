// A loopback gateway that serves an upstream under a path (`/zoho/...` -> upstream `/...`) and answers 404 elsewhere,
// as an API gateway in front of Zoho does.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Hop-by-hop and length headers: the gateway sends its own. */
const NOT_FORWARDED = /^(host|connection|keep-alive|transfer-encoding|content-length)$/i;

/** Starts the gateway; `url` is its base URL with the path (`http://127.0.0.1:PORT/zoho`). */
export async function startPathGateway(
  upstream: string,
  prefix: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const forward = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = req.url ?? '/';
    if (path !== prefix && !path.startsWith(`${prefix}/`) && !path.startsWith(`${prefix}?`)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no route ${path}`);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers))
      if (typeof value === 'string' && !NOT_FORWARDED.test(key)) headers[key] = value;
    const answer = await fetch(`${upstream}${path.slice(prefix.length) || '/'}`, {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    const out: Record<string, string> = {};
    answer.headers.forEach((value, key) => {
      if (!NOT_FORWARDED.test(key) && key !== 'content-encoding') out[key] = value;
    });
    res.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
  };
  // A client that hangs up mid-request is no fault of the gateway's: its answer is dropped.
  const server = createServer((req, res) => void forward(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
