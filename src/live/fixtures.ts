// Live fixtures: the planned records created level by level (looked-up records first), locked where a case needs a
// lock, and deleted after the run in the reverse order, always. A record (or lock) the org refuses makes its cases
// errors, with the org's answer as the reason: never not applicable, and never green.

import type { CaseBlock } from '../verdict/index.ts';
import { deleteBatch, deleteSteps } from './fixture-deletes.ts';
import type { OrgClient } from './org-client.ts';
import { described, entries, topLevel, type WriteEntry } from './write-answers.ts';
import type { FixturePlan, PlannedRecord } from './fixture-plan.ts';

/** One record the run created. */
export interface FixtureRecord {
  readonly module: string;
  readonly id: string;
  /** The lock the run put on it (Locking_Information__s), removed before the record is deleted. */
  readonly lockId?: string;
  /** Bigin records live under /bigin/v1; CRM's under /crm/{version}. */
  readonly product?: 'bigin';
  /** Records of a lower level are looked up by those above them: deleted last. */
  readonly level?: number;
}

/** What creating the plan gave: the variables filled, the records that exist, and what could not be created (variable -> why). */
export interface CreatedFixtures {
  readonly variables: Record<string, string>;
  readonly created: FixtureRecord[];
  readonly unavailable: Record<string, CaseBlock>;
  /** Records made and deleted again before the cases (see FixtureNeed.deleted): in the ledger as created and deleted. */
  readonly deleted: FixtureRecord[];
}

const BATCH = 100;

/** Creates the plan's records (Insert Records, at most 100 per call, a level's calls side by side) and their locks. */
export async function createFixtures(
  client: OrgClient,
  plan: FixturePlan,
  runId: string,
  onCreated: (records: readonly FixtureRecord[]) => Promise<void>,
): Promise<CreatedFixtures> {
  const ids = new Map<string, string>();
  const result: CreatedFixtures = {
    variables: { ...plan.variables },
    created: [],
    unavailable: { ...plan.unavailable },
    deleted: [],
  };
  const levels = [...new Set(plan.records.map((r) => r.level))].sort((a, b) => a - b);
  for (const level of levels) {
    client.step(`fixtures: records of level ${level}`);
    const batches = batchesOf(plan.records.filter((r) => r.level === level));
    const inserted = await Promise.allSettled(
      batches.map(async (batch) => {
        const ready = batch.filter((r) => refusedParent(r, ids, result.unavailable) === undefined);
        const answers = ready.length ? await insert(client, ready, ids) : [];
        ready.forEach((record, i) => settleInsert(record, answers[i], ids, result));
        for (const record of batch.filter((r) => !ready.includes(r)))
          markRefused(record, result.unavailable, refusedParent(record, ids, result.unavailable) ?? '');
      }),
    );
    // What the level's other calls created is handed over even when one of them got no answer: it is deleted with the rest.
    await onCreated(result.created);
    throwFirstFailure(inserted);
  }
  // The locks, and the deletes of the records made to be read deleted, go out side by side: one step, one round.
  const toLock = plan.records.filter((r) => r.lockVariable && ids.has(r.key));
  const doomed = plan.records.filter((r) => r.deleteBeforeCases && ids.has(r.key));
  if (toLock.length > 0 || doomed.length > 0) {
    client.step(toLock.length > 0 ? 'fixtures: locks' : 'fixtures: deleted before the cases');
    const lock = async (record: PlannedRecord): Promise<void> => {
      const id = ids.get(record.key) as string;
      const answer = await client.call('POST', `/crm/${client.version}/${record.module}/${id}/Locking_Information__s`, {
        data: [{ Locked_Reason__s: `zoho-contract-suite ${runId}` }],
      });
      const entry = entries(answer)[0];
      const lockId = entry?.id;
      if (!lockId)
        return markRefused(
          record,
          result.unavailable,
          `the org refused to lock the ${record.module} fixture: ${described(entry ?? topLevel(answer))}`,
        );
      result.variables[record.lockVariable as string] = lockId;
      const at = result.created.findIndex((r) => r.module === record.module && r.id === id);
      if (at >= 0) result.created[at] = { ...(result.created[at] as FixtureRecord), lockId };
    };
    const records = result.created.filter((c) => doomed.some((r) => ids.get(r.key) === c.id && r.module === c.module));
    const batches = deleteSteps(records).flatMap((step) => step.calls);
    const settled = await Promise.allSettled([
      ...toLock.map(lock),
      ...batches.map(async (batch) => void result.deleted.push(...(await deleteBatch(client, batch)))),
    ]);
    for (const record of doomed)
      if (!result.deleted.some((d) => d.id === ids.get(record.key)))
        markRefused(
          record,
          result.unavailable,
          `the org did not delete the ${record.module} fixture made to be read deleted`,
        );
    await onCreated(result.created);
    throwFirstFailure(settled);
  }
  return result;
}

/** The calls each step of `createFixtures` makes at most, in order: each level's inserts, then the locks beside the deletes before the cases. */
export function fixtureSteps(plan: FixturePlan): number[] {
  const levels = [...new Set(plan.records.map((r) => r.level))].sort((a, b) => a - b);
  const locks = plan.records.filter((r) => r.lockVariable).length;
  const inserts = levels.map((level) => batchesOf(plan.records.filter((r) => r.level === level)).length);
  const doomed = plan.records.filter((r) => r.deleteBeforeCases).map((r) => ({ module: r.module, id: r.key }));
  const deletes = deleteSteps(doomed).reduce((sum, step) => sum + step.calls.length, 0);
  return [...inserts, ...(locks + deletes > 0 ? [locks + deletes] : [])];
}

/** Rethrows the first rejection of a step's calls (a call that got no answer), once what the others did is kept. */
function throwFirstFailure(results: readonly PromiseSettledResult<unknown>[]): void {
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The level's records, by product and module, in calls of at most 100. */
function batchesOf(records: readonly PlannedRecord[]): PlannedRecord[][] {
  const groups = [...new Set(records.map((r) => `${r.product}:${r.module}`))].map((key) =>
    records.filter((r) => `${r.product}:${r.module}` === key),
  );
  return groups.flatMap((group) =>
    Array.from({ length: Math.ceil(group.length / BATCH) }, (_, k) => group.slice(k * BATCH, (k + 1) * BATCH)),
  );
}

async function insert(
  client: OrgClient,
  batch: readonly PlannedRecord[],
  ids: ReadonlyMap<string, string>,
): Promise<WriteEntry[]> {
  const first = batch[0] as PlannedRecord;
  const path = first.product === 'bigin' ? `/bigin/v1/${first.module}` : `/crm/${client.version}/${first.module}`;
  const data = batch.map((r) =>
    Object.fromEntries(
      Object.entries(r.fields).map(([name, v]) => [name, 'value' in v ? v.value : { id: ids.get(v.recordOf) }]),
    ),
  );
  const answer = await client.call('POST', path, { data, trigger: [] });
  const found = entries(answer);
  return batch.map((_, i) => found[i] ?? topLevel(answer));
}

function settleInsert(
  record: PlannedRecord,
  entry: WriteEntry | undefined,
  ids: Map<string, string>,
  result: CreatedFixtures,
): void {
  if (entry?.status === 'success' && entry.id) {
    ids.set(record.key, entry.id);
    if (record.variable) result.variables[record.variable] = entry.id;
    // A looked-up record's id is what a creating case's records look it up by (the plan's fills).
    else result.variables[record.key.replace(/^lookup:(\w+):/, 'lookup_$1_')] = entry.id;
    result.created.push({
      module: record.module,
      id: entry.id,
      ...(record.product === 'bigin' ? { product: 'bigin' as const } : {}),
      ...(record.level > 0 || !record.variable ? { level: record.level } : {}),
    });
    return;
  }
  markRefused(record, result.unavailable, refusal(record, entry));
}

/**
 * Why the org refused a fixture, as one line: its status, code and message, and where the answer names a field the
 * suite filled in, that field and the value planned for it (the planner's value is then the cause, not the org).
 */
function refusal(record: PlannedRecord, entry: WriteEntry | undefined): string {
  if (!entry) return `the org gave no answer for the ${record.module} fixture`;
  const planned = entry.field ? record.fields[entry.field] : undefined;
  if (entry.field && planned && 'value' in planned)
    return `the org refused the value the suite planned for ${record.module}.${entry.field} (${JSON.stringify(planned.value)}): ${described(entry)}`;
  if (entry.field)
    return `the org refused the ${record.module} fixture for ${record.module}.${entry.field}, which the org's metadata did not make the suite fill: ${described(entry)}`;
  return `the org refused the ${record.module} fixture: ${described(entry)}`;
}

/** Why a record cannot be created because a record it looks up was not, if so. */
function refusedParent(
  record: PlannedRecord,
  ids: ReadonlyMap<string, string>,
  unavailable: Readonly<Record<string, CaseBlock>>,
): string | undefined {
  const missing = Object.values(record.fields).find((v) => 'recordOf' in v && !ids.has(v.recordOf));
  if (!missing || !('recordOf' in missing)) return undefined;
  const parent = missing.recordOf.replace(/^lookup:\w+:/, '');
  const why = unavailable[missing.recordOf]?.reason;
  return `the ${parent} record it looks up could not be created${why ? ` (${why})` : ''}`;
}

/** The record's cases are errors: the org refused (or failed) a call the suite made to set them up. */
function markRefused(record: PlannedRecord, unavailable: Record<string, CaseBlock>, reason: string): void {
  const block: CaseBlock = { outcome: 'error', reason };
  unavailable[record.key] = block;
  if (record.variable) unavailable[record.variable] = block;
  if (record.lockVariable) unavailable[record.lockVariable] = block;
}
