// A loopback proxy in front of the mock that breaks each answer one chosen way: the "server that breaks the contract".

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A response as the proxy sees it; return the broken version. */
export interface ProxiedResponse {
  status: number;
  body: string;
  /** The Content-Type sent back: JSON when absent, no header at all when null. */
  contentType?: string | null;
}

/** The request that produced the response, for breakages that pick their victims. */
export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  /** Lower-case header names, as Node gives them. */
  readonly headers: Readonly<Record<string, string>>;
}

export type Breakage = (response: ProxiedResponse, request: ProxiedRequest) => ProxiedResponse;

/**
 * Forwards every request to `upstream` and passes the answer through `breakage`. `hold`, given the request's number
 * (1, 2, ...) and the request itself, may return a promise the request waits on before it is forwarded.
 */
export async function startBreakingProxy(
  upstream: string,
  breakage: Breakage,
  delayMs = 0,
  hold?: (count: number, request: IncomingMessage) => Promise<void> | undefined,
): Promise<{ url: string; close: () => Promise<void> }> {
  let count = 0;
  const forward = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    count += 1;
    await hold?.(count, req);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers))
      if (typeof value === 'string' && key !== 'host' && key !== 'content-length') headers[key] = value;
    const method = req.method ?? 'GET';
    const upstreamResponse = await fetch(`${upstream}${req.url ?? '/'}`, {
      method,
      headers,
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const broken = breakage(
      { status: upstreamResponse.status, body: await upstreamResponse.text() },
      { method, path: req.url ?? '/', headers },
    );
    res.writeHead(
      broken.status,
      broken.contentType === null ? {} : { 'content-type': broken.contentType ?? 'application/json;charset=utf-8' },
    );
    res.end(broken.body);
  };
  // A client that hangs up mid-request (a killed run) is no fault of the proxy's: its answer is dropped.
  const server: Server = createServer((req, res) => void forward(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Applies `edit` to the parsed JSON body, when it is JSON. */
export function editJson(edit: (body: Record<string, unknown>) => unknown): Breakage {
  return (response) => {
    try {
      return {
        status: response.status,
        body: JSON.stringify(edit(JSON.parse(response.body) as Record<string, unknown>)),
      };
    } catch {
      return response;
    }
  };
}
