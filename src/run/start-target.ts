// A run's target, started: a replay server over cassettes, a url target probed, or a live org with its tokens refreshed
// and a broker to renew them. The flags that name it are the CLI's to check; what this starts, the run closes.

import { UsageError } from '../errors.ts';
import { liveTarget, probeTarget, urlTarget, type Target } from '../harness/index.ts';
import {
  readLiveConfig,
  refreshAccessToken,
  startReplayServer,
  startTokenBroker,
  type AccessToken,
} from '../live/index.ts';

/** Which target to start and with what, as the CLI read it from the flags and the environment. */
export type TargetRequest =
  | { readonly kind: 'mock' }
  | { readonly kind: 'replay'; readonly cassettes: string }
  | {
      readonly kind: 'url';
      readonly baseUrl: string;
      readonly env: Readonly<Record<string, string | undefined>>;
      /** How long the probe waits for the target to answer. */
      readonly probeTimeoutMs: number;
    }
  | {
      readonly kind: 'live';
      readonly env: Readonly<Record<string, string | undefined>>;
      /** --allow-production: a production org is refused otherwise. */
      readonly allowProduction: boolean;
      /** Told what the run is about to touch. */
      readonly print: (line: string) => void;
    };

/** The started target (none for the embedded mock, which the run starts itself), and what closes what was started. */
export interface StartedTarget {
  readonly target?: Target;
  close(): Promise<void>;
}

/** Starts the target; `beforeRequests` is awaited before the first request it sends (a probe, a token refresh). */
export async function startTarget(request: TargetRequest, beforeRequests: () => Promise<void>): Promise<StartedTarget> {
  const nothing = async (): Promise<void> => undefined;
  if (request.kind === 'mock') return { close: nothing };
  if (request.kind === 'replay') {
    const replay = await startReplayServer(request.cassettes);
    return {
      target: {
        kind: 'replay',
        name: 'replay',
        apiDomain: replay.url,
        variables: { contracts_domain: replay.url },
        secrets: [],
        recordings: replay.recordings,
      },
      close: () => replay.close(),
    };
  }
  if (request.kind === 'live') return startLiveTarget(request, beforeRequests);
  const target = urlTarget(request.baseUrl, request.env);
  await beforeRequests();
  await probeTarget(target.apiDomain, Math.min(request.probeTimeoutMs, 10_000));
  return { target, close: nothing };
}

/** Live: validate .env, refuse production unless allowed, refresh the access token once for the whole run, say what is about to be touched. */
async function startLiveTarget(
  request: Extract<TargetRequest, { kind: 'live' }>,
  beforeRequests: () => Promise<void>,
): Promise<StartedTarget> {
  const { env, print } = request;
  const config = readLiveConfig(env);
  if (config.environment === 'production' && !request.allowProduction) {
    throw new UsageError(
      'ZOHO_ENVIRONMENT is production: a live run creates and updates records there',
      'point it at a sandbox or developer org, or pass --allow-production',
    );
  }
  await beforeRequests();
  // vitest is not loaded meanwhile: its module evaluation would hold the refresh's answer and the org's metadata reads,
  // which come next on this thread. It loads while the verdict thread makes the fixtures (live-run.ts).
  // The run's token and each persona's, refreshed once each for the whole run (side by side: separate refresh tokens).
  const [token, ...personaTokens] = await Promise.all([
    refreshAccessToken(config),
    ...config.personas.map((p) => refreshAccessToken(p)),
  ]);
  const personas = Object.fromEntries(
    config.personas.map((p, i) => [
      p.variable,
      { initial: personaTokens[i] as AccessToken, refresh: () => refreshAccessToken(p) },
    ]),
  );
  // Workers whose token is rejected mid-run (expired) ask this broker; it refreshes once for all of them.
  const broker = await startTokenBroker(token, () => refreshAccessToken(config), Date.now, personas);
  const apiDomain = config.apiDomainOverridden ? config.apiDomain : (token.apiDomain ?? config.apiDomain);
  print(
    `Live run: ${config.environment} org in data centre ${config.dataCentre}, API ${apiDomain}${config.contractsDomain ? `, Contracts ${config.contractsDomain}` : ''} (one token refresh for the whole run${config.personas.length ? `, one per persona: ${config.personas.length}` : ''})`,
  );
  const target = liveTarget({
    name: `${config.environment}@${new URL(apiDomain).host}`,
    apiDomain,
    ...(config.contractsDomain ? { contractsDomain: config.contractsDomain } : {}),
    accessToken: token.accessToken,
    tokenBroker: broker.url,
    tokenExpiresAt: token.expiresAt,
    personaTokens: Object.fromEntries(Object.entries(personas).map(([variable, p]) => [variable, p.initial])),
    env,
  });
  return { target, close: () => broker.close() };
}
