// `contract mock`: runs the embedded mock alone until interrupted, printing the values it accepts.

import { ExitCode, UsageError, type ExitCodeValue } from '../errors.ts';
import { readOrgProfile, startMock } from '../mock/index.ts';
import { mockOptionTable } from './option-table.ts';
import { parseOptions, parsePositiveInteger, renderHelp } from './parse-args.ts';

/** Starts the mock and resolves when `stop` fires (SIGINT/SIGTERM in main.ts). */
export async function commandMock(
  args: readonly string[],
  print: (line: string) => void,
  stop: Promise<void>,
): Promise<ExitCodeValue> {
  const options = parseOptions(mockOptionTable, args, 'mock');
  if (options.help) {
    print(
      renderHelp(
        'Usage: npm run mock -- [--port N] [--host ADDRESS] [--org profile.json] [--latency MS]',
        mockOptionTable,
      ),
    );
    return ExitCode.passed;
  }
  const port = options.port === undefined ? 0 : parsePositiveInteger(options.port, 'port', 4010);
  const host = options.host ?? '127.0.0.1';
  const latencyMs =
    options.latency === undefined || options.latency === '0'
      ? 0
      : parsePositiveInteger(options.latency, 'latency', 300);
  const org = options.org === undefined ? undefined : await readOrgProfile(options.org);
  const mock = await startMock({ port, host, latencyMs, ...(org ? { org } : {}) }).catch((error: unknown) => {
    throw listenError(error, port, host) ?? error;
  });
  print(`Zoho mock listening on ${mock.url} (Ctrl-C to stop)`);
  if (org)
    print(
      `# Playing the org in ${options.org}: ${org.edition} edition, ${org.modules.size} modules, at most ${mock.concurrencyLimit} CRM calls in flight`,
    );
  if (latencyMs > 0) print(`# Every answer waits ${latencyMs} ms`);
  print('# Values it accepts (export them for a --base-url run):');
  for (const line of mock.environmentLines()) print(line);
  print(`# Postman environment: ${mock.url}/__mock/environment`);
  print(
    `# e.g. npx newman run collections/crm/v2.1/update-records.postman_collection.json -e ${mock.url}/__mock/environment`,
  );
  await stop;
  await mock.close();
  return ExitCode.passed;
}

/** What a user can do about the mock not listening where they asked: a taken or privileged port, a foreign address. */
function listenError(error: unknown, port: number, host: string): UsageError | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'EADDRINUSE')
    return new UsageError(
      `--port ${port}: the port is already in use on ${host}`,
      'pick another with --port N, or leave --port out for a free one',
    );
  if (code === 'EACCES')
    return new UsageError(
      `--port ${port}: listening there needs privileges this process lacks`,
      'use a port above 1023',
    );
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new UsageError(
      `--host ${host}: not an address of this machine`,
      'use 127.0.0.1 (the default) or an address this machine has',
    );
  return undefined;
}
