// Per-record outcomes of an update, in the order Zoho checks them; an error leaves the record untouched.

import type { MockState } from './mock-state.ts';
import { checkEntry, type ModuleRules } from './org-rules.ts';
import type { MockRecord, MockUser } from './seed.ts';
import { recordError, type Json } from './zoho-errors.ts';

/** Keys of an input record that are instructions, not fields. */
const CONTROL_KEYS = new Set(['id', '$append_values']);
const MAX_PARTICIPANTS = 50;

/** One `data[]` entry plus the behaviour key it provoked. */
export interface EntryOutcome {
  readonly entry: Json;
  readonly behaviour: string;
}

/** Updates one record from one input entry (`id` already resolved) and says what happened. */
export function updateRecord(
  state: MockState,
  module: string,
  id: string | undefined,
  input: Json,
  user: MockUser,
  index = 0,
): EntryOutcome {
  if (id === undefined)
    return fail('MANDATORY_NOT_FOUND:id', 'MANDATORY_NOT_FOUND', { api_name: 'id' }, 'required field not found');
  const record = state.moduleRecords(module).get(id);
  if (!record) return fail('INVALID_DATA:id', 'INVALID_DATA', { api_name: 'id' }, 'the id given seems to be invalid');
  if (record.locked)
    return fail(
      'RECORD_LOCKED',
      'RECORD_LOCKED',
      { action: 'zia_vision_processing', id },
      'cannot update record that is not approved yet',
    );
  if (record.awaitingApproval)
    return fail('NOT_APPROVED', 'NOT_APPROVED', { id }, 'cannot update record that is not approved yet');
  const invalid = validateFields(state, module, id, input, index, false);
  if (invalid) return invalid;
  applyUpdate(record, input, user, state.timestamp());
  return {
    behaviour: 'SUCCESS',
    entry: { code: 'SUCCESS', details: successDetails(record, id), message: 'record updated', status: 'success' },
  };
}

/** Field-level checks: participants limit, then the org profile's rules (mandatory, type, length, lookup), then unique values. */
function validateFields(
  state: MockState,
  module: string,
  id: string | undefined,
  input: Json,
  index: number,
  creating: boolean,
): EntryOutcome | undefined {
  const participants = input['Participants'];
  if (module === 'Events' && Array.isArray(participants) && participants.length > MAX_PARTICIPANTS) {
    return fail(
      'LIMIT_EXCEEDED:participants',
      'LIMIT_EXCEEDED',
      { api_name: 'Participants', limit: MAX_PARTICIPANTS },
      'Only 50 participants can be added to an event.',
    );
  }
  const rules = state.org.modules.get(module);
  if (!rules) return undefined;
  const breach = checkEntry(rules, input, index, creating, state.recordExists);
  if (breach) return fail(breach.behaviour, breach.code, breach.details, breach.message);
  return duplicateOf(state, rules, module, id, input);
}

/** DUPLICATE_DATA when another record of the module holds a value given for a unique field. */
function duplicateOf(
  state: MockState,
  rules: ModuleRules,
  module: string,
  id: string | undefined,
  input: Json,
): EntryOutcome | undefined {
  for (const field of rules.unique) {
    const value = input[field];
    if (value === undefined || value === null || value === '') continue;
    for (const [otherId, other] of state.moduleRecords(module)) {
      if (otherId !== id && other.fields[field] === value)
        return fail('DUPLICATE_DATA', 'DUPLICATE_DATA', { api_name: field, id: otherId }, 'duplicate data');
    }
  }
  return undefined;
}

/** Writes the fields; multi-selects named in `$append_values` with true are appended to, not replaced. */
function applyUpdate(record: MockRecord, input: Json, user: MockUser, now: string): void {
  const append =
    typeof input['$append_values'] === 'object' && input['$append_values'] !== null
      ? (input['$append_values'] as Json)
      : {};
  for (const [field, value] of Object.entries(input)) {
    if (CONTROL_KEYS.has(field)) continue;
    const current = record.fields[field];
    record.fields[field] =
      append[field] === true && Array.isArray(current) && Array.isArray(value)
        ? [...current, ...value.filter((v) => !current.includes(v))]
        : value;
  }
  record.modifiedTime = now;
  record.modifiedBy = user;
}

/** Creates a record (Insert Records) once it holds to the org's rules, and answers like Zoho's "record added". */
export function insertRecord(state: MockState, module: string, input: Json, user: MockUser, index = 0): EntryOutcome {
  const invalid = validateFields(state, module, undefined, input, index, true);
  if (invalid) return invalid;
  const id = state.newId();
  const now = state.timestamp();
  const fields = Object.fromEntries(Object.entries(input).filter(([key]) => !CONTROL_KEYS.has(key)));
  const record: MockRecord = {
    fields,
    ownerId: user.id,
    createdTime: now,
    createdBy: user,
    modifiedTime: now,
    modifiedBy: user,
    locked: false,
    awaitingApproval: false,
    privateToOwner: false,
  };
  state.moduleRecords(module).set(id, record);
  return {
    behaviour: 'SUCCESS',
    entry: { code: 'SUCCESS', details: successDetails(record, id), message: 'record added', status: 'success' },
  };
}

/** Deletes a record (Delete Records) or says its id is invalid. */
export function deleteRecord(state: MockState, module: string, id: string): EntryOutcome {
  if (!state.moduleRecords(module).delete(id))
    return fail('INVALID_DATA:id', 'INVALID_DATA', { api_name: 'id' }, 'the id given seems to be invalid');
  return {
    behaviour: 'SUCCESS',
    entry: { code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' },
  };
}

function successDetails(record: MockRecord, id: string): Json {
  return {
    Modified_Time: record.modifiedTime,
    Modified_By: { name: record.modifiedBy.name, id: record.modifiedBy.id },
    Created_Time: record.createdTime,
    id,
    Created_By: { name: record.createdBy.name, id: record.createdBy.id },
  };
}

function fail(behaviour: string, code: string, details: Json, message: string): EntryOutcome {
  return { behaviour, entry: recordError(code, details, message) };
}
