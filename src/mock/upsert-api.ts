// Upsert Records (POST /crm/{version}/{module}/upsert): each record updates the record it matches on a duplicate check
// field, or is inserted. The mock's own reading of the upsert page; it never imports the catalog.

import type { MockState } from './mock-state.ts';
import { isHandled, parseDataBody } from './parse-body.ts';
import { insertRecord, updateRecord, type EntryOutcome } from './record-write.ts';
import type { Handled, RecordsRequest } from './records-api.ts';
import type { Json } from './zoho-errors.ts';

/** The system-defined duplicate check field of each standard module (Zoho's upsert page and its Kaizen #56 post). */
const SYSTEM_DUPLICATE_FIELDS: Readonly<Record<string, string>> = {
  Leads: 'Email',
  Accounts: 'Account_Name',
  Contacts: 'Email',
  Deals: 'Deal_Name',
  Campaigns: 'Campaign_Name',
  Cases: 'Subject',
  Solutions: 'Solution_Title',
  Products: 'Product_Name',
  Vendors: 'Vendor_Name',
  Price_Books: 'Price_Book_Name',
  Quotes: 'Subject',
  Sales_Orders: 'Subject',
  Purchase_Orders: 'Subject',
  Invoices: 'Subject',
};

/** POST upsert: one entry per record, each SUCCESS entry saying which action it took and the field that matched. */
export function handleUpsert(state: MockState, request: RecordsRequest): Handled {
  const parsed = parseDataBody(request.body);
  if (isHandled(parsed)) return parsed;
  const fields = checkFields(state, request.module, parsed.body['duplicate_check_fields']);
  const outcomes = parsed.data.map((entry, i) => upsertOne(state, request, fields, entry, i));
  const failed = outcomes.some((o) => o.behaviour !== 'SUCCESS');
  return {
    response: { status: failed ? 202 : 200, body: { data: outcomes.map((o) => o.entry) } },
    behaviours: outcomes.map((o) => o.behaviour),
  };
}

/** The fields to match on: those sent, in their order; else the system-defined field, then the unique fields. */
function checkFields(state: MockState, module: string, sent: unknown): readonly string[] {
  if (Array.isArray(sent) && sent.every((f) => typeof f === 'string')) return sent as string[];
  const system = SYSTEM_DUPLICATE_FIELDS[module];
  const unique = state.org.modules.get(module)?.unique ?? [];
  return [...(system ? [system] : []), ...unique.filter((f) => f !== system)];
}

function upsertOne(
  state: MockState,
  request: RecordsRequest,
  fields: readonly string[],
  entry: Json,
  index: number,
): EntryOutcome & { action: 'insert' | 'update' } {
  const match = findMatch(state, request.module, fields, entry);
  if (match) {
    const outcome = updateRecord(state, request.module, match.id, entry, request.grant.user, index);
    return { ...withAction(outcome, 'update', match.field), action: 'update' };
  }
  const outcome = insertRecord(state, request.module, entry, request.grant.user, index);
  return { ...withAction(outcome, 'insert', null), action: 'insert' };
}

/** The first record holding the entry's value of a check field, tried in the fields' order. */
function findMatch(
  state: MockState,
  module: string,
  fields: readonly string[],
  entry: Json,
): { id: string; field: string } | undefined {
  for (const field of fields) {
    const value = entry[field];
    if (value === undefined || value === null || value === '') continue;
    for (const [id, record] of state.moduleRecords(module)) if (record.fields[field] === value) return { id, field };
  }
  return undefined;
}

/** A success entry with `action` and `duplicate_field` beside its code (Zoho's Success_Response); errors as they are. */
function withAction(outcome: EntryOutcome, action: 'insert' | 'update', field: string | null): EntryOutcome {
  if (outcome.behaviour !== 'SUCCESS') return outcome;
  const { code, details, message, status } = outcome.entry;
  const entry: Json = { code, duplicate_field: field, action, details, message, status };
  return { behaviour: outcome.behaviour, entry };
}
