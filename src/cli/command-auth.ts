// `contract auth`: which scopes to request for a Self Client grant code, and the exchange of that code for a refresh
// token written into .env (never printed).

import { catalog } from '../catalog/index.ts';
import { ExitCode, UsageError, type ExitCodeValue } from '../errors.ts';
import { PERSONAS, exchangeGrantCode, readClientConfig, requiredScopes } from '../live/index.ts';
import { authOptionTable } from './option-table.ts';
import { parseOptions, renderHelp } from './parse-args.ts';
import { writeEnvValue } from './write-env-value.ts';

const USAGE =
  'Usage: npm run contract -- auth --scopes | auth --grant-code <code> --write-env [--persona <name>] [--dotenv <path>]';

/** `--scopes` prints what to request; `--grant-code` exchanges a code and stores the refresh token. Exit 0, 2 or 3. */
export async function commandAuth(
  args: readonly string[],
  envPath: string,
  env: Readonly<Record<string, string | undefined>>,
  print: (line: string) => void,
): Promise<ExitCodeValue> {
  const options = parseOptions(authOptionTable, args, 'auth');
  if (options.help) {
    print(renderHelp(USAGE, authOptionTable));
    return ExitCode.passed;
  }
  const variable = envName(options.persona);
  if (options.scopes) {
    printScopes(print);
    return ExitCode.passed;
  }
  const code = options['grant-code'];
  if (!code) throw new UsageError('auth needs --scopes or --grant-code <code>', USAGE.replace('Usage: ', ''));
  // A grant code works once: exchanging it without keeping the refresh token (never printed) would waste it.
  if (!options['write-env'])
    throw new UsageError(
      'auth --grant-code needs --write-env (the refresh token is never printed, and a grant code works once)',
      `add --write-env to store it as ${variable} in ${envPath}`,
    );
  const client = readClientConfig(env);
  const granted = await exchangeGrantCode({ ...client, code });
  await writeEnvValue(envPath, variable, granted.refreshToken);
  print(
    `auth: refresh token received from ${client.tokenUrl}${granted.apiDomain ? ` (api_domain ${granted.apiDomain})` : ''}; written to ${envPath} as ${variable} (not shown)`,
  );
  if (granted.scopes) print(`auth: scopes granted: ${granted.scopes.join(', ')}`);
  return ExitCode.passed;
}

/** ZOHO_REFRESH_TOKEN, or a persona's ZOHO_REFRESH_TOKEN_<PERSONA> (given as without-scope, WITHOUT_SCOPE...). */
function envName(persona: string | undefined): string {
  if (persona === undefined) return 'ZOHO_REFRESH_TOKEN';
  const suffix = persona.toUpperCase().replace(/-/g, '_');
  if (!PERSONAS.some((p) => p.suffix === suffix)) {
    throw new UsageError(
      `--persona "${persona}" is not a persona`,
      `one of ${PERSONAS.map((p) => p.suffix.toLowerCase().replace(/_/g, '-')).join(', ')}`,
    );
  }
  return `ZOHO_REFRESH_TOKEN_${suffix}`;
}

function printScopes(print: (line: string) => void): void {
  print(
    'Scopes for the grant code of ZOHO_REFRESH_TOKEN (api-console.zoho.com > Self Client > Generate Code; paste as one line):',
  );
  print(requiredScopes(catalog.flatMap((e) => e.scopes)).join(','));
  print('');
  print('Personas (each its own grant code, then: auth --grant-code <code> --write-env --persona <name>):');
  for (const p of PERSONAS) print(`  ${p.suffix.toLowerCase().replace(/_/g, '-').padEnd(20)}${p.needs}`);
}
