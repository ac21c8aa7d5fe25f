// Metadata in, fixture plan out: each record the selected cases need, built to satisfy this org (every mandatory field
// filled by its type, looked-up records planned first, unique values unique), and what the org cannot give, with why. Pure.

import type { CaseBlock } from '../verdict/index.ts';
import { fillContext, fillField } from './fill-field.ts';
import { DEFAULT_FIELDS, LOCKING_CUSTOM, LOCKING_MODULE_VARIABLE, type FixtureNeed } from './fixture-needs.ts';
import { cannotPlan, missingField, missingModule, noCustomModule, wrongLockingModule } from './org-capabilities.ts';
import { planModuleVariables, uniqueFieldOf } from './module-plan.ts';
import type { Edition, OrgField, OrgMetadata, ProductMetadata } from './org-metadata.ts';

/** A field value: JSON as is, or the id of another planned record once it exists. */
export type PlannedValue = { readonly value: unknown } | { readonly recordOf: string };

/** One record to insert. Records of a lower level are created (and deleted) on the other side of those that look them up. */
export interface PlannedRecord {
  readonly key: string;
  readonly product: 'crm' | 'bigin';
  readonly module: string;
  readonly level: number;
  readonly fields: Readonly<Record<string, PlannedValue>>;
  /** The collection variable its id fills; absent for a record only looked up. */
  readonly variable?: string;
  readonly lockVariable?: string;
  /** Deleted again before the cases (see FixtureNeed.deleted). */
  readonly deleteBeforeCases?: true;
}

/** What to create, and what cannot be created here (variable -> how its cases are settled, and why). */
export interface FixturePlan {
  readonly records: readonly PlannedRecord[];
  /** Values known before anything is created (the unique Mobile, the custom module's name). */
  readonly variables: Readonly<Record<string, string>>;
  readonly unavailable: Readonly<Record<string, CaseBlock>>;
  /** Notes for the terminal: fields the org could not describe, the module picked for locking. */
  readonly notes: readonly string[];
  /**
   * Per module a creating case writes to, what completes each record it sends (its mandatory fields, unique values
   * fresh for each, a mandatory lookup as the id of a looked-up record the plan creates: `{{lookup_crm_<Module>}}`).
   */
  readonly fills?: Readonly<Record<string, ReadonlyArray<Readonly<Record<string, unknown>>>>>;
}

export interface PlanInput {
  readonly needs: readonly FixtureNeed[];
  readonly org: OrgMetadata;
  readonly runId: string;
  /** ZOHO_LOCKING_CUSTOM_MODULE: the custom module to lock a record in, instead of the first the org lists. */
  readonly lockingModule?: string;
  /** Set apart this run's unique values from those of runs with the same id (shards started in the same second). */
  readonly seed?: string;
  /** Modules the run's creating cases (Insert, Upsert) write to, and the most records one of them sends. */
  readonly fills?: ReadonlyArray<{ readonly module: string; readonly records: number }>;
  /** --modules: the modules whose variables (`mod__<Module>__*`) the module-generic cases read. */
  readonly modules?: readonly string[];
}

const TAG_FIELD = 'Description';

/** Plans the fixtures of `needs` against the org. */
export function planFixtures(input: PlanInput): FixturePlan {
  const context = fillContext(input.runId, input.org.currentUser?.id, input.seed);
  const records: PlannedRecord[] = [];
  const variables: Record<string, string> = {};
  const unavailable: Record<string, CaseBlock> = {};
  const notes: string[] = [];
  const custom = lockingModule(input.org.crm, input.lockingModule, input.org.edition);
  // Who the records the run creates are created by: the token's user, as the org says it.
  if (input.org.currentUser) variables['current_user_id'] = input.org.currentUser.id;
  if ('module' in custom) {
    variables[LOCKING_MODULE_VARIABLE] = custom.module;
    if (input.needs.some((n) => n.module === LOCKING_CUSTOM))
      notes.push(
        `custom module for record locking: ${custom.module} (${input.lockingModule ? 'ZOHO_LOCKING_CUSTOM_MODULE' : 'the first custom module the org lists'})`,
      );
  }
  const parents = new Map<string, { key: string; level: number } | { block: CaseBlock }>();
  for (const module of input.modules ?? []) {
    const fields = fieldsOf(input.org.crm, 'crm', module);
    if (!fields) continue; // checkModules refused the run already
    const planned = planModuleVariables(module, fields, context, input.org.crm.modules?.get(module)?.custom);
    Object.assign(variables, planned.variables);
    Object.assign(unavailable, planned.unavailable);
  }
  const build = (
    product: 'crm' | 'bigin',
    module: string,
    wants: FixtureNeed['wants'],
    building: readonly string[],
  ):
    | { fields: Record<string, PlannedValue>; level: number; exposed: Record<string, string> }
    | { block: CaseBlock } => {
    const fields = fieldsOf(input.org[product], product, module);
    if (!fields) return { block: missingModule(product, module, input.org[product].modules?.size ?? 0) };
    const out: Record<string, PlannedValue> = {};
    const exposed: Record<string, string> = {};
    let level = 0;
    let datetimes = 0;
    const wanted = new Map((wants ?? []).map((w) => [w.field, w.exposes]));
    const custom = input.org[product].modules?.get(module)?.custom ?? false;
    for (const [name] of wanted)
      if (!fields.some((f) => f.apiName === name)) return { block: missingField(product, module, name, custom) };
    for (const field of fields.filter((f) => f.mandatory || wanted.has(f.apiName))) {
      const filled = fillField(module, field, context, field.dataType === 'datetime' ? datetimes++ : 0);
      if ('why' in filled) return { block: cannotPlan(filled.why, module) };
      if ('skip' in filled) continue;
      if ('lookup' in filled) {
        const parent = parentRecord(product, filled.lookup, [...building, module]);
        if ('block' in parent)
          return {
            block: {
              ...parent.block,
              reason: `${module}.${field.apiName} looks up ${filled.lookup}: ${parent.block.reason}`,
            },
          };
        out[field.apiName] = { recordOf: parent.key };
        level = Math.max(level, parent.level + 1);
        continue;
      }
      out[field.apiName] = { value: filled.value };
      const exposes = wanted.get(field.apiName);
      if (exposes && typeof filled.value === 'string') exposed[exposes] = filled.value;
    }
    if (fields.some((f) => f.apiName === TAG_FIELD) && !(TAG_FIELD in out))
      out[TAG_FIELD] = { value: `zoho-contract-suite ${input.runId}` };
    return { fields: out, level, exposed };
  };
  // One record per looked-up module, created before (and deleted after) every record that looks it up.
  const parentRecord = (
    product: 'crm' | 'bigin',
    module: string,
    building: readonly string[],
  ): { key: string; level: number } | { block: CaseBlock } => {
    const id = `${product}:${module}`;
    const known = parents.get(id);
    if (known) return known;
    if (building.includes(module))
      return { block: cannotPlan(`lookups go round in a circle (${[...building, module].join(' -> ')})`, module) };
    const built = build(product, module, [], building);
    const result = 'block' in built ? built : { key: `lookup:${id}`, level: built.level };
    if (!('block' in built))
      records.push({ key: `lookup:${id}`, product, module, level: built.level, fields: built.fields });
    parents.set(id, result);
    return result;
  };
  for (const need of input.needs) {
    // Settled already (a module variant's record in a module that cannot give what it is for): never made.
    if (unavailable[need.variable]) continue;
    const module = need.module === LOCKING_CUSTOM ? ('module' in custom ? custom.module : undefined) : need.module;
    if (module === undefined) {
      if ('block' in custom) markUnavailable(unavailable, need, custom.block);
      continue;
    }
    const unique = need.uniqueExposes
      ? uniqueFieldOf(fieldsOf(input.org[need.product], need.product, module) ?? [])
      : undefined;
    const wants =
      unique && need.uniqueExposes
        ? [...(need.wants ?? []), { field: unique.apiName, exposes: need.uniqueExposes }]
        : need.wants;
    const built = build(need.product, module, wants, []);
    if ('block' in built) {
      markUnavailable(unavailable, need, built.block);
      continue;
    }
    Object.assign(variables, built.exposed);
    records.push({
      key: need.variable,
      product: need.product,
      module,
      level: built.level,
      fields: built.fields,
      variable: need.variable,
      ...(need.lock ? { lockVariable: need.lock } : {}),
      ...(need.deleted ? { deleteBeforeCases: true as const } : {}),
    });
  }
  const fills: Record<string, Array<Record<string, unknown>>> = {};
  for (const { module, records: count } of input.fills ?? []) {
    const sets: Array<Record<string, unknown>> = [];
    for (let i = 0; i < count; i += 1) {
      const built = build('crm', module, [], []);
      if ('block' in built) break; // its cases then meet what the org answers: nothing planned can help them
      sets.push(
        Object.fromEntries(
          Object.entries(built.fields).map(([name, v]) => [
            name,
            'value' in v ? v.value : { id: `{{${v.recordOf.replace(/^lookup:(\w+):/, 'lookup_$1_')}}}` },
          ]),
        ),
      );
    }
    if (sets.length > 0) fills[module] = sets;
  }
  for (const product of ['crm', 'bigin'] as const) {
    if (input.org[product].unreadable && input.needs.some((n) => n.product === product))
      notes.push(
        `${product === 'crm' ? 'CRM' : 'Bigin'} metadata not readable (${input.org[product].unreadable}): its fixtures use the demo org's fields`,
      );
  }
  return {
    records: [...records].sort((a, b) => a.level - b.level),
    variables,
    unavailable,
    notes,
    ...(Object.keys(fills).length ? { fills } : {}),
  };
}

function markUnavailable(unavailable: Record<string, CaseBlock>, need: FixtureNeed, why: CaseBlock): void {
  unavailable[need.variable] = why;
  if (need.lock) unavailable[need.lock] = why;
  if (need.uniqueExposes) unavailable[need.uniqueExposes] ??= why;
  for (const want of need.wants ?? []) if (want.exposes) unavailable[want.exposes] = why;
}

/** The module's fields: from the metadata, or the demo org's when the product's metadata could not be read. */
function fieldsOf(product: ProductMetadata, name: 'crm' | 'bigin', module: string): readonly OrgField[] | undefined {
  if (!product.modules) return DEFAULT_FIELDS[name][module] ?? [];
  const found = product.modules.get(module);
  if (!found || !found.usable) return undefined;
  return found.fields ?? DEFAULT_FIELDS[name][module] ?? [];
}

/**
 * ZOHO_LOCKING_CUSTOM_MODULE when it names a custom module of the org the API can write (only user-created custom
 * modules can be locked), else the org's first such module; without one, how its case is settled.
 */
export function lockingModule(
  crm: ProductMetadata,
  chosen: string | undefined,
  edition?: Edition,
): { module: string } | { block: CaseBlock } {
  if (!crm.modules) return { module: chosen ?? 'Custom_Module1' };
  const custom = [...crm.modules.values()].filter((m) => m.custom && m.usable).map((m) => m.apiName);
  // An org that lists this user no module at all hides them: the named module may well be there.
  if (crm.modules.size === 0) return { block: noCustomModule(edition, 0) };
  if (chosen) return custom.includes(chosen) ? { module: chosen } : { block: wrongLockingModule(chosen, custom) };
  const first = custom[0];
  return first ? { module: first } : { block: noCustomModule(edition, crm.modules.size) };
}
