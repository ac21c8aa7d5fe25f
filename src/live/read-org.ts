// Reads the org before anything is written: modules, the current user and the org (edition) side by side, then the
// fields of the modules the run may write to, then those of the modules their mandatory lookups point at.

import { LOCKING_CUSTOM, type FixtureNeed } from './fixture-needs.ts';
import { answerCode, type OrgClient } from './org-client.ts';
import {
  narrowCurrentUser,
  narrowEdition,
  narrowFields,
  narrowModules,
  withFields,
  type OrgField,
  type OrgMetadata,
  type ProductMetadata,
} from './org-metadata.ts';
import { lockingModule } from './fixture-plan.ts';

const MAX_LOOKUP_DEPTH = 3;

/** What to read: the products whose cases are selected, the modules their cases name, the fixtures they need. */
export interface OrgReadRequest {
  readonly products: readonly ('crm' | 'bigin')[];
  readonly needs: readonly FixtureNeed[];
  /** Modules named in the selected cases' paths, by product (their fields are checked against the cases' bodies). */
  readonly caseModules: Readonly<Record<'crm' | 'bigin', readonly string[]>>;
  readonly lockingModule?: string;
  /** Records the configuration names (ZOHO_LOCKED_RECORD_ID, ...): each is read once, to know the org has it. */
  readonly records?: readonly GivenRecord[];
}

/** A record a ZOHO_* variable names, in the module a case's path puts it in. */
export interface GivenRecord {
  readonly variable: string;
  readonly envName: string;
  readonly module: string;
  readonly id: string;
}

/** The org's metadata; a product whose metadata cannot be read says why (its fixtures then use the demo org's fields). */
export async function readOrg(client: OrgClient, request: OrgReadRequest): Promise<OrgMetadata> {
  const base = (product: 'crm' | 'bigin'): string => (product === 'crm' ? `/crm/${client.version}` : '/bigin/v1');
  const wants = (product: 'crm' | 'bigin'): boolean => request.products.includes(product);
  client.step('metadata: modules, user, org');
  const [crmModules, user, org, biginModules] = await Promise.all([
    wants('crm') ? client.call('GET', `${base('crm')}/settings/modules`) : undefined,
    client.call('GET', `${base('crm')}/users?type=CurrentUser`),
    client.call('GET', `${base('crm')}/org`),
    wants('bigin') ? client.call('GET', `${base('bigin')}/settings/modules`) : undefined,
  ]);
  const products: Record<'crm' | 'bigin', ProductMetadata> = {
    crm: modulesOf(crmModules),
    bigin: modulesOf(biginModules),
  };
  const fields = { crm: new Map<string, OrgField[]>(), bigin: new Map<string, OrgField[]>() };
  let pending = (['crm', 'bigin'] as const).flatMap((product) =>
    [...firstModules(product, products[product], request)].map((module) => ({ product, module })),
  );
  let absent: Promise<Record<string, string>> | undefined;
  for (let depth = 0; pending.length > 0 && depth <= MAX_LOOKUP_DEPTH; depth += 1) {
    client.step(depth === 0 ? 'metadata: fields' : 'metadata: fields of looked-up modules');
    // The given records are read beside the first fields, in the same round.
    absent ??= absentRecords(client, request.records ?? []);
    const read = await Promise.all(
      pending.map(async ({ product, module }) => {
        const answer = await client.call(
          'GET',
          `${base(product)}/settings/fields?module=${encodeURIComponent(module)}`,
        );
        return { product, module, fields: answer.status === 200 ? narrowFields(answer.body) : undefined };
      }),
    );
    // An empty list describes nothing (a real module always has fields): the module's fields stay unknown, never "none".
    for (const r of read) if (r.fields && r.fields.length > 0) fields[r.product].set(r.module, r.fields);
    // Mandatory lookups point at modules whose records the plan creates first: their fields are needed too.
    pending = read.flatMap((r) =>
      (r.fields ?? [])
        .filter(
          (f) =>
            f.mandatory &&
            f.lookupModule &&
            !fields[r.product].has(f.lookupModule) &&
            products[r.product].modules?.has(f.lookupModule),
        )
        .map((f) => ({ product: r.product, module: f.lookupModule as string })),
    );
    pending = pending.filter(
      (p, i) => pending.findIndex((q) => q.product === p.product && q.module === p.module) === i,
    );
  }
  const complete = (product: 'crm' | 'bigin'): ProductMetadata => {
    const modules = products[product].modules;
    return modules ? { modules: withFields(modules, fields[product]) } : products[product];
  };
  const missingRecords = await (absent ?? absentRecords(client, request.records ?? []));
  const edition = org.status === 200 ? narrowEdition(org.body) : undefined;
  const currentUser = user.status === 200 ? narrowCurrentUser(user.body) : undefined;
  return {
    ...(edition ? { edition } : {}),
    ...(currentUser ? { currentUser } : {}),
    ...(Object.keys(missingRecords).length ? { missingRecords } : {}),
    crm: complete('crm'),
    bigin: complete('bigin'),
  };
}

/**
 * The given records the org answers 204 for (no such record; zoho-notes.md §7): variable -> why. Any other answer
 * (a record, a refusal) is left to the case that sends the id.
 */
async function absentRecords(client: OrgClient, records: readonly GivenRecord[]): Promise<Record<string, string>> {
  const answers = await Promise.all(
    records.map(async (r) => ({
      r,
      status: (await client.call('GET', `/crm/${client.version}/${r.module}/${encodeURIComponent(r.id)}`)).status,
    })),
  );
  return Object.fromEntries(
    answers
      .filter(({ status }) => status === 204)
      .map(({ r }) => [r.variable, `${r.envName} names ${r.id}, which is no ${r.module} record of this org`]),
  );
}

function modulesOf(answer: { status: number; body: unknown } | undefined): ProductMetadata {
  if (!answer) return { unreadable: 'not read: no case of this product is selected' };
  if (answer.status !== 200) return { unreadable: answerCode(answer) };
  return { modules: narrowModules(answer.body) };
}

/** The modules whose fields the run reads first: where fixtures go, the custom module to lock, the cases' modules. */
function firstModules(product: 'crm' | 'bigin', metadata: ProductMetadata, request: OrgReadRequest): Set<string> {
  if (!metadata.modules) return new Set();
  const custom = product === 'crm' ? lockingModule(metadata, request.lockingModule) : { why: '' };
  const named = request.needs
    .filter((n) => n.product === product)
    .map((n) => (n.module === LOCKING_CUSTOM ? ('module' in custom ? custom.module : '') : n.module));
  return new Set([...named, ...request.caseModules[product]].filter((m) => metadata.modules?.has(m)));
}
