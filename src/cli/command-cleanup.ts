// `contract cleanup --run-id <id> | --all-tagged`: deletes the fixtures a killed live run left behind, from its ledger.

import { join } from 'node:path';
import { ExitCode, UsageError, type ExitCodeValue } from '../errors.ts';
import {
  createOrgClient,
  deleteFixtures,
  ledgersWithLeftovers,
  leftovers,
  readLedger,
  readLiveConfig,
  refreshAccessToken,
  writeLedger,
  type FixtureLedger,
} from '../live/index.ts';
import { cleanupOptionTable } from './option-table.ts';
import { parseOptions, renderHelp } from './parse-args.ts';

/** Deletes leftovers; exit 0 when none remain, 1 when some could not be deleted. */
export async function commandCleanup(
  args: readonly string[],
  root: string,
  env: Readonly<Record<string, string | undefined>>,
  print: (line: string) => void,
): Promise<ExitCodeValue> {
  const options = parseOptions(cleanupOptionTable, args, 'cleanup');
  if (options.help) {
    print(renderHelp('Usage: npm run contract -- cleanup --run-id <id> | --all-tagged', cleanupOptionTable));
    return ExitCode.passed;
  }
  if (!options['run-id'] === !options['all-tagged'])
    throw new UsageError(
      'cleanup needs exactly one of --run-id <id> and --all-tagged',
      'e.g. npm run contract -- cleanup --run-id 2026-11-24T10-00-00Z',
    );
  const reports = join(root, 'reports');
  const targets = options['run-id']
    ? [{ dir: join(reports, options['run-id']), ledger: await readLedger(join(reports, options['run-id'])) }]
    : await ledgersWithLeftovers(reports);
  if (targets.every((t) => leftovers(t.ledger).length === 0)) {
    print('cleanup: nothing left to delete');
    return ExitCode.passed;
  }
  const config = readLiveConfig(env);
  const token = await refreshAccessToken(config);
  let remaining = 0;
  for (const { dir, ledger } of targets) {
    const todo = leftovers(ledger);
    // The org's edition (and so its concurrency limit) is not read here: the lowest edition's limit is safe everywhere.
    const deleted = await deleteFixtures(
      createOrgClient({ apiDomain: ledger.apiDomain, accessToken: token.accessToken, limit: 5 }),
      todo,
    );
    const updated: FixtureLedger = { ...ledger, deleted: [...ledger.deleted, ...deleted] };
    await writeLedger(dir, updated);
    remaining += leftovers(updated).length;
    print(`cleanup ${ledger.runId}: deleted ${deleted.length} of ${todo.length} leftover records`);
  }
  return remaining === 0 ? ExitCode.passed : ExitCode.contractFailure;
}
