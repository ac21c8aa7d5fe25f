// Narrows what newman's `request` event hands over (untyped at runtime) into one Exchange, once.

import { isObject } from '../is-object.ts';

/** One request/response as newman saw it, or the transport error that stopped it. */
export interface Exchange {
  readonly itemId: string;
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: Record<string, string>;
  readonly requestBody?: string;
  /** `receivedAt`: when the answer reached the harness (ms since the epoch); it left `timeMs` earlier. */
  readonly response?: {
    readonly status: number;
    readonly headers: Record<string, string>;
    readonly body: string;
    readonly timeMs: number;
    readonly receivedAt?: number;
  };
  readonly error?: string;
}

/** The id of the item an event (`request`, `assertion`, `item`) is about. */
export function readItemId(args: unknown): string | undefined {
  const item = isObject(args) ? args['item'] : undefined;
  return isObject(item) && typeof item['id'] === 'string' ? item['id'] : undefined;
}

/** Builds an Exchange from the `request` event's error and arguments. */
export function readExchange(error: unknown, args: unknown): Exchange | undefined {
  const itemId = readItemId(args);
  if (itemId === undefined || !isObject(args)) return undefined;
  const request = args['request'];
  const base = {
    itemId,
    method: isObject(request) && typeof request['method'] === 'string' ? request['method'] : 'GET',
    url: isObject(request) ? stringify(request['url']) : '',
    requestHeaders: readHeaders(isObject(request) ? request['headers'] : undefined),
    ...readRequestBody(request),
  };
  if (error) return { ...base, error: describeTransportError(error) };
  const response = args['response'];
  if (!isObject(response) || typeof response['code'] !== 'number') return { ...base, error: 'no response' };
  const stream = response['stream'];
  const body = Buffer.isBuffer(stream) ? stream.toString('utf8') : typeof stream === 'string' ? stream : '';
  const timeMs = typeof response['responseTime'] === 'number' ? response['responseTime'] : 0;
  return {
    ...base,
    response: {
      status: response['code'],
      headers: readHeaders(response['headers']),
      body,
      timeMs,
      receivedAt: Date.now(),
    },
  };
}

/** A failed `pm.test` from newman's `assertion` event: the item and "<test name>: <message>". */
export function readAssertionFailure(error: unknown, args: unknown): { itemId: string; message: string } | undefined {
  const itemId = readItemId(args);
  if (!error || itemId === undefined || !isObject(args)) return undefined;
  const name = typeof args['assertion'] === 'string' ? args['assertion'] : 'assertion';
  const message =
    error instanceof Error
      ? error.message
      : isObject(error) && typeof error['message'] === 'string'
        ? error['message']
        : String(error);
  return { itemId, message: `${name}: ${message}` };
}

/**
 * A test or pre-request script that threw, from newman's `exception` event (which names no item: the caller knows which
 * item is running). Why it matters: the `pm.test` calls after the throw never run, so no assertion fails for them.
 */
export function readScriptException(args: unknown): string | undefined {
  const error = isObject(args) ? args['error'] : undefined;
  if (!isObject(error)) return error === undefined || error === null ? undefined : `script threw: ${String(error)}`;
  const name = typeof error['name'] === 'string' ? error['name'] : 'Error';
  const message = typeof error['message'] === 'string' ? error['message'] : String(error);
  return `script threw ${name}: ${message}`;
}

/** "connect ECONNREFUSED 127.0.0.1:9" -> a readable line naming the fault. */
export function describeTransportError(error: unknown): string {
  const code = isObject(error) && typeof error['code'] === 'string' ? error['code'] : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: message === 'aborted' ? 'connection reset mid-body' : 'connection dropped before any response',
    ENOTFOUND: 'DNS lookup failed: host not found',
    EAI_AGAIN: 'DNS lookup failed: no answer from the resolver',
    ETIMEDOUT: 'connection timed out',
    ESOCKETTIMEDOUT: 'no answer within the per-request timeout (the server accepted and went silent)',
    EHOSTUNREACH: 'host unreachable',
    EPROTO: 'TLS handshake failed',
  };
  const tls =
    /SSL|TLS|certificate|wrong version number/i.test(message) ||
    (code ?? '').startsWith('ERR_SSL') ||
    (code ?? '').includes('CERT');
  const reason = tls
    ? 'TLS handshake failed'
    : code && known[code]
      ? known[code]
      : message === 'aborted'
        ? 'connection reset mid-body'
        : undefined;
  return reason ? `transport error: ${reason} (${message})` : `transport error: ${message}`;
}

function readHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  // postman-collection HeaderList exposes `all()`; plain arrays arrive from JSON.
  const list =
    isObject(headers) && typeof headers['all'] === 'function' ? (headers['all'] as () => unknown)() : headers;
  if (!Array.isArray(list)) return out;
  for (const header of list) {
    if (isObject(header) && typeof header['key'] === 'string' && !header['disabled'])
      out[header['key']] = stringify(header['value']);
  }
  return out;
}

function readRequestBody(request: unknown): { requestBody?: string } {
  const body = isObject(request) ? request['body'] : undefined;
  if (!isObject(body) || typeof body['raw'] !== 'string') return {};
  return { requestBody: body['raw'] };
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value['toString'] === 'function') return String(value);
  return '';
}
