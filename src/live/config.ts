// Live-mode configuration from the environment (.env via dotenv): validated once, every problem named with its fix.

import { ConfigError } from '../errors.ts';
import { DATA_CENTRES, type DataCentreName } from './data-centres.ts';
import { PERSONAS } from './personas.ts';

/** What the token endpoint needs to mint an access token from a refresh token. */
export interface RefreshGrant {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
  /** The variable that holds the refresh token, named in errors (ZOHO_REFRESH_TOKEN by default). */
  readonly source?: string;
}

/** A persona's refresh token (ZOHO_REFRESH_TOKEN_<PERSONA>), minted into the collection variable its cases use. */
export interface PersonaGrant extends RefreshGrant {
  readonly variable: string;
}

/** What a live run needs to know; the secrets stay in memory. */
export interface LiveConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
  readonly dataCentre: DataCentreName;
  readonly environment: 'production' | 'sandbox' | 'developer';
  /** Token endpoint: {accounts}/oauth/v2/token, or ZOHO_ACCOUNTS_URL's. */
  readonly tokenUrl: string;
  readonly apiDomain: string;
  readonly contractsDomain?: string;
  /** Whether ZOHO_API_DOMAIN pinned the API domain (then the token's api_domain does not replace it). */
  readonly apiDomainOverridden: boolean;
  /** Personas given by refresh token: each refreshed once per run, like the main token. */
  readonly personas: readonly PersonaGrant[];
}

const ENVIRONMENTS = ['production', 'sandbox', 'developer'] as const;

/** Variables still read under an old name, old -> new. Two names once named the Contracts host (the mock printed and
 * .env.example listed ZOHO_CONTRACTS_DOMAIN, live mode read ZOHO_CONTRACTS_URL); live mode's name is the one kept. */
export const RENAMED_VARIABLES: Readonly<Record<string, string>> = { ZOHO_CONTRACTS_DOMAIN: 'ZOHO_CONTRACTS_URL' };

/** `env` with each old name read as its new one (the new one wins when both are set), and a one-line notice for each
 * old name that holds a value, so a .env written before the rename keeps working and says what to change. */
export function readRenamedVariables(env: Readonly<Record<string, string | undefined>>): {
  env: Record<string, string | undefined>;
  notices: string[];
} {
  const out: Record<string, string | undefined> = { ...env };
  const notices: string[] = [];
  for (const [old, current] of Object.entries(RENAMED_VARIABLES)) {
    const value = out[old]?.trim();
    delete out[old];
    if (!value) continue;
    if (out[current]?.trim()) notices.push(`notice: ${old} is ignored: ${current} is set; remove ${old}`);
    else {
      out[current] = value;
      notices.push(`notice: ${old} is read as ${current}; rename it`);
    }
  }
  return { env: out, notices };
}

/** Reads and checks every live variable; all problems are reported together in one line. */
export function readLiveConfig(env: Readonly<Record<string, string | undefined>>): LiveConfig {
  const problems: string[] = [];
  const need = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is missing`);
    return value ?? '';
  };
  const clientId = need('ZOHO_CLIENT_ID');
  const clientSecret = need('ZOHO_CLIENT_SECRET');
  const refreshToken = need('ZOHO_REFRESH_TOKEN');
  const dcName = (env['ZOHO_DATA_CENTRE'] ?? 'com').trim();
  if (!(dcName in DATA_CENTRES))
    problems.push(`ZOHO_DATA_CENTRE "${dcName}" is not one of ${Object.keys(DATA_CENTRES).join(', ')}`);
  const environment = (env['ZOHO_ENVIRONMENT'] ?? 'sandbox').trim();
  if (!(ENVIRONMENTS as readonly string[]).includes(environment))
    problems.push(`ZOHO_ENVIRONMENT "${environment}" is not production, sandbox or developer`);
  const url = (name: string): string | undefined => {
    const value = env[name]?.trim();
    if (!value) return undefined;
    try {
      const parsed = new URL(value);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http');
      return value.replace(/\/$/, '');
    } catch {
      problems.push(`${name} "${value}" is not an http(s) URL`);
      return undefined;
    }
  };
  const accounts = url('ZOHO_ACCOUNTS_URL');
  const api = url('ZOHO_API_DOMAIN');
  const contracts = url('ZOHO_CONTRACTS_URL');
  if (problems.length > 0)
    throw new ConfigError(
      `live configuration: ${problems.join('; ')}`,
      'fill these in .env (see .env.example) or the environment',
    );
  const dc = DATA_CENTRES[dcName as DataCentreName];
  const env3 = environment as LiveConfig['environment'];
  const contractsDomain = contracts ?? ('contracts' in dc ? dc.contracts : undefined);
  return {
    clientId,
    clientSecret,
    refreshToken,
    dataCentre: dcName as DataCentreName,
    environment: env3,
    tokenUrl: `${accounts ?? dc.accounts}/oauth/v2/token`,
    apiDomain: api ?? dc.api[env3],
    ...(contractsDomain ? { contractsDomain } : {}),
    apiDomainOverridden: api !== undefined,
    personas: personaGrants(env, { tokenUrl: `${accounts ?? dc.accounts}/oauth/v2/token`, clientId, clientSecret }),
  };
}

/** What the `auth` command needs: the OAuth client and the data centre's token URL, without any refresh token yet. */
export function readClientConfig(env: Readonly<Record<string, string | undefined>>): {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  dataCentre: DataCentreName;
} {
  // The refresh token is what `auth` is about to get: stand in for it so the rest is checked as a live run checks it.
  const config = readLiveConfig({ ...env, ZOHO_REFRESH_TOKEN: env['ZOHO_REFRESH_TOKEN'] || 'not-needed' });
  return {
    tokenUrl: config.tokenUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    dataCentre: config.dataCentre,
  };
}

/** ZOHO_REFRESH_TOKEN_<PERSONA> for each persona that has one; its client is the main one unless ZOHO_CLIENT_ID_<PERSONA> says otherwise. */
function personaGrants(
  env: Readonly<Record<string, string | undefined>>,
  main: { tokenUrl: string; clientId: string; clientSecret: string },
): PersonaGrant[] {
  return PERSONAS.flatMap((persona) => {
    const refreshToken = env[`ZOHO_REFRESH_TOKEN_${persona.suffix}`]?.trim();
    if (!refreshToken) return [];
    return [
      {
        variable: persona.variable,
        tokenUrl: main.tokenUrl,
        clientId: env[`ZOHO_CLIENT_ID_${persona.suffix}`]?.trim() || main.clientId,
        clientSecret: env[`ZOHO_CLIENT_SECRET_${persona.suffix}`]?.trim() || main.clientSecret,
        refreshToken,
        source: `ZOHO_REFRESH_TOKEN_${persona.suffix}`,
      },
    ];
  });
}
