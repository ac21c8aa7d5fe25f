// One response against one documented expectation -> findings. Pure: the schema check is passed in.

import type { Expectation, ResponseShape } from '../catalog/index.ts';
import { normaliseMessage } from './compile-contract.ts';
import type { Finding } from '../verdict/index.ts';
import { isObject } from '../is-object.ts';

/** What came back over the wire, body as text. */
export interface ResponseUnderTest {
  readonly status: number;
  readonly body: string;
  /** Response headers (any case); when given, Content-Type and redirects are checked too. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Bodies past this size are not parsed: a contract answer of this API is never that large. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The response's own reading: its status, the codes it carries and its envelope shape. */
export interface ObservedResponse {
  readonly status: number;
  readonly codes: readonly string[];
  readonly shape: ResponseShape | 'other';
  /** The top-level `message`, for error objects. */
  readonly message?: string;
  /** The distinct messages of the data[] entries, for records. */
  readonly messages?: readonly string[];
}

/** A JSON media type: application/json or a structured-syntax suffix (application/problem+json). */
const JSON_MEDIA_TYPE = /^\s*application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/** Validates a parsed body against the expected envelope's schema. */
export type SchemaCheck = (shape: ResponseShape, body: unknown) => readonly Finding[];

/** Every way `response` departs from `expected`; empty when the contract held. */
export function judgeResponse(
  expected: Expectation,
  response: ResponseUnderTest,
  checkSchema: SchemaCheck,
): { findings: Finding[]; actual: ObservedResponse; body?: unknown } {
  const findings: Finding[] = [];
  const header = (name: string): string | undefined =>
    Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];
  if (response.status !== expected.status) {
    const location = response.status >= 300 && response.status < 400 ? header('location') : undefined;
    findings.push({
      kind: 'status',
      message: `expected HTTP ${expected.status}, got ${response.status}${location !== undefined ? ` (a redirect to ${location}, not followed)` : ''}`,
    });
  }
  const size = Buffer.byteLength(response.body);
  if (size > MAX_BODY_BYTES) {
    findings.push({ kind: 'body', message: `body too large: ${size} bytes (limit ${MAX_BODY_BYTES}), not parsed` });
    return { findings, actual: { status: response.status, codes: [], shape: 'other' } };
  }
  // A 204 without a body is an answer of its own (Zoho's "nothing found"), never a JSON body to parse.
  if (expected.shape === 'empty' && response.body.trim() === '') {
    return { findings, actual: { status: response.status, codes: [], shape: 'empty' } };
  }
  const contentType = header('content-type');
  // Given headers, a body must say it is JSON: a missing Content-Type fails like a wrong one.
  if (
    response.headers &&
    response.body.length > 0 &&
    (contentType === undefined || !JSON_MEDIA_TYPE.test(contentType))
  ) {
    findings.push({
      kind: 'content-type',
      message:
        contentType === undefined
          ? 'no Content-Type header on a body (expected application/json)'
          : `Content-Type is ${contentType}, not application/json`,
    });
  }
  const parsed = parseJson(response.body);
  if (!parsed.ok) {
    findings.push({ kind: 'body', message: describeBody(response.body, contentType) });
    return { findings, actual: { status: response.status, codes: [], shape: 'other' } };
  }
  const actual = observe(response.status, parsed.value, expected.shape === 'list');
  findings.push(...compareShapeAndCodes(expected, actual, parsed.value));
  if (expected.shape !== 'empty') findings.push(...checkSchema(expected.shape, parsed.value));
  return { findings, actual, body: parsed.value };
}

/** How a finding names each envelope. */
const SHAPE_NAMES: Readonly<Record<ResponseShape | 'other', string>> = {
  records: 'a data[] envelope',
  error: 'a top-level error object',
  object: 'a plain JSON object',
  list: 'a data[] of records (a read)',
  empty: 'no body',
  other: 'a body that is not a JSON object',
};

function compareShapeAndCodes(expected: Expectation, actual: ObservedResponse, body: unknown): Finding[] {
  if (actual.shape !== expected.shape) {
    return [
      {
        kind: 'shape',
        message: `expected ${SHAPE_NAMES[expected.shape]}, got ${SHAPE_NAMES[actual.shape]}${actual.codes.length ? ` (code ${actual.codes.join(', ')})` : ''}`,
      },
    ];
  }
  if (expected.shape === 'object' || expected.shape === 'empty') return [];
  if (expected.shape === 'list') {
    const count = isObject(body) && Array.isArray(body['data']) ? body['data'].length : 0;
    return expected.count === undefined || expected.count === count
      ? []
      : [{ kind: 'entries', message: `expected ${expected.count} record(s) in data[], got ${count}` }];
  }
  if (expected.shape === 'error') {
    const findings: Finding[] = [];
    const code = actual.codes[0];
    if (code !== expected.code)
      findings.push({ kind: 'code', message: `expected code ${expected.code}, got ${code ?? 'none'}` });
    const message = isObject(body) ? body['message'] : undefined;
    if (
      expected.message !== undefined &&
      (typeof message !== 'string' || normaliseMessage(message) !== normaliseMessage(expected.message))
    ) {
      findings.push({
        kind: 'message',
        path: '/message',
        message: `expected message "${expected.message}", got ${JSON.stringify(message)}`,
      });
    }
    return findings;
  }
  if (actual.codes.length !== expected.codes.length) {
    return [
      {
        kind: 'entries',
        message: `expected ${expected.codes.length} data[] entr${expected.codes.length === 1 ? 'y' : 'ies'} (one per record sent), got ${actual.codes.length}`,
      },
    ];
  }
  const mismatches = expected.codes.flatMap((code, i) =>
    actual.codes[i] === code ? [] : [`data[${i}] expected ${code}, got ${actual.codes[i] || 'none'}`],
  );
  return mismatches.length ? [{ kind: 'code', message: summarise(mismatches) }] : [];
}

/**
 * Reads status, envelope shape and codes from a parsed body, whatever it looks like. A data[] without any entry code is a
 * read's list when it carries `info` or a list is what the case expects (a single-record read has no `info`).
 */
export function observe(status: number, body: unknown, listExpected = false): ObservedResponse {
  if (isObject(body) && Array.isArray(body['data'])) {
    const entries: unknown[] = body['data'];
    const coded = entries.some((entry) => isObject(entry) && typeof entry['code'] === 'string');
    if (!coded && (listExpected || isObject(body['info']))) return { status, codes: ['SUCCESS'], shape: 'list' };
    const codes = entries.map((entry) => (isObject(entry) && typeof entry['code'] === 'string' ? entry['code'] : ''));
    const messages = [
      ...new Set(
        entries.flatMap((entry) => (isObject(entry) && typeof entry['message'] === 'string' ? [entry['message']] : [])),
      ),
    ];
    return { status, codes, shape: 'records', ...(messages.length ? { messages } : {}) };
  }
  if (isObject(body) && typeof body['code'] === 'string') {
    const message = body['message'];
    return { status, codes: [body['code']], shape: 'error', ...(typeof message === 'string' ? { message } : {}) };
  }
  if (isObject(body)) return { status, codes: [], shape: 'object' };
  return { status, codes: [], shape: 'other' };
}

function summarise(items: readonly string[]): string {
  return items.length <= 3 ? items.join('; ') : `${items.slice(0, 3).join('; ')}; and ${items.length - 3} more`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Names what the body is instead of JSON: empty, an HTML page, truncated JSON, or something else. */
function describeBody(body: string, contentType: string | undefined): string {
  if (body.length === 0) return 'body is empty, not JSON';
  const start = body.slice(0, 40).replace(/\s+/g, ' ');
  const excerpt = `starts "${start}${body.length > 40 ? '...' : ''}"`;
  if (/^\s*</.test(body) || /html/i.test(contentType ?? '')) return `body is an HTML page, not JSON (${excerpt})`;
  if (/^\s*[[{]/.test(body)) return `body is truncated or malformed JSON (${body.length} bytes, ${excerpt})`;
  return `body is not JSON (${excerpt})`;
}
