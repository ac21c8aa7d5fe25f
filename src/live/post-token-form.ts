// One POST to Zoho's accounts token endpoint, shared by the refresh-token and grant-code grants: the form, the timeout,
// an unreachable server as "could not run", and the answer narrowed once.

import { TargetUnreachableError } from '../errors.ts';
import { isObject } from '../is-object.ts';

/** The endpoint's answer: its HTTP status and its JSON object (undefined when the body was not JSON). */
export interface TokenAnswer {
  readonly status: number;
  readonly record: Readonly<Record<string, unknown>> | undefined;
}

/**
 * POSTs `form` as application/x-www-form-urlencoded (what Zoho's SDK sends); a network failure or timeout throws.
 * Through node:http(s), not fetch: the refresh is a run's first request, and fetch's first call loads and compiles its
 * own modules (about 60 ms here) before anything is sent.
 */
export async function postTokenForm(tokenUrl: string, form: URLSearchParams, timeoutMs: number): Promise<TokenAnswer> {
  const body = form.toString();
  const url = new URL(tokenUrl);
  const { request } = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { name: 'TimeoutError' })));
    req.on('error', reject);
    req.end(body);
  }).catch((error: unknown) => {
    throw new TargetUnreachableError(
      tokenUrl,
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : 'the accounts server did not answer',
      { cause: error },
    );
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.text) as unknown;
  } catch {
    parsed = undefined;
  }
  return { status: answer.status, record: parsed === undefined ? undefined : isObject(parsed) ? parsed : {} };
}

/** The scopes a token answer lists (space- or comma-separated), when it lists them. */
export function grantedScopes(record: Readonly<Record<string, unknown>>): readonly string[] | undefined {
  const scope = record['scope'];
  return typeof scope === 'string' ? scope.split(/[\s,]+/).filter(Boolean) : undefined;
}
