// The org as a live run read it, kept with its report (edition, modules, the fields it read with their types,
// mandatory and unique flags, picklist values and lookups), and what changed in it since a baseline's run. Pure.

import { isObject } from '../is-object.ts';
import type { OrgField, OrgMetadata, ProductMetadata } from './org-metadata.ts';

/** One field as kept: what a change in the org's setup would change. */
export interface SnapshotField {
  readonly type: string;
  readonly mandatory: boolean;
  readonly unique: boolean;
  readonly picklist: readonly string[];
  readonly lookup?: string;
}

/** One module as kept; `fields` only for the modules whose fields the run read. */
export interface SnapshotModule {
  readonly custom: boolean;
  readonly fields?: Readonly<Record<string, SnapshotField>>;
}

/** What a live run read of the org; a product whose modules it could not read has none. */
export interface OrgSnapshot {
  readonly edition?: string;
  readonly products: Readonly<Record<'crm' | 'bigin', { readonly modules?: Readonly<Record<string, SnapshotModule>> }>>;
}

/** One change in the org since the baseline's run, in a line a person reads. */
export interface OrgChange {
  readonly product: 'crm' | 'bigin';
  readonly module?: string;
  readonly field?: string;
  readonly text: string;
}

/** The snapshot of what the run read. */
export function snapshotOrg(org: OrgMetadata): OrgSnapshot {
  return {
    ...(org.edition ? { edition: org.edition } : {}),
    products: { crm: snapshotProduct(org.crm), bigin: snapshotProduct(org.bigin) },
  };
}

function snapshotProduct(product: ProductMetadata): { modules?: Record<string, SnapshotModule> } {
  if (!product.modules) return {};
  const modules: Record<string, SnapshotModule> = {};
  for (const [name, module] of [...product.modules].sort(([a], [b]) => a.localeCompare(b)))
    modules[name] = {
      custom: module.custom,
      ...(module.fields ? { fields: Object.fromEntries(module.fields.map((f) => [f.apiName, snapshotField(f)])) } : {}),
    };
  return { modules };
}

function snapshotField(field: OrgField): SnapshotField {
  return {
    type: field.dataType,
    mandatory: field.mandatory,
    unique: field.unique,
    picklist: [...field.picklist],
    ...(field.lookupModule ? { lookup: field.lookupModule } : {}),
  };
}

/** A snapshot read back from a report (outside data), or undefined when it is not one. */
export function readOrgSnapshot(raw: unknown): OrgSnapshot | undefined {
  if (!isObject(raw) || !isObject(raw['products'])) return undefined;
  const products = raw['products'];
  const product = (value: unknown): { modules?: Record<string, SnapshotModule> } => {
    if (!isObject(value) || !isObject(value['modules'])) return {};
    const modules: Record<string, SnapshotModule> = {};
    for (const [name, module] of Object.entries(value['modules'])) {
      if (!isObject(module)) continue;
      const fields = isObject(module['fields']) ? readFields(module['fields']) : undefined;
      modules[name] = { custom: module['custom'] === true, ...(fields ? { fields } : {}) };
    }
    return { modules };
  };
  return {
    ...(typeof raw['edition'] === 'string' ? { edition: raw['edition'] } : {}),
    products: { crm: product(products['crm']), bigin: product(products['bigin']) },
  };
}

function readFields(raw: Record<string, unknown>): Record<string, SnapshotField> {
  const fields: Record<string, SnapshotField> = {};
  for (const [name, field] of Object.entries(raw)) {
    if (!isObject(field) || typeof field['type'] !== 'string') continue;
    fields[name] = {
      type: field['type'],
      mandatory: field['mandatory'] === true,
      unique: field['unique'] === true,
      picklist: Array.isArray(field['picklist']) ? field['picklist'].filter((v) => typeof v === 'string') : [],
      ...(typeof field['lookup'] === 'string' ? { lookup: field['lookup'] } : {}),
    };
  }
  return fields;
}

/**
 * What changed from `before` to `now`: the edition, modules added or removed (where both runs read the list), and for
 * each module whose fields both runs read, fields added or removed, made mandatory or optional, unique or not, of
 * another type or lookup, and picklist values gone or new.
 */
export function diffOrg(before: OrgSnapshot, now: OrgSnapshot): OrgChange[] {
  const changes: OrgChange[] = [];
  if (before.edition && now.edition && before.edition !== now.edition)
    changes.push({ product: 'crm', text: `edition ${before.edition} -> ${now.edition}` });
  for (const product of ['crm', 'bigin'] as const) {
    const then = before.products[product].modules;
    const current = now.products[product].modules;
    if (!then || !current) continue;
    const label = product === 'bigin' ? 'Bigin module' : 'module';
    for (const name of Object.keys(current))
      if (!(name in then)) changes.push({ product, module: name, text: `${label} ${name} added` });
    for (const name of Object.keys(then))
      if (!(name in current)) changes.push({ product, module: name, text: `${label} ${name} removed` });
    for (const [name, module] of Object.entries(current)) {
      const old = then[name]?.fields;
      if (old && module.fields) changes.push(...diffFields(product, name, old, module.fields));
    }
  }
  return changes;
}

function diffFields(
  product: 'crm' | 'bigin',
  module: string,
  before: Readonly<Record<string, SnapshotField>>,
  now: Readonly<Record<string, SnapshotField>>,
): OrgChange[] {
  const changes: OrgChange[] = [];
  const at = (field: string, text: string): OrgChange => ({
    product,
    module,
    field,
    text: `${module}.${field} ${text}`,
  });
  for (const [name, field] of Object.entries(now)) {
    const old = before[name];
    if (!old) {
      changes.push(at(name, `added${field.mandatory ? ' (mandatory)' : ''}`));
      continue;
    }
    if (!old.mandatory && field.mandatory) changes.push(at(name, 'made mandatory'));
    if (old.mandatory && !field.mandatory) changes.push(at(name, 'no longer mandatory'));
    if (old.unique !== field.unique) changes.push(at(name, field.unique ? 'made unique' : 'no longer unique'));
    if (old.type !== field.type) changes.push(at(name, `type ${old.type} -> ${field.type}`));
    if (old.lookup !== field.lookup)
      changes.push(at(name, `looks up ${field.lookup ?? 'nothing'} (was ${old.lookup ?? 'nothing'})`));
    const gone = old.picklist.filter((v) => !field.picklist.includes(v));
    const added = field.picklist.filter((v) => !old.picklist.includes(v));
    if (gone.length) changes.push(at(name, `picklist value${gone.length > 1 ? 's' : ''} ${gone.join(', ')} gone`));
    if (added.length) changes.push(at(name, `picklist value${added.length > 1 ? 's' : ''} ${added.join(', ')} added`));
  }
  for (const name of Object.keys(before)) if (!(name in now)) changes.push(at(name, 'removed'));
  return changes;
}
