// A loopback proxy in front of the mock playing an org that misbehaves one way: it answers the requests `intercept`
// picks itself (never forwarding them, so the mock holds no record the run does not know of), forwards the rest, and
// counts the calls in flight at once (what an org's concurrency limit counts).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The request as the proxy saw it: method, path with query, and the body's text. */
export interface OrgRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
}

/** An answer the proxy gives itself, or the upstream answer edited. */
export interface OrgAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface OrgProxy {
  readonly url: string;
  /** The most calls that were in flight at once so far. */
  mostInFlight(): number;
  close(): Promise<void>;
}

/**
 * Starts the proxy. `intercept` may answer a request itself (returned answer), or edit the upstream's answer
 * (`edit`); anything else is forwarded as it is.
 */
export async function startOrgProxy(
  upstream: string,
  options: {
    intercept?: (request: OrgRequest) => OrgAnswer | undefined;
    edit?: (request: OrgRequest, answer: OrgAnswer) => OrgAnswer;
  } = {},
): Promise<OrgProxy> {
  let inFlight = 0;
  let most = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const request = { method: req.method ?? 'GET', path: req.url ?? '/', body: Buffer.concat(chunks).toString() };
      let answer = options.intercept?.(request);
      if (!answer) {
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(req.headers))
          if (typeof value === 'string' && key !== 'host' && key !== 'content-length') headers[key] = value;
        const response = await fetch(`${upstream}${request.path}`, {
          method: request.method,
          headers,
          ...(request.body ? { body: request.body } : {}),
        });
        const text = await response.text();
        let body: unknown = text;
        try {
          body = text ? (JSON.parse(text) as unknown) : '';
        } catch {
          // not JSON: passed on as text
        }
        answer = options.edit
          ? options.edit(request, { status: response.status, body })
          : { status: response.status, body };
      }
      res.writeHead(answer.status, { 'content-type': 'application/json;charset=utf-8' });
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    } finally {
      inFlight -= 1;
    }
  };
  const server: Server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    mostInFlight: () => most,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A record insert (`POST /crm/v8/Leads`, `POST /bigin/v1/Products`), not a lock or any other POST. */
export function isInsert(request: OrgRequest, module?: string): boolean {
  const match = /^\/(?:crm\/v\d+(?:\.\d+)?|bigin\/v\d+)\/([A-Za-z0-9_]+)(?:\?.*)?$/.exec(request.path);
  return request.method === 'POST' && match !== null && (module === undefined || match[1] === module);
}
