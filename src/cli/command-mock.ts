// `contract mock`: runs the embedded mock alone until interrupted, printing the values it accepts.

import { ExitCode, type ExitCodeValue } from '../errors.ts';
import { startMock } from '../mock/index.ts';
import { mockOptionTable } from './option-table.ts';
import { parseOptions, parsePositiveInteger, renderHelp } from './parse-args.ts';

/** Starts the mock and resolves when `stop` fires (SIGINT/SIGTERM in main.ts). */
export async function commandMock(args: readonly string[], print: (line: string) => void, stop: Promise<void>): Promise<ExitCodeValue> {
  const options = parseOptions(mockOptionTable, args, 'mock');
  if (options.help) {
    print(renderHelp('Usage: npm run mock -- [--port N] [--host ADDRESS]', mockOptionTable));
    return ExitCode.passed;
  }
  const port = options.port === undefined ? 0 : parsePositiveInteger(options.port, 'port', 4010);
  const mock = await startMock({ port, host: options.host ?? '127.0.0.1' });
  print(`Zoho mock listening on ${mock.url} (Ctrl-C to stop)`);
  print('# Values it accepts (export them for a --base-url run):');
  for (const line of mock.environmentLines()) print(line);
  print(`# Postman environment: ${mock.url}/__mock/environment`);
  print(`# e.g. npx newman run collections/crm/v2.1/update-records.postman_collection.json -e ${mock.url}/__mock/environment`);
  await stop;
  await mock.close();
  return ExitCode.passed;
}
