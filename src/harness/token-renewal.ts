// Live tokens (the run's own and each persona's): renewed before a collection starts when close to expiry, and once
// more when the org rejects one mid-run.

import type { Target } from './target.ts';

/** Tokens a live run renewed mid-run, by broker URL and variable: later collections in this process start with the fresh ones. */
const renewedTokens = new Map<string, Map<string, string>>();
const renewedExpiry = new Map<string, Map<string, number>>();

/** The target with the freshest tokens this process knows of, renewed first when one expires within a minute. */
export async function freshTarget(target: Target): Promise<Target> {
  const broker = target.tokenBroker;
  if (!broker) return target;
  const current = withTokens(target, renewedTokens.get(broker) ?? new Map());
  const expiries = {
    ...target.tokenExpiries,
    ...(target.tokenExpiresAt === undefined ? {} : { access_token: target.tokenExpiresAt }),
    ...Object.fromEntries(renewedExpiry.get(broker) ?? []),
  };
  const soonest = Math.min(...Object.values(expiries));
  if (!Number.isFinite(soonest) || soonest - Date.now() > 60_000) return current;
  const answer = await post(broker, { all: true });
  const tokens = typeof answer === 'object' && answer !== null ? (answer as { tokens?: unknown }).tokens : undefined;
  if (typeof tokens !== 'object' || tokens === null) return current;
  for (const [variable, token] of Object.entries(tokens)) remember(broker, variable, token);
  return withTokens(target, renewedTokens.get(broker) ?? new Map());
}

/** After the org said INVALID_TOKEN to these token variables: the broker's fresh tokens (it refreshes once for every caller), or undefined. */
export async function renewRejected(
  target: Target,
  variables: readonly string[] = ['access_token'],
): Promise<Target | undefined> {
  const broker = target.tokenBroker;
  if (!broker) return undefined;
  let renewed = false;
  for (const variable of variables) {
    if (remember(broker, variable, await post(broker, { variable, stale: target.variables[variable] }))) renewed = true;
  }
  return renewed ? withTokens(target, renewedTokens.get(broker) ?? new Map()) : undefined;
}

/** True when the answer is the org refusing the token (and the case did not expect exactly that). */
export function isRejectedToken(response: { status: number; body: string } | undefined): boolean {
  return response?.status === 401 && /"code"\s*:\s*"INVALID_TOKEN"/.test(response.body);
}

async function post(broker: string, body: unknown): Promise<unknown> {
  const answer = await fetch(broker, {
    method: 'POST',
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return answer.ok ? ((await answer.json()) as unknown) : undefined;
}

/** Keeps a token the broker handed over; false when the answer held none. */
function remember(broker: string, variable: string, answer: unknown): boolean {
  const token =
    typeof answer === 'object' && answer !== null ? (answer as { accessToken?: unknown; expiresAt?: unknown }) : {};
  if (typeof token.accessToken !== 'string') return false;
  if (!renewedTokens.has(broker)) renewedTokens.set(broker, new Map());
  if (!renewedExpiry.has(broker)) renewedExpiry.set(broker, new Map());
  renewedTokens.get(broker)?.set(variable, token.accessToken);
  if (typeof token.expiresAt === 'number') renewedExpiry.get(broker)?.set(variable, token.expiresAt);
  return true;
}

function withTokens(target: Target, tokens: ReadonlyMap<string, string>): Target {
  if (tokens.size === 0) return target;
  const fresh = Object.fromEntries(tokens);
  return { ...target, variables: { ...target.variables, ...fresh }, secrets: [...target.secrets, ...tokens.values()] };
}
