// The fixture ledger: reports/<run-id>/fixtures.json, written as soon as records exist, so a killed run can be cleaned up.

import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors.ts';
import type { FixtureRecord } from './fixtures.ts';

/** What a run created in an org and what it deleted again. */
export interface FixtureLedger {
  readonly runId: string;
  readonly apiDomain: string;
  readonly created: readonly FixtureRecord[];
  readonly deleted: readonly FixtureRecord[];
}

/** Writes the ledger into a run's report folder. */
export async function writeLedger(dir: string, ledger: FixtureLedger): Promise<void> {
  await writeFile(join(dir, 'fixtures.json'), `${JSON.stringify(ledger, null, 2)}\n`);
}

/** Reads one run's ledger. */
export async function readLedger(dir: string): Promise<FixtureLedger> {
  try {
    const parsed = JSON.parse(await readFile(join(dir, 'fixtures.json'), 'utf8')) as FixtureLedger;
    if (typeof parsed.runId !== 'string' || !Array.isArray(parsed.created) || !Array.isArray(parsed.deleted))
      throw new Error('malformed');
    return parsed;
  } catch (error) {
    throw new ConfigError(
      `no fixture ledger in ${dir}`,
      'give the run id of a --target live run (its report folder holds fixtures.json)',
      { cause: error },
    );
  }
}

/** Every ledger under reports/ that still lists records not deleted. */
export async function ledgersWithLeftovers(reportsDir: string): Promise<Array<{ dir: string; ledger: FixtureLedger }>> {
  const out: Array<{ dir: string; ledger: FixtureLedger }> = [];
  for (const entry of await readdir(reportsDir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory() || entry.name === 'latest') continue;
    const dir = join(reportsDir, entry.name);
    const ledger = await readLedger(dir).catch(() => undefined);
    if (ledger && leftovers(ledger).length > 0) out.push({ dir, ledger });
  }
  return out;
}

/** Records a ledger says were created and not yet deleted. */
export function leftovers(ledger: FixtureLedger): FixtureRecord[] {
  const gone = new Set(ledger.deleted.map((r) => `${r.module}/${r.id}`));
  return ledger.created.filter((r) => !gone.has(`${r.module}/${r.id}`));
}
