// Before any case runs: does the target answer HTTP at all? Distinguishes "unreachable" (exit 3) from contract failures.

import { TargetUnreachableError } from '../errors.ts';
import { describeTransportError } from './newman-exchange.ts';

/** Resolves when the base URL answers any HTTP response within the timeout; throws TargetUnreachableError otherwise. */
export async function probeTarget(baseUrl: string, timeoutMs = 5_000): Promise<void> {
  try {
    const response = await fetch(baseUrl, {
      method: 'GET',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
  } catch (error) {
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new TargetUnreachableError(
      baseUrl,
      timedOut ? `no answer within ${timeoutMs} ms` : describeTransportError(cause).replace(/^transport error: /, ''),
      { cause: error },
    );
  }
}
