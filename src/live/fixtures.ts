// Live fixtures: the records the cases need, created before the run (tagged with the run id), deleted after it, always.

import { ConfigError } from '../errors.ts';

/** One record the run created. */
export interface FixtureRecord {
  readonly module: string;
  readonly id: string;
  /** The lock the run put on it (Locking_Information__s), removed before the record is deleted. */
  readonly lockId?: string;
  /** Bigin records live under /bigin/v1; CRM's under /crm/{version}. */
  readonly product?: 'bigin';
}

/** Records the run locks itself for the record-locking cases: variable of the record, of its lock, and the module. */
const LOCKED = [
  { module: 'Leads', record: 'locked_lead_id', lock: 'lead_lock_id' },
  { module: 'Deals', record: 'locked_deal_id', lock: 'deal_lock_id' },
  { module: 'Custom_Module1', record: 'locked_custom_id', lock: 'custom_lock_id' },
] as const;

/** Talks to the org's API with the run's token; every call has a timeout. */
export interface ApiClient {
  readonly apiDomain: string;
  readonly accessToken: string;
  readonly version: string;
}

/** What the suite creates itself: variable -> module and fields. Locked, unapproved and private records cannot be made through the API. */
function plan(runId: string): Array<{ variable: string; module: string; fields: Record<string, unknown>; product?: 'bigin' }> {
  const tag = `zoho-contract-suite ${runId}`;
  const mobile = `9${String(Date.now()).slice(-9)}`;
  const lead = (name: string, extra: Record<string, unknown> = {}) => ({ Last_Name: name, Company: 'Contract Suite', Description: tag, ...extra });
  return [
    { variable: 'record_id', module: 'Leads', fields: lead('Fixture 1') },
    { variable: 'second_record_id', module: 'Leads', fields: lead('Fixture 2') },
    { variable: 'mobile_holder_id', module: 'Leads', fields: lead('Mobile holder', { Mobile: mobile }) },
    { variable: 'deal_id', module: 'Deals', fields: { Deal_Name: 'Fixture deal', Stage: 'Qualification', Foreign_Languages: ['English'], Description: tag } },
    { variable: 'event_id', module: 'Events', fields: { Event_Title: 'Fixture event', Start_DateTime: '2030-01-01T10:00:00+00:00', End_DateTime: '2030-01-01T11:00:00+00:00', Description: tag } },
    ...Array.from({ length: 101 }, (_, i) => ({ variable: `bulk_id_${String(i + 1).padStart(3, '0')}`, module: 'Leads', fields: lead(`Bulk ${i + 1}`) })),
    ...LOCKED.map((l) => ({ variable: l.record, module: l.module, fields: l.module === 'Deals' ? { Deal_Name: 'Lock fixture', Stage: 'Qualification', Description: tag } : lead('Lock fixture') })),
    ...([
      ['bigin_deal_id', 'Deals', { Deal_Name: 'Fixture deal', Stage: 'Qualification', Description: tag }],
      ['bigin_contact_id', 'Contacts', { Last_Name: 'Fixture contact', Description: tag }],
      ['bigin_account_id', 'Accounts', { Account_Name: `Fixture company ${runId}`, Description: tag }],
      ['bigin_product_id', 'Products', { Product_Name: `Fixture product 1 ${runId}`, Description: tag }],
      ['bigin_second_product_id', 'Products', { Product_Name: `Fixture product 2 ${runId}`, Description: tag }],
    ] as const).map(([variable, module, fields]) => ({ variable, module, fields: { ...fields }, product: 'bigin' as const })),
    ...Array.from({ length: 100 }, (_, i) => ({ variable: `bigin_bulk_product_${String(i + 1).padStart(3, '0')}`, module: 'Products', fields: { Product_Name: `Fixture part ${i + 1} ${runId}`, Description: tag }, product: 'bigin' as const })),
  ];
}

/** Creates the fixtures (Insert Records, at most 100 per call); returns the variables and what was created so far, even on failure. */
export async function createFixtures(client: ApiClient, runId: string, onCreated: (records: readonly FixtureRecord[]) => Promise<void>): Promise<{ variables: Record<string, string>; created: FixtureRecord[] }> {
  const planned = plan(runId);
  const variables: Record<string, string> = {};
  const created: FixtureRecord[] = [];
  for (const key of [...new Set(planned.map((e) => `${e.product ?? 'crm'}:${e.module}`))]) {
    const own = planned.filter((e) => `${e.product ?? 'crm'}:${e.module}` === key);
    const product = own[0]?.product;
    const module = own[0]?.module ?? '';
    for (let start = 0; start < own.length; start += 100) {
      const batch = own.slice(start, start + 100);
      const ids = await insert(client, module, batch.map((e) => e.fields), product);
      batch.forEach((entry, i) => {
        const id = ids[i];
        if (id) {
          variables[entry.variable] = id;
          created.push({ module, id, ...(product ? { product } : {}) });
        }
      });
      await onCreated(created);
    }
  }
  const mobile = planned.find((e) => e.variable === 'mobile_holder_id')?.fields['Mobile'];
  if (typeof mobile === 'string') variables['existing_mobile'] = mobile;
  for (const l of LOCKED) {
    const recordId = variables[l.record];
    if (!recordId) continue;
    const body = await call(client, 'POST', `/crm/${client.version}/${l.module}/${recordId}/Locking_Information__s`, { data: [{ Locked_Reason__s: `zoho-contract-suite ${runId}` }] });
    const lockId = entries(body)[0]?.id;
    if (!lockId) continue;
    variables[l.lock] = lockId;
    const at = created.findIndex((r) => r.module === l.module && r.id === recordId);
    if (at >= 0) created[at] = { module: l.module, id: recordId, lockId };
    await onCreated(created);
  }
  return { variables, created };
}

/** Deletes fixtures (Delete Records with ids=, at most 100 per call); returns the ids the org confirmed deleted. */
export async function deleteFixtures(client: ApiClient, records: readonly FixtureRecord[]): Promise<FixtureRecord[]> {
  const deleted: FixtureRecord[] = [];
  // A locked record cannot be deleted on Zoho: unlock first (an unlock that fails leaves the delete to say so).
  for (const r of records.filter((x) => x.lockId)) await call(client, 'DELETE', `/crm/${client.version}/${r.module}/${r.id}/Locking_Information__s/${r.lockId}`).catch(() => undefined);
  for (const key of [...new Set(records.map((r) => `${r.product ?? 'crm'}:${r.module}`))]) {
    const own = records.filter((r) => `${r.product ?? 'crm'}:${r.module}` === key);
    const module = own[0]?.module ?? '';
    const base = own[0]?.product === 'bigin' ? `/bigin/v1/${module}` : `/crm/${client.version}/${module}`;
    const ids = own.map((r) => r.id);
    for (let start = 0; start < ids.length; start += 100) {
      const batch = ids.slice(start, start + 100);
      const body = await call(client, 'DELETE', `${base}?ids=${batch.join(',')}`);
      for (const entry of entries(body)) {
        const record = own.find((r) => r.id === entry.id);
        if (entry.status === 'success' && record) deleted.push(record);
      }
    }
  }
  return deleted;
}

async function insert(client: ApiClient, module: string, records: readonly Record<string, unknown>[], product?: 'bigin'): Promise<Array<string | undefined>> {
  const path = product === 'bigin' ? `/bigin/v1/${module}` : `/crm/${client.version}/${module}`;
  const body = await call(client, 'POST', path, { data: records, trigger: [] });
  return entries(body).map((e) => (e.status === 'success' ? e.id : undefined));
}

async function call(client: ApiClient, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${client.apiDomain}${path}`, {
    method,
    headers: { Authorization: `Zoho-oauthtoken ${client.accessToken}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  try {
    return (await response.json()) as unknown;
  } catch (error) {
    throw new ConfigError(`fixture ${method} ${path} answered HTTP ${response.status} without JSON`, 'check the org and the token scopes with `npm run contract -- doctor`', { cause: error });
  }
}

/** The `data[]` entries of a record-write answer, narrowed to status and id. */
function entries(body: unknown): Array<{ status: string; id?: string }> {
  const data = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['data'] : undefined;
  if (!Array.isArray(data)) return [];
  return data.map((entry: unknown) => {
    const e = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const details = typeof e['details'] === 'object' && e['details'] !== null ? (e['details'] as Record<string, unknown>) : {};
    return { status: String(e['status'] ?? ''), ...(typeof details['id'] === 'string' ? { id: details['id'] } : {}) };
  });
}
