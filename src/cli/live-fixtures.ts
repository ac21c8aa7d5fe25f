// The CLI's part of live fixtures: create before the run, delete in a finally, keep the ledger, say what happened.

import { createFixtures, deleteFixtures, leftovers, writeLedger, type ApiClient, type FixtureRecord } from '../live/index.ts';
import type { Target } from '../harness/index.ts';

/** The live run's current token, from its broker when it has one. */
async function currentToken(target: Target): Promise<string | undefined> {
  if (!target.tokenBroker) return target.variables['access_token'];
  const answer = await fetch(target.tokenBroker, { method: 'POST', body: '{}', signal: AbortSignal.timeout(30_000) });
  const token = ((await answer.json()) as { accessToken?: unknown }).accessToken;
  return typeof token === 'string' ? token : undefined;
}

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
    // The run's token may have expired meanwhile: ask the broker for the current one (it renews a token about to expire).
    const deleter = { ...client, accessToken: (await currentToken(target).catch(() => undefined)) ?? client.accessToken };
    const deleted = created.length ? await deleteFixtures(deleter, created).catch(() => []) : [];
    await ledger(deleted);
    const left = leftovers({ runId, apiDomain: target.apiDomain, created, deleted });
    print(left.length === 0 ? `Fixtures: deleted all ${deleted.length} records` : `Fixtures: ${left.length} records could not be deleted; run \`npm run contract -- cleanup --run-id ${runId}\``);
  }
}
