// One POST to Zoho's accounts token endpoint, shared by the refresh-token and grant-code grants: the form, the timeout,
// an unreachable server as "could not run", and the answer narrowed once.

import { TargetUnreachableError } from '../errors.ts';
import { isObject } from '../is-object.ts';

/** The endpoint's answer: its HTTP status and its JSON object (undefined when the body was not JSON). */
export interface TokenAnswer {
  readonly status: number;
  readonly record: Readonly<Record<string, unknown>> | undefined;
}

/** POSTs `form` as application/x-www-form-urlencoded (what Zoho's SDK sends); a network failure or timeout throws. */
export async function postTokenForm(tokenUrl: string, form: URLSearchParams, timeoutMs: number): Promise<TokenAnswer> {
  let response: Response;
  try {
    response = await fetch(tokenUrl, { method: 'POST', body: form, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new TargetUnreachableError(
      tokenUrl,
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : 'the accounts server did not answer',
      { cause: error },
    );
  }
  const body: unknown = await response.json().catch(() => undefined);
  return { status: response.status, record: body === undefined ? undefined : isObject(body) ? body : {} };
}

/** The scopes a token answer lists (space- or comma-separated), when it lists them. */
export function grantedScopes(record: Readonly<Record<string, unknown>>): readonly string[] | undefined {
  const scope = record['scope'];
  return typeof scope === 'string' ? scope.split(/[\s,]+/).filter(Boolean) : undefined;
}
