// Live fixtures: the planned records created level by level (looked-up records first), locked where a case needs a
// lock, and deleted after the run in the reverse order, always. A record (or lock) the org refuses makes its cases
// errors, with the org's answer as the reason: never not applicable, and never green.

import type { CaseBlock } from '../verdict/index.ts';
import { answerCode, type OrgAnswer, type OrgClient } from './org-client.ts';
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
}

/** One entry of a record-write answer, as far as a fixture needs it; `httpStatus` is the answer's. */
interface WriteEntry {
  readonly status: string;
  readonly code: string;
  readonly id?: string;
  readonly message?: string;
  /** details.api_name: the field an INVALID_DATA or MANDATORY_NOT_FOUND is about. */
  readonly field?: string;
  readonly httpStatus?: number;
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
  const toLock = plan.records.filter((r) => r.lockVariable && ids.has(r.key));
  if (toLock.length > 0) {
    client.step('fixtures: locks');
    const locked = await Promise.allSettled(
      toLock.map(async (record) => {
        const id = ids.get(record.key) as string;
        const answer = await client.call(
          'POST',
          `/crm/${client.version}/${record.module}/${id}/Locking_Information__s`,
          { data: [{ Locked_Reason__s: `zoho-contract-suite ${runId}` }] },
        );
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
      }),
    );
    await onCreated(result.created);
    throwFirstFailure(locked);
  }
  return result;
}

/** The calls each step of `createFixtures` makes at most, in order: each level's inserts, then the locks. */
export function fixtureSteps(plan: FixturePlan): number[] {
  const levels = [...new Set(plan.records.map((r) => r.level))].sort((a, b) => a - b);
  const locks = plan.records.filter((r) => r.lockVariable).length;
  const inserts = levels.map((level) => batchesOf(plan.records.filter((r) => r.level === level)).length);
  return [...inserts, ...(locks > 0 ? [locks] : [])];
}

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
    await Promise.all(
      calls.map(async (batch) => {
        const first = batch[0] as FixtureRecord;
        const base = first.product === 'bigin' ? `/bigin/v1/${first.module}` : `/crm/${client.version}/${first.module}`;
        const answer = await client
          .call('DELETE', `${base}?ids=${batch.map((r) => r.id).join(',')}`)
          .catch(() => undefined);
        for (const entry of answer ? entries(answer) : []) {
          const record = batch.find((r) => r.id === entry.id);
          if (entry.status === 'success' && record) deleted.push(record);
        }
      }),
    );
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

/** `HTTP 500 INTERNAL_ERROR "internal server error"`. */
function described(entry: WriteEntry): string {
  const status = entry.httpStatus === undefined ? '' : `HTTP ${entry.httpStatus} `;
  return `${status}${entry.code || 'no code'}${entry.message ? ` ${JSON.stringify(entry.message)}` : ''}`;
}

/** An answer without entries (a top-level error, a body that is not Zoho's) read as one entry. */
function topLevel(answer: OrgAnswer): WriteEntry {
  const body = typeof answer.body === 'object' && answer.body !== null ? (answer.body as Record<string, unknown>) : {};
  const message = typeof body['message'] === 'string' ? body['message'] : undefined;
  return {
    status: 'error',
    code: answerCode(answer),
    httpStatus: answer.status,
    ...(message ? { message } : {}),
  };
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

/** The `data[]` entries of a record-write answer, narrowed to status, id, code, message and the field named. */
function entries(answer: OrgAnswer): WriteEntry[] {
  const data =
    typeof answer.body === 'object' && answer.body !== null
      ? (answer.body as Record<string, unknown>)['data']
      : undefined;
  if (!Array.isArray(data)) return [];
  return data.map((entry: unknown) => {
    const e = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const details =
      typeof e['details'] === 'object' && e['details'] !== null ? (e['details'] as Record<string, unknown>) : {};
    return {
      status: String(e['status'] ?? ''),
      code: String(e['code'] ?? ''),
      httpStatus: answer.status,
      ...(typeof details['id'] === 'string' ? { id: details['id'] } : {}),
      ...(typeof e['message'] === 'string' ? { message: e['message'] } : {}),
      ...(typeof details['api_name'] === 'string' ? { field: details['api_name'] } : {}),
    };
  });
}
