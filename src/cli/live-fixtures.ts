// The CLI's part of live fixtures: create before the run, delete in a finally, keep the ledger, say what happened.

import { createFixtures, deleteFixtures, leftovers, writeLedger, type ApiClient, type FixtureRecord } from '../live/index.ts';
import type { Target } from '../harness/index.ts';

/** Runs `body` with the live fixtures in place; they are deleted afterwards whatever happens (failure, interrupt). */
export async function withLiveFixtures<T>(target: Target, runId: string, outDir: string, print: (line: string) => void, body: (target: Target) => Promise<T>): Promise<T> {
  const client: ApiClient = { apiDomain: target.apiDomain, accessToken: target.variables['access_token'] ?? '', version: 'v8' };
  let created: readonly FixtureRecord[] = [];
  const ledger = (deleted: readonly FixtureRecord[]) => writeLedger(outDir, { runId, apiDomain: target.apiDomain, created, deleted });
  try {
    const fixtures = await createFixtures(client, runId, async (sofar) => {
      created = [...sofar];
      await ledger([]);
    });
    created = fixtures.created;
    print(`Fixtures: created ${created.length} records tagged "zoho-contract-suite ${runId}" (ledger ${outDir}/fixtures.json)`);
    return await body({ ...target, variables: { ...target.variables, ...fixtures.variables } });
  } finally {
    const deleted = created.length ? await deleteFixtures(client, created).catch(() => []) : [];
    await ledger(deleted);
    const left = leftovers({ runId, apiDomain: target.apiDomain, created, deleted });
    print(left.length === 0 ? `Fixtures: deleted all ${deleted.length} records` : `Fixtures: ${left.length} records could not be deleted; run \`npm run contract -- cleanup --run-id ${runId}\``);
  }
}
