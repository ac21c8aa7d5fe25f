// The request under test, read once for the echo rules: its URL's template parameters and its parsed body. Pure.

import type { CompiledContract } from './compile-contract.ts';

/** What was sent, as the harness saw it (URL and body after variables were filled in). */
export interface RequestUnderTest {
  readonly method: string;
  readonly url: string;
  readonly body?: string;
  /** When the request left and its answer arrived (ms since the epoch), for answers that carry the time of the write. */
  readonly sentAt?: number;
  readonly receivedAt?: number;
}

/** The request as the echo rules read it. */
export interface SentRequest {
  /** `{name}` segments of the endpoint's path template the URL matched; empty when it matched none. */
  readonly params: ReadonlyMap<string, string>;
  /** The parsed JSON body; undefined when there is none or it is not JSON. */
  readonly body: unknown;
  readonly sentAt?: number;
  readonly receivedAt?: number;
}

/** Reads the URL against the endpoint's templates and parses the body, once per exchange. */
export function readRequest(contract: CompiledContract, request: RequestUnderTest): SentRequest {
  return {
    params: matchParams(contract.templates, pathSegments(request.url)),
    body: parseBody(request.body),
    ...(request.sentAt === undefined ? {} : { sentAt: request.sentAt }),
    ...(request.receivedAt === undefined ? {} : { receivedAt: request.receivedAt }),
  };
}

function pathSegments(url: string): string[] {
  const path = (url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0] ?? '').split('/').filter(Boolean);
  return path.map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}

/** The first template with as many segments whose literal segments all match; its `{name}` segments as parameters. */
function matchParams(templates: readonly (readonly string[])[], segments: readonly string[]): Map<string, string> {
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
  return new Map();
}

function parseBody(body: string | undefined): unknown {
  if (body === undefined || body === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
