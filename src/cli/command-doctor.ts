// `contract doctor`: checks live configuration, the token refresh, scopes and reachability; runs no case.

import { catalog, hostVariable } from '../catalog/index.ts';
import { ContractSuiteError, ExitCode, type ExitCodeValue } from '../errors.ts';
import { probeTarget } from '../harness/index.ts';
import { createOrgClient, readLiveConfig, refreshAccessToken } from '../live/index.ts';
import { describeCases } from '../run/index.ts';
import { doctorOptionTable } from './option-table.ts';
import { parseModules, parseOptions, renderHelp } from './parse-args.ts';

/** The scope family each product needs (the catalog's endpoints list the exact alternatives). */
const SCOPE_FAMILIES: Readonly<Record<string, RegExp>> = {
  crm: /^ZohoCRM\.modules\./i,
  bigin: /^ZohoBigin\.modules\./i,
  contracts: /^contracts\.(meta|contracts)\./i,
};

/** Prints what a live run would use and whether it works: exit 0 healthy, 2 configuration, 3 auth or reachability. */
export async function commandDoctor(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  print: (line: string) => void,
): Promise<ExitCodeValue> {
  const options = parseOptions(doctorOptionTable, args, 'doctor');
  if (options.help) {
    print(renderHelp('Usage: npm run contract -- doctor [--dotenv <path>] [--modules <A,B,...>]', doctorOptionTable));
    return ExitCode.passed;
  }
  const modules = options.modules === undefined ? undefined : parseModules(options.modules);
  const config = readLiveConfig(env);
  print(
    `configuration: ok (data centre ${config.dataCentre}, ${config.environment}${config.environment === 'production' ? ' - a run needs --allow-production' : ''})`,
  );
  const token = await refreshAccessToken(config);
  const apiDomain = config.apiDomainOverridden ? config.apiDomain : (token.apiDomain ?? config.apiDomain);
  print(
    `token refresh: ok (expires in ${Math.round((token.expiresAt - Date.now()) / 60_000)} min${token.apiDomain ? `, api_domain ${token.apiDomain}` : ''})`,
  );
  let problems = 0;
  for (const product of [...new Set(catalog.map((e) => e.product))]) {
    const endpoint = catalog.find((e) => e.product === product);
    const host = endpoint && hostVariable(endpoint) === 'contracts_domain' ? config.contractsDomain : apiDomain;
    const needed = [...new Set(catalog.filter((e) => e.product === product).flatMap((e) => e.scopes))].join('; ');
    const granted = token.scopes?.filter((s) => SCOPE_FAMILIES[product]?.test(s)) ?? [];
    const scopeLine =
      token.scopes === undefined
        ? 'not listed by the token endpoint'
        : granted.length
          ? `granted ${granted.join(', ')}`
          : 'NONE granted';
    if (token.scopes !== undefined && granted.length === 0) problems += 1;
    const reach = host ? await reachable(host) : 'no host for this data centre';
    if (reach !== 'reachable') problems += 1;
    print(`${product}: host ${host ?? '-'} (${reach}); scopes needed: ${needed}; ${scopeLine}`);
  }
  // What this org can run, read from its metadata before anything is written (doctor writes nothing).
  const client = createOrgClient({ apiDomain, accessToken: token.accessToken, limit: 5 });
  for (const line of await describeCases(client, env, modules)) print(line);
  print(problems === 0 ? 'doctor: ready for --target live' : `doctor: ${problems} problem(s) above`);
  return problems === 0 ? ExitCode.passed : ExitCode.unreachable;
}

async function reachable(url: string): Promise<string> {
  try {
    await probeTarget(url, 5_000);
    return 'reachable';
  } catch (error) {
    return error instanceof ContractSuiteError
      ? `UNREACHABLE: ${error.message.replace(/^target \S+ is unreachable: /, '')}`
      : 'UNREACHABLE';
  }
}
