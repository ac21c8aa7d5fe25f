// Where requests go and with what values: the Target every run is given, and how it becomes a Postman environment.

import { ConfigError } from '../errors.ts';
import type { Recording } from '../live/index.ts';
import type { CaseBlock } from '../verdict/index.ts';

/** The kinds of target (docs/targets.md). */
export type TargetKind = 'mock' | 'url' | 'live' | 'replay';

/** A target: its base URL and every variable value a collection may reference. Serialisable (vitest `provide`). */
export interface Target {
  readonly kind: TargetKind;
  /** Short label for reports: "mock", or the base URL's host. */
  readonly name: string;
  readonly apiDomain: string;
  /** Variable name -> value (tokens, fixture ids); api_domain is added by `buildEnvironment`. */
  readonly variables: Readonly<Record<string, string>>;
  /** Values that must never be shown or written (tokens). */
  readonly secrets: readonly string[];
  /** Live runs: where to ask for a fresh token when the org rejects the current one (INVALID_TOKEN). */
  readonly tokenBroker?: string;
  /** When the access token expires (epoch ms): a collection that would start within a minute of it asks the broker first. */
  readonly tokenExpiresAt?: number;
  /** The same for each persona token the broker holds (variable -> epoch ms). */
  readonly tokenExpiries?: Readonly<Record<string, number>>;
  /** Live: cases not sent to this org (`product/endpoint/version/caseId` -> the outcome and why), from its metadata and fixtures. */
  readonly blocked?: Readonly<Record<string, CaseBlock>>;
  /**
   * Live: per module, the fields the org makes mandatory beyond the documented ones, one set per record a case sends
   * (unique values differ): what a creating case's records are completed with (record-fills.ts).
   */
  readonly fills?: Readonly<Record<string, ReadonlyArray<Readonly<Record<string, unknown>>>>>;
  /**
   * Replay: the recording of each case that has one, by `product/endpoint/version/caseId` (the contract version that
   * recorded it and the request it sent); the others are not checked (or not applicable, for mock-only cases).
   */
  readonly recordings?: Readonly<Record<string, Recording>>;
}

/** The target's base URLs (API domain, Contracts host): what a request's URL starts with before the endpoint's path. */
export function baseUrlsOf(target: Target): string[] {
  const contracts = target.variables['contracts_domain'];
  return [...new Set([target.apiDomain, ...(contracts ? [contracts] : [])])];
}

/** Variables whose values are credentials. */
export const SECRET_VARIABLES = [
  'access_token',
  'token_without_scope',
  'token_no_permission',
  'token_restricted_user',
  'token_module_scope_only',
  'token_locking_scope_only',
] as const;

/** Numbered variables a comma-separated list supplies: `bulk_id_001`, `bulk_id_002`, ... from ZOHO_BULK_IDS. */
const LISTS = [
  { prefix: 'bulk_id_', name: 'ZOHO_BULK_IDS' },
  { prefix: 'bigin_bulk_product_', name: 'ZOHO_BIGIN_BULK_PRODUCT_IDS' },
] as const;

/** Collection variables whose environment variable is not `ZOHO_<NAME>`: the Contracts host is ZOHO_CONTRACTS_URL, the
 * one name url and live runs and the standalone mock use for it (ZOHO_CONTRACTS_DOMAIN is read as it, with a notice). */
const NAMED = { contracts_domain: 'ZOHO_CONTRACTS_URL' } as const satisfies Readonly<Record<string, string>>;

/** The environment variable that supplies a collection variable (a list for numbered ones). */
export function environmentName(variable: string): string {
  if (variable in NAMED) return NAMED[variable as keyof typeof NAMED];
  return LISTS.find((list) => variable.startsWith(list.prefix))?.name ?? `ZOHO_${variable.toUpperCase()}`;
}

/** Reads a `--base-url` target's variables from environment values (`ZOHO_ACCESS_TOKEN`, `ZOHO_BULK_IDS`, ...). */
export function urlTarget(baseUrl: string, env: Readonly<Record<string, string | undefined>>): Target {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigError(
      `--base-url "${baseUrl}" is not a URL`,
      'give an absolute http(s) URL, e.g. --base-url http://127.0.0.1:4010',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`--base-url "${baseUrl}" is not http or https`, 'give an absolute http(s) URL');
  }
  const variables = variablesFromEnvironment(env);
  // One base URL for every product (a gateway routes by path): Contracts goes there too, whatever ZOHO_CONTRACTS_URL
  // says (it names the Contracts host of live runs), as ZOHO_API_DOMAIN gives way to the base URL.
  variables['contracts_domain'] = url.origin + url.pathname.replace(/\/$/, '');
  return {
    kind: 'url',
    name: url.host,
    apiDomain: url.origin + url.pathname.replace(/\/$/, ''),
    variables,
    secrets: secretsOf(variables),
  };
}

/** A live org: the access token the run refreshed once, the hosts live mode resolved, fixture ids and extra tokens from ZOHO_* values. */
export function liveTarget(input: {
  name: string;
  apiDomain: string;
  contractsDomain?: string;
  accessToken: string;
  tokenBroker?: string;
  tokenExpiresAt?: number;
  personaTokens?: Readonly<Record<string, { accessToken: string; expiresAt: number }>>;
  env: Readonly<Record<string, string | undefined>>;
}): Target {
  const variables = variablesFromEnvironment(input.env);
  for (const name of ['client_id', 'client_secret', 'refresh_token', 'data_centre', 'environment', 'accounts_url'])
    delete variables[name];
  for (const name of Object.keys(variables))
    if (/^(refresh_token|client_id|client_secret)_/.test(name)) delete variables[name];
  variables['access_token'] = input.accessToken;
  // A persona's refreshed token wins over a static ZOHO_TOKEN_* value (which expires within the hour).
  for (const [variable, token] of Object.entries(input.personaTokens ?? {})) variables[variable] = token.accessToken;
  const tokenExpiries = Object.fromEntries(
    Object.entries(input.personaTokens ?? {}).map(([variable, token]) => [variable, token.expiresAt]),
  );
  if (input.contractsDomain) variables['contracts_domain'] = input.contractsDomain;
  const credentials = Object.keys(input.env).filter((k) =>
    /^ZOHO_(CLIENT_SECRET|REFRESH_TOKEN|CLIENT_ID)(_|$)/.test(k),
  );
  const secrets = [...secretsOf(variables), ...credentials.map((k) => input.env[k] ?? '').filter(Boolean)];
  return {
    kind: 'live',
    name: input.name,
    apiDomain: input.apiDomain,
    variables,
    secrets,
    ...(input.tokenBroker ? { tokenBroker: input.tokenBroker } : {}),
    ...(input.tokenExpiresAt ? { tokenExpiresAt: input.tokenExpiresAt } : {}),
    ...(Object.keys(tokenExpiries).length > 0 ? { tokenExpiries } : {}),
  };
}

/** ZOHO_NAME=value -> name=value (ZOHO_BULK_IDS expanded), without the API domain, which the target decides. */
function variablesFromEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith('ZOHO_') || value === undefined || value === '') continue;
    const list = LISTS.find((l) => l.name === key);
    const named = Object.entries(NAMED).find(([, name]) => name === key)?.[0];
    if (list) Object.assign(variables, expandBulkIds(value, list.prefix));
    else variables[named ?? key.slice('ZOHO_'.length).toLowerCase()] = value;
  }
  delete variables['api_domain'];
  return variables;
}

/** Tokens, and any value whose name says it is a credential: never shown or written. */
function secretsOf(variables: Readonly<Record<string, string>>): string[] {
  const names = Object.keys(variables).filter(
    (name) => (SECRET_VARIABLES as readonly string[]).includes(name) || /token|secret|password|key/i.test(name),
  );
  return names.map((name) => variables[name]).filter((v): v is string => v !== undefined);
}

/** `a,b,c` -> bulk_id_001=a, bulk_id_002=b, ... (the catalog's bulk cases reference them by number). */
export function expandBulkIds(list: string, prefix = 'bulk_id_'): Record<string, string> {
  const out: Record<string, string> = {};
  list
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
    .forEach((id, i) => {
      out[`${prefix}${String(i + 1).padStart(3, '0')}`] = id;
    });
  return out;
}

/** The in-memory Postman environment for a target; never written to disk, since it holds tokens. */
export function buildEnvironment(target: Target): {
  id: string;
  name: string;
  values: Array<{ key: string; value: string; type: string; enabled: boolean }>;
} {
  const values = Object.entries({ ...target.variables, api_domain: target.apiDomain })
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({
      key,
      value,
      type: (SECRET_VARIABLES as readonly string[]).includes(key) ? 'secret' : 'default',
      enabled: true,
    }));
  return { id: `zoho-contract-${target.kind}`, name: `zoho-contract ${target.name}`, values };
}

/** The `{{variables}}` a piece of request text references, in order of first use. */
export function referencedVariables(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{([A-Za-z0-9_.-]+)\}\}/g)].map((m) => m[1] ?? ''))].filter(Boolean);
}

/** The target for the embedded mock: its URL and the values it accepts; its fake tokens are still kept out of reports. */
export function mockTarget(mock: {
  readonly url: string;
  readonly variables: Readonly<Record<string, string>>;
}): Target {
  const secrets = SECRET_VARIABLES.map((name) => mock.variables[name]).filter((v): v is string => v !== undefined);
  return { kind: 'mock', name: 'mock', apiDomain: mock.url, variables: { ...mock.variables }, secrets };
}
