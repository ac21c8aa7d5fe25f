// The mock's HTTP edge: node:http on loopback, bounded body reads, socket-level faults, and the public MockServer.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientErrors, type RequestHead } from './client-errors.ts';
import { mockEnvironment, mockEnvironmentLines } from './mock-environment.ts';
import { MockState } from './mock-state.ts';
import type { OrgProfile } from './org-profile.ts';
import { compileOrgRules } from './org-rules.ts';
import { routeRequest } from './route-request.ts';
import { isWireFault, playWireFault } from './wire-faults.ts';
import { MOCK_CLIENT, PERSONA_REFRESH_TOKENS, handleTokenRequest, refreshesOf } from './oauth-token.ts';
import { topLevelError, type MockResponse } from './zoho-errors.ts';

const MAX_BODY = 1024 * 1024;
const MAX_LATENCY_MS = 30_000;

/** A running mock. */
export interface MockServer {
  /** The API domain: CRM and Bigin (and, like a gateway, Contracts too). */
  readonly url: string;
  readonly port: number;
  /** The Contracts host: Contracts paths only, as on Zoho where Contracts has its own host. */
  readonly contractsUrl: string;
  /** CRM calls allowed in flight at once (Infinity: no limit). */
  readonly concurrencyLimit: number;
  /** CRM calls in flight now, counted only while a limit applies. */
  inFlight(): number;
  /** Access tokens minted by /oauth/v2/token so far from the main refresh token, or from a persona's (`token_without_scope`...). */
  tokenRefreshes(persona?: string): number;
  /** A Self Client grant code the accounts server exchanges once for the refresh token. */
  readonly grantCode: string;
  /** Requests each host received, to prove requests went where the target mapped them. */
  requestsByHost(): Readonly<Record<'api' | 'contracts', number>>;
  /** Variables a collection run needs against this mock: api_domain, tokens, fixture ids. */
  readonly variables: Readonly<Record<string, string>>;
  /** `ZOHO_...=value` lines, as the standalone mock prints them. */
  environmentLines(): string[];
  /** Documented behaviours no request has provoked yet. */
  unprovoked(): string[];
  provoked(): Readonly<Record<string, number>>;
  getRecord(module: string, id: string): Readonly<Record<string, unknown>> | undefined;
  countRecords(module: string): number;
  close(): Promise<void>;
}

export interface MockOptions {
  readonly port?: number;
  /** Address to bind; 127.0.0.1 unless told otherwise. */
  readonly host?: string;
  readonly now?: () => Date;
  /** How long a client may take to send its headers (slow clients are cut off). Default 10 s. */
  readonly headersTimeoutMs?: number;
  /** Lifetime of tokens minted by /oauth/v2/token, in seconds (default 3600, as Zoho). */
  readonly tokenLifetimeSeconds?: number;
  /** The org to play (`--org`); the seeded demo org when absent. */
  readonly org?: OrgProfile;
  /** CRM calls allowed in flight at once; more answer 429. Default: the edition's limit with `org`, none without. */
  readonly concurrencyLimit?: number;
  /** Added to every answer, in milliseconds, so a rehearsal feels like the real network (`--latency`). */
  readonly latencyMs?: number;
}

/** Starts the mock on 127.0.0.1 (a free port unless one is given). */
export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const rules = options.org ? compileOrgRules(options.org) : undefined;
  const state = new MockState(options.now ?? (() => new Date()), options.tokenLifetimeSeconds ?? 3600, rules);
  const limit = options.concurrencyLimit ?? rules?.concurrencyLimit ?? Number.POSITIVE_INFINITY;
  const baseLatency = Math.min(Math.max(0, options.latencyMs ?? 0), MAX_LATENCY_MS);
  let inFlight = 0;
  const release = (): void => void (inFlight -= 1);
  const counts = { api: 0, contracts: 0 };
  const host = options.host ?? '127.0.0.1';
  // Node checks request timeouts on this interval: keep it under the headers timeout so slow clients are cut off in time.
  const checking = { connectionsCheckingInterval: Math.min(1_000, options.headersTimeoutMs ?? 10_000) };
  const [server, contractsServer] = (['api', 'contracts'] as const).map((name) =>
    createServer(checking, (req, res) => {
      counts[name] += 1;
      try {
        handle(name, req, res);
      } catch {
        send(res, topLevelError('INTERNAL_ERROR'));
      }
    }),
  ) as [Server, Server];
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const url = await listen(server, options.port ?? 0, host, headersTimeout, 'api', (head) => unparsed('api', head));
  const contractsUrl = await listen(contractsServer, 0, host, headersTimeout, 'contracts', (head) =>
    unparsed('contracts', head),
  );
  const port = Number(new URL(url).port);
  const variables = {
    api_domain: url,
    contracts_domain: contractsUrl,
    // The accounts server (the token endpoint) is the API domain: printed so a live rehearsal needs only these lines.
    accounts_url: url,
    ...state.variables,
    client_id: MOCK_CLIENT.clientId,
    client_secret: MOCK_CLIENT.clientSecret,
    refresh_token: MOCK_CLIENT.refreshToken,
    ...PERSONA_REFRESH_TOKENS,
  };
  return {
    url,
    port,
    contractsUrl,
    concurrencyLimit: limit,
    inFlight: () => inFlight,
    requestsByHost: () => ({ ...counts }),
    tokenRefreshes: (persona) =>
      persona ? refreshesOf(state, PERSONA_REFRESH_TOKENS[`refresh_${persona}`] ?? '') : state.tokenRefreshes.length,
    grantCode: MOCK_CLIENT.grantCode,
    variables,
    environmentLines: () => mockEnvironmentLines(variables),
    unprovoked: () => state.unprovoked(),
    provoked: () => state.provoked(),
    getRecord: (module, id) => state.records.get(module)?.get(id)?.fields,
    countRecords: (module) => state.records.get(module)?.size ?? 0,
    close: async () => {
      await Promise.all(
        [server, contractsServer].map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };

  // Synchronous from the body's last chunk to the answer (no promise in between): under load, answering in the same
  // tick as the request ends is worth a fifth of the mock's throughput.
  function handle(hostName: 'api' | 'contracts', req: IncomingMessage, res: ServerResponse): void {
    const target = req.url ?? '/';
    const query = target.indexOf('?');
    const path = query < 0 ? target : target.slice(0, query);
    if (req.method === 'GET' && path === '/__mock/environment')
      return send(res, { status: 200, body: mockEnvironment(variables) });
    const fault = header(req, 'x-mock-fault');
    if (isWireFault(fault)) return readBody(req, () => playWireFault(fault, req, res));
    if (limit !== Number.POSITIVE_INFINITY && path.startsWith('/crm/')) {
      // The edition's concurrency limit counts CRM calls in flight; one over it is turned away at once, uncounted.
      if (inFlight >= limit) return readBody(req, () => tooMany(res));
      inFlight += 1;
      res.once('close', release);
    }
    const latency =
      baseLatency + (fault?.startsWith('latency=') ? Math.min(Number(fault.slice(8)) || 0, MAX_LATENCY_MS) : 0);
    readBody(req, (body) => {
      if (body === undefined) return send(res, topLevelError('REQUEST_ENTITY_TOO_LARGE'));
      if (latency > 0) setTimeout(() => answer(hostName, path, req, res, body, fault), latency);
      else answer(hostName, path, req, res, body, fault);
    });
  }

  // A method Node's parser does not know (the Contracts sample's `UPDATE`) is still a request to the route its path
  // names: answered as that route answers any method it does not serve, in its page's wording. No handler reads the
  // body of a method it does not serve, so the head is all it needs.
  function unparsed(hostName: 'api' | 'contracts', head: RequestHead): MockResponse {
    counts[hostName] += 1;
    const handled = routeRequest(state, {
      method: head.method,
      url: head.target,
      body: '',
      host: hostName,
      authorization: head.headers.get('authorization'),
      fault: head.headers.get('x-mock-fault'),
    });
    for (const behaviour of handled.behaviours) state.provoke(behaviour);
    return handled.response;
  }

  function tooMany(res: ServerResponse): void {
    state.provoke('TOO_MANY_REQUESTS:concurrency');
    send(res, topLevelError('TOO_MANY_REQUESTS'));
  }

  function answer(
    hostName: 'api' | 'contracts',
    path: string,
    req: IncomingMessage,
    res: ServerResponse,
    body: string,
    fault: string | undefined,
  ): void {
    try {
      if (req.method === 'POST' && path === '/oauth/v2/token' && hostName === 'api') {
        const token = handleTokenRequest(
          state,
          new URL(req.url ?? '/', 'http://mock.invalid').searchParams,
          body,
          header(req, 'content-type'),
          url,
        );
        state.provoke(token.behaviour);
        return send(res, token.response);
      }
      const authorization = header(req, 'authorization');
      // Every key present, absent values undefined: one object shape for every request.
      const handled = routeRequest(state, {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        body,
        host: hostName,
        authorization,
        fault,
      });
      for (const behaviour of handled.behaviours) state.provoke(behaviour);
      send(res, handled.response);
    } catch {
      send(res, topLevelError('INTERNAL_ERROR'));
    }
  }
}

/** Listens on loopback (unless told otherwise) with bounded timeouts; requests Node's parser rejects go to `unparsed`. */
async function listen(
  server: Server,
  port: number,
  host: string,
  headersTimeout: number,
  hostName: 'api' | 'contracts',
  unparsed: (head: RequestHead) => MockResponse,
): Promise<string> {
  server.requestTimeout = 30_000;
  server.headersTimeout = headersTimeout;
  answerClientErrors(server, hostName, headersTimeout, unparsed);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: bound, address } = server.address() as AddressInfo;
  return `http://${address.includes(':') ? `[${address}]` : address}:${bound}`;
}

/** Keeps at most 1 MiB; undefined when the body is larger (answered 413). The rest is drained, not stored, so the client can finish sending and read the answer; the request timeout bounds how long. */
function readBody(req: IncomingMessage, then: (body: string | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk);
  });
  // 'end' and 'error' come at most once each: plain listeners spare the wrappers `once` allocates per request.
  req.on('end', () =>
    then(
      size > MAX_BODY
        ? undefined
        : (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString('utf8'),
    ),
  );
  // A client that goes away mid-body: nothing to answer, and nothing may crash the mock.
  req.on('error', ignore);
}

function ignore(): void {}

/** The first value of a header, read from the raw list: `req.headers` builds an object per request on first access. */
function header(req: IncomingMessage, name: string): string | undefined {
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2)
    if (raw[i]?.length === name.length && raw[i]?.toLowerCase() === name) return raw[i + 1];
  return undefined;
}

function send(res: ServerResponse, response: MockResponse): void {
  if (res.headersSent) return;
  if (response.status === 204) {
    res.writeHead(204).end();
    return;
  }
  const text = JSON.stringify(response.body);
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json;charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  };
  if (response.headers) Object.assign(headers, response.headers);
  res.writeHead(response.status, headers);
  res.end(text);
}
