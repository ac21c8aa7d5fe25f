// The request under test, read once for the echo rules: its URL's template parameters (after the target's base URL)
// and its parsed body. Pure.

import type { CompiledContract } from './compile-contract.ts';

/** What was sent, as the harness saw it (URL and body after variables were filled in). */
export interface RequestUnderTest {
  readonly method: string;
  readonly url: string;
  readonly body?: string;
  /** When the request left and its answer arrived (ms since the epoch), for answers that carry the time of the write. */
  readonly sentAt?: number;
  readonly receivedAt?: number;
  /** The variables the request was filled with (record ids, the values fixtures wrote), for echoes of written values. */
  readonly variables?: Readonly<Record<string, string>>;
  /**
   * The target's base URLs (its API domain, its Contracts host). A gateway may serve the API under a path
   * (`https://gw.example/zoho`): that path is taken off before the URL is matched to the endpoint's paths.
   */
  readonly baseUrls?: readonly string[];
}

/** The request as the echo rules read it. */
export interface SentRequest {
  /** `{name}` segments of the endpoint's path template the URL matched; empty when it matched none. */
  readonly params: ReadonlyMap<string, string>;
  /** False when the URL's path (after the base URL) matched none of the endpoint's paths: its parameters are unknown. */
  readonly matched: boolean;
  /** The parsed JSON body; undefined when there is none or it is not JSON. */
  readonly body: unknown;
  /** The URL's query parameters, decoded (`ids`, `fields`, `email`, `criteria`...). */
  readonly query: ReadonlyMap<string, string>;
  /** The variables the request was filled with; empty when the harness did not pass them. */
  readonly variables: Readonly<Record<string, string>>;
  readonly sentAt?: number;
  readonly receivedAt?: number;
}

/** Reads the URL against the endpoint's templates and parses the body, once per exchange. */
export function readRequest(contract: CompiledContract, request: RequestUnderTest): SentRequest {
  const params = matchParams(contract.templates, endpointSegments(request.url, request.baseUrls ?? []));
  return {
    params: params ?? new Map(),
    matched: params !== undefined,
    body: parseBody(request.body),
    query: queryOf(request.url),
    variables: request.variables ?? {},
    ...(request.sentAt === undefined ? {} : { sentAt: request.sentAt }),
    ...(request.receivedAt === undefined ? {} : { receivedAt: request.receivedAt }),
  };
}

const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** The URL's path segments after the longest base URL it lies under (same origin, whole segments); all of them if none. */
function endpointSegments(url: string, baseUrls: readonly string[]): string[] {
  const segments = pathSegments(url);
  const origin = ORIGIN.exec(url)?.[0];
  const prefixes = baseUrls
    .filter((base) => origin !== undefined && sameOrigin(ORIGIN.exec(base)?.[0], origin))
    .map(pathSegments)
    .filter((prefix) => prefix.every((part, i) => segments[i] === part))
    .sort((a, b) => b.length - a.length);
  return segments.slice(prefixes[0]?.length ?? 0);
}

/** Compared as URL origins (case, default ports), falling back to the text when either does not parse. */
function sameOrigin(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return a.toLowerCase() === b.toLowerCase();
  }
}

function pathSegments(url: string): string[] {
  const path = (url.replace(ORIGIN, '').split(/[?#]/)[0] ?? '').split('/').filter(Boolean);
  return path.map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}

/** The first template with as many segments whose literal segments all match; its `{name}` segments as parameters. */
function matchParams(
  templates: readonly (readonly string[])[],
  segments: readonly string[],
): Map<string, string> | undefined {
  for (const template of templates) {
    if (template.length !== segments.length) continue;
    const params = new Map<string, string>();
    const matches = template.every((part, i) => {
      const segment = segments[i] ?? '';
      if (!part.startsWith('{') || !part.endsWith('}')) return part === segment;
      params.set(part.slice(1, -1), segment);
      return true;
    });
    if (matches) return params;
  }
  return undefined;
}

/** The query string's parameters, decoded; the first of a repeated name. */
function queryOf(url: string): Map<string, string> {
  const at = url.indexOf('?');
  const query = new Map<string, string>();
  if (at < 0) return query;
  for (const [name, value] of new URLSearchParams(url.slice(at + 1).split('#')[0] ?? ''))
    if (!query.has(name)) query.set(name, value);
  return query;
}

function parseBody(body: string | undefined): unknown {
  if (body === undefined || body === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
