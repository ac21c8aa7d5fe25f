// A cassette file read back: what it holds, narrowed once from the JSON on disk, and the recording a replay judges by.

import { isObject } from '../is-object.ts';

/** One recorded exchange, as written to `cassettes/<key>.json` (every secret redacted). */
export interface Cassette {
  readonly key: string;
  /**
   * The `info.version` of the collection that sent the request: a replay of a collection whose version has changed
   * since is not checked. Absent in cassettes written before cassettes carried it.
   */
  readonly contractVersion?: string;
  /** The target's base URLs when it was recorded: a gateway's path is taken off the URL before echoes are read. */
  readonly baseUrls: readonly string[];
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: string;
    /** When the request left (ISO 8601), for the time a write's answer must carry. */
    readonly sentAt?: string;
  };
  readonly response: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
    /** When the answer arrived (ISO 8601). */
    readonly receivedAt?: string;
  };
}

/** The request as it was recorded, in the form a verdict reads echoes from (times in ms since the epoch). */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly body?: string;
  readonly sentAt?: number;
  readonly receivedAt?: number;
  readonly baseUrls: readonly string[];
}

/** What a replay knows of one case's recording: which contract recorded it, and the request it sent. */
export interface Recording {
  readonly contractVersion?: string;
  readonly request: RecordedRequest;
}

/** A cassette file's JSON, narrowed; undefined when it is not one (no key, no response status). */
export function readCassette(value: unknown): Cassette | undefined {
  if (!isObject(value) || typeof value['key'] !== 'string') return undefined;
  const request = isObject(value['request']) ? value['request'] : {};
  const response = isObject(value['response']) ? value['response'] : {};
  if (typeof response['status'] !== 'number') return undefined;
  const text = (record: Record<string, unknown>, name: string): string | undefined =>
    typeof record[name] === 'string' ? record[name] : undefined;
  const body = text(request, 'body');
  const sentAt = text(request, 'sentAt');
  const receivedAt = text(response, 'receivedAt');
  const version = text(value, 'contractVersion');
  return {
    key: value['key'],
    ...(version === undefined ? {} : { contractVersion: version }),
    baseUrls: Array.isArray(value['baseUrls'])
      ? value['baseUrls'].filter((url): url is string => typeof url === 'string')
      : [],
    request: {
      method: text(request, 'method') ?? 'GET',
      url: text(request, 'url') ?? '',
      headers: readHeaders(request['headers']),
      ...(body === undefined ? {} : { body }),
      ...(sentAt === undefined ? {} : { sentAt }),
    },
    response: {
      status: response['status'],
      headers: readHeaders(response['headers']),
      body: text(response, 'body') ?? '',
      ...(receivedAt === undefined ? {} : { receivedAt }),
    },
  };
}

/** The recording a replay judges the case by: the recorded request (not the collection's unfilled one). */
export function recordingOf(cassette: Cassette): Recording {
  const { request, response } = cassette;
  const sentAt = request.sentAt === undefined ? Number.NaN : Date.parse(request.sentAt);
  const receivedAt = response.receivedAt === undefined ? Number.NaN : Date.parse(response.receivedAt);
  return {
    ...(cassette.contractVersion === undefined ? {} : { contractVersion: cassette.contractVersion }),
    request: {
      method: request.method,
      url: request.url,
      ...(request.body === undefined ? {} : { body: request.body }),
      ...(Number.isNaN(sentAt) ? {} : { sentAt }),
      ...(Number.isNaN(receivedAt) ? {} : { receivedAt }),
      baseUrls: cassette.baseUrls,
    },
  };
}

function readHeaders(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
