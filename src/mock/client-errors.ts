// What the mock answers a request Node's parser rejected: an unknown method is answered as the route its path names
// would answer it, so the Contracts `UPDATE` behind one host with CRM gets Contracts' wording; everything else
// (a header flood, a slow client, bytes that are no request) gets the server's own short answer.

import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { topLevelError, type Json, type MockResponse } from './zoho-errors.ts';

/** The head of a request, read from the bytes Node's parser kept: its method, target and headers (names lower-case). */
export interface RequestHead {
  readonly method: string;
  readonly target: string;
  readonly headers: ReadonlyMap<string, string>;
}

/** A head longer than this is not waited for (Node's own header limit is 16 KiB). */
const MAX_HEAD = 64 * 1024;
/** The first line so far can still become `METHOD target HTTP/1.x` (a TLS hello or binary noise cannot). */
const REQUEST_LINE_PREFIX = /^[!#$%&'*+.^_`|~0-9A-Za-z-]*(?: [\x21-\x7e]*(?: [\x21-\x7e]*)?)?$/;
const REQUEST_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\S+) HTTP\/1\.[01]$/;

/** The request head in `bytes`; 'incomplete' while its blank line has not arrived; undefined when it is no request. */
export function readRequestHead(bytes: Buffer): RequestHead | 'incomplete' | undefined {
  const text = bytes.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const firstLineEnd = text.indexOf('\r\n');
  const firstLine = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
  if (firstLineEnd < 0) return REQUEST_LINE_PREFIX.test(firstLine) ? 'incomplete' : undefined;
  const line = REQUEST_LINE.exec(firstLine);
  if (!line) return undefined;
  if (end < 0) return 'incomplete';
  const headers = new Map<string, string>();
  for (const field of text.slice(firstLineEnd + 2, end).split('\r\n')) {
    const colon = field.indexOf(':');
    const name = field.slice(0, colon).trim().toLowerCase();
    // The first value wins, as the mock's `header()` reads the raw list.
    if (colon > 0 && !headers.has(name)) headers.set(name, field.slice(colon + 1).trim());
  }
  return { method: line[1] ?? '', target: line[2] ?? '/', headers };
}

/**
 * Answers requests the parser rejects on `server`. Node rejects a method it does not know before any handler sees the
 * path, and then hands each further packet of that request to `clientError` again: the bytes are gathered until the
 * head is complete (most clients send it in one packet), then `route` answers it as any request with that method.
 */
export function answerClientErrors(
  server: Server,
  hostName: 'api' | 'contracts',
  headersTimeout: number,
  route: (head: RequestHead) => MockResponse,
): void {
  const gathered = new WeakMap<Socket, { bytes: Buffer; timer: NodeJS.Timeout }>();
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return;
    const packet: unknown = (error as { rawPacket?: unknown }).rawPacket;
    if (error.code === 'HPE_INVALID_METHOD' && Buffer.isBuffer(packet)) {
      const before = gathered.get(socket);
      const bytes = before ? Buffer.concat([before.bytes, packet]) : packet;
      const head = readRequestHead(bytes);
      if (head === 'incomplete' && bytes.length < MAX_HEAD) {
        // The server's headers timeout no longer watches a socket its parser gave up on: this timer does. Not
        // socket.setTimeout: the server's own 'timeout' listener would destroy the socket before a 408 is written.
        const timer =
          before?.timer ??
          setTimeout(() => writeAnswer(socket, serverAnswer('ERR_HTTP_REQUEST_TIMEOUT')), headersTimeout).unref();
        if (!before) socket.once('close', () => clearTimeout(timer));
        gathered.set(socket, { bytes, timer });
        return;
      }
      if (before) clearTimeout(before.timer);
      gathered.delete(socket);
      if (head !== undefined && head !== 'incomplete') return writeAnswer(socket, answerOrFail(route, head));
      return writeAnswer(socket, serverAnswer(undefined));
    }
    writeAnswer(socket, serverAnswer(error.code, hostName));
  });
}

/** A route that throws is the mock's own fault: INTERNAL_ERROR, as for parsed requests. */
function answerOrFail(route: (head: RequestHead) => MockResponse, head: RequestHead): MockResponse {
  try {
    return route(head);
  } catch {
    return topLevelError('INTERNAL_ERROR');
  }
}

/** The answer to what never became a request: a header flood, a client too slow, bytes that are no request. */
function serverAnswer(code: string | undefined, hostName: 'api' | 'contracts' = 'api'): MockResponse {
  const error = (status: number, name: string, message: string): MockResponse => ({
    status,
    body: { code: name, details: {}, message, status: 'error' } satisfies Json,
  });
  // An unknown method whose bytes could not be read as a head: the host's own wording is all there is to go on.
  if (code === 'HPE_INVALID_METHOD')
    return hostName === 'contracts'
      ? topLevelError('INVALID_REQUEST_METHOD', {}, 'The HTTP request method is not a valid one.')
      : topLevelError('INVALID_REQUEST_METHOD');
  if (code === 'HPE_HEADER_OVERFLOW') return error(431, 'REQUEST_HEADER_FIELDS_TOO_LARGE', 'request headers too large');
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return error(408, 'REQUEST_TIMEOUT', 'the request was not received in time');
  return error(400, 'INVALID_REQUEST', 'malformed request');
}

/** Writes a whole HTTP/1.1 answer on a socket the server's parser has left, and closes it. */
function writeAnswer(socket: Socket, response: MockResponse): void {
  if (!socket.writable) return;
  const text = JSON.stringify(response.body);
  const extra = Object.entries(response.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(
    `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? 'Error'}\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n${extra.join('')}Connection: close\r\n\r\n${text}`,
  );
}
