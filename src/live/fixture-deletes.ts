// Live fixtures going away: a lock removed, records deleted level by level (what looks a record up first, at most 100
// ids a call), and a record the org no longer has counted as gone. The credit plan counts the same calls.

import type { FixtureRecord } from './fixtures.ts';
import type { OrgClient } from './org-client.ts';
import { entries } from './write-answers.ts';

const BATCH = 100;

/**
 * Removes the lock the run put on a record (a locked record cannot be deleted on Zoho): the record without its lock
 * when the org says so, else as it was (its delete then says what is wrong). The caller names the step.
 */
export async function unlockFixture(client: OrgClient, record: FixtureRecord): Promise<FixtureRecord> {
  if (!record.lockId) return record;
  const answer = await client
    .call('DELETE', `/crm/${client.version}/${record.module}/${record.id}/Locking_Information__s/${record.lockId}`)
    .catch(() => undefined);
  if (!answer || entries(answer)[0]?.status !== 'success') return record;
  const { lockId: _removed, ...unlocked } = record;
  return unlocked;
}

/** Deletes fixtures: locks removed first, then each level's records (Delete Records with ids=, at most 100 per call), looked-up records last. */
export async function deleteFixtures(client: OrgClient, records: readonly FixtureRecord[]): Promise<FixtureRecord[]> {
  const deleted: FixtureRecord[] = [];
  const locked = records.filter((r) => r.lockId);
  if (locked.length > 0) {
    client.step('clean-up: unlocks');
    await Promise.all(locked.map((r) => unlockFixture(client, r)));
  }
  for (const { level, calls } of deleteSteps(records)) {
    client.step(`clean-up: records of level ${level}`);
    for (const gone of await Promise.all(calls.map((batch) => deleteBatch(client, batch)))) deleted.push(...gone);
  }
  return [
    ...deleted,
    ...(await alreadyGone(
      client,
      records.filter((r) => !deleted.includes(r)),
    )),
  ];
}

/**
 * Of records whose delete did not succeed, those the org no longer has (a read answers 204): a case deleted them itself
 * (Delete Records on a record made for it). Any other answer leaves the record to `cleanup`, as before.
 */
async function alreadyGone(client: OrgClient, records: readonly FixtureRecord[]): Promise<FixtureRecord[]> {
  if (records.length === 0) return [];
  client.step('clean-up: records already gone');
  const read = await Promise.all(
    records.map(async (r) => {
      const base = r.product === 'bigin' ? `/bigin/v1/${r.module}` : `/crm/${client.version}/${r.module}`;
      const answer = await client.call('GET', `${base}/${r.id}`).catch(() => undefined);
      return answer?.status === 204 ? [r] : [];
    }),
  );
  return read.flat();
}

/**
 * The delete calls of a clean-up, step by step: each level's records (the highest first: what looks up a record goes
 * before it), by product and module, at most 100 ids a call. The credit plan counts the same calls.
 */
export function deleteSteps(records: readonly FixtureRecord[]): Array<{ level: number; calls: FixtureRecord[][] }> {
  const levels = [...new Set(records.map((r) => r.level ?? 0))].sort((a, b) => b - a);
  return levels.map((level) => {
    const own = records.filter((r) => (r.level ?? 0) === level);
    const groups = [...new Set(own.map((r) => `${r.product ?? 'crm'}:${r.module}`))].map((key) =>
      own.filter((r) => `${r.product ?? 'crm'}:${r.module}` === key),
    );
    return {
      level,
      calls: groups.flatMap((group) =>
        Array.from({ length: Math.ceil(group.length / BATCH) }, (_, k) => group.slice(k * BATCH, (k + 1) * BATCH)),
      ),
    };
  });
}

/** One Delete Records call (`ids=`, one module): the records it says it deleted; none when it got no answer. */
export async function deleteBatch(client: OrgClient, batch: readonly FixtureRecord[]): Promise<FixtureRecord[]> {
  const first = batch[0];
  if (!first) return [];
  const base = first.product === 'bigin' ? `/bigin/v1/${first.module}` : `/crm/${client.version}/${first.module}`;
  const answer = await client.call('DELETE', `${base}?ids=${batch.map((r) => r.id).join(',')}`).catch(() => undefined);
  return (answer ? entries(answer) : []).flatMap((entry) => {
    const record = batch.find((r) => r.id === entry.id);
    return entry.status === 'success' && record ? [record] : [];
  });
}
