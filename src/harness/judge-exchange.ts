// Turns one newman exchange into a CaseResult: transport faults, over-budget bodies, then the Node-side (ajv) judgement.

import type { Case, Endpoint } from '../catalog/index.ts';
import type { RecordedRequest } from '../live/index.ts';
import { redactHeaders, redactText } from '../redact.ts';
import { DEFAULT_POLICY, judgeCase, type CaseResult, type SchemaRegistry } from '../validate/index.ts';
import type { Verdict, VerdictPolicy } from '../verdict/index.ts';
import type { Exchange } from './newman-exchange.ts';

const EXCERPT_LIMIT = 2048;

export interface JudgeContext {
  readonly registry: SchemaRegistry;
  readonly schemaId: string;
  readonly timeoutMs: number;
  readonly secrets: readonly string[];
  /** The endpoint whose pages the answer is read against (echoes, envelope keys, messages). */
  readonly endpoint: Endpoint;
  readonly policy?: VerdictPolicy;
  /** The target's base URLs: a gateway's path (`https://gw.example/zoho`) is taken off before the URL is matched. */
  readonly baseUrls?: readonly string[];
  /** The variables the collection was filled with: echoes of the values the run wrote read them. */
  readonly variables?: Readonly<Record<string, string>>;
  /** Replay: the request the cassette recorded; echoes are read from it, not from the collection's unfilled request. */
  readonly recorded?: RecordedRequest;
}

export function judgeExchange(
  context: JudgeContext,
  testCase: Case,
  exchange: Exchange | undefined,
  sandboxFailures: readonly string[],
): CaseResult {
  if (!exchange)
    return { kind: 'transport', message: 'no exchange recorded: newman did not send the request', durationMs: 0 };
  // A replay shows the request it was judged by (the recorded one), not the collection's unfilled request.
  const { recorded } = context;
  const { requestBody: _sent, ...unsent } = exchange;
  const shown = recorded
    ? {
        ...unsent,
        method: recorded.method,
        url: recorded.url,
        ...(recorded.body === undefined ? {} : { requestBody: recorded.body }),
      }
    : exchange;
  const excerpt = toExcerpt(shown, context.secrets);
  if (!exchange.response)
    return { kind: 'transport', message: exchange.error ?? 'no response', durationMs: 0, exchange: excerpt };
  const limit = context.timeoutMs;
  // A body that trickles in under the idle timeout still breaks a client's budget: report it as the transport fault it is.
  if (exchange.response.timeMs > limit) {
    return {
      kind: 'transport',
      message: `transport error: slow response, the body took ${exchange.response.timeMs} ms (per-request timeout ${limit} ms)`,
      durationMs: exchange.response.timeMs,
      exchange: excerpt,
    };
  }
  const { response } = exchange;
  const request = context.recorded ?? {
    method: exchange.method,
    url: exchange.url,
    ...(exchange.requestBody === undefined ? {} : { body: exchange.requestBody }),
    ...(response.receivedAt === undefined
      ? {}
      : { sentAt: response.receivedAt - response.timeMs, receivedAt: response.receivedAt }),
    ...(context.baseUrls ? { baseUrls: context.baseUrls } : {}),
  };
  const judged = context.variables ? { ...request, variables: context.variables } : request;
  const checkSchema = (shape: Parameters<SchemaRegistry['check']>[1], body: unknown) =>
    context.registry.check(context.schemaId, shape, body);
  const { findings, actual, unpinned } = judgeCase(
    context.endpoint,
    testCase,
    judged,
    response,
    checkSchema,
    context.policy ?? DEFAULT_POLICY,
  );
  // The Node verdict is the authority; a sandbox failure it did not also find is still reported, never dropped.
  const sandbox = sandboxFailures.map((message) => ({
    kind: 'sandbox' as const,
    message: `in-collection test: ${message}`,
  }));
  return {
    kind: 'judged',
    findings: [...findings, ...sandbox],
    actual,
    durationMs: response.timeMs,
    exchange: excerpt,
    ...(unpinned.length ? { unpinned } : {}),
  };
}

function toExcerpt(exchange: Exchange, secrets: readonly string[]): NonNullable<Verdict['exchange']> {
  const clip = (text: string): string =>
    redactText(
      text.length > EXCERPT_LIMIT ? `${text.slice(0, EXCERPT_LIMIT)}... (${text.length} bytes)` : text,
      secrets,
    );
  return {
    method: exchange.method,
    url: redactText(exchange.url, secrets),
    requestHeaders: redactHeaders(exchange.requestHeaders, secrets),
    ...(exchange.requestBody === undefined ? {} : { requestBody: clip(exchange.requestBody) }),
    ...(exchange.response
      ? {
          status: exchange.response.status,
          responseHeaders: redactHeaders(exchange.response.headers, secrets),
          responseBody: clip(exchange.response.body),
        }
      : {}),
  };
}
