// Live tokens: renewed before a collection starts when close to expiry, and once more when the org rejects one mid-run.

import type { Target } from './target.ts';

/** Tokens a live run renewed mid-run, by broker URL: later collections in this process start with the fresh one. */
const renewedTokens = new Map<string, string>();
const renewedExpiry = new Map<string, number>();

/** The target with the freshest token this process knows of, renewed first when it expires within a minute. */
export async function freshTarget(target: Target): Promise<Target> {
  const broker = target.tokenBroker;
  if (!broker) return target;
  const known = renewedTokens.get(broker);
  const current = known ? withToken(target, known) : target;
  const expiresAt = renewedExpiry.get(broker) ?? target.tokenExpiresAt;
  if (expiresAt === undefined || expiresAt - Date.now() > 60_000) return current;
  return (await askBroker(broker, '{}', current)) ?? current;
}

/** After the org said INVALID_TOKEN: the broker's fresh token (it refreshes once for every caller), or undefined. */
export async function renewRejected(target: Target): Promise<Target | undefined> {
  const broker = target.tokenBroker;
  if (!broker) return undefined;
  return askBroker(broker, JSON.stringify({ stale: target.variables['access_token'] }), target);
}

/** True when the answer is the org refusing the token (and the case did not expect exactly that). */
export function isRejectedToken(response: { status: number; body: string } | undefined): boolean {
  return response?.status === 401 && /"code"\s*:\s*"INVALID_TOKEN"/.test(response.body);
}

async function askBroker(broker: string, body: string, target: Target): Promise<Target | undefined> {
  const answer = (await (await fetch(broker, { method: 'POST', body, signal: AbortSignal.timeout(30_000) })).json()) as { accessToken?: unknown; expiresAt?: unknown };
  if (typeof answer.accessToken !== 'string') return undefined;
  renewedTokens.set(broker, answer.accessToken);
  if (typeof answer.expiresAt === 'number') renewedExpiry.set(broker, answer.expiresAt);
  return withToken(target, answer.accessToken);
}

function withToken(target: Target, token: string): Target {
  return { ...target, variables: { ...target.variables, access_token: token }, secrets: [...target.secrets, token] };
}
