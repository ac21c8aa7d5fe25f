// What a live run will spend before it writes anything: every call it plans (metadata read so far, fixture inserts
// and locks, one per case it will send, unlocks and deletes) and the credits they cost. Pure.

import type { FixturePlan } from './fixture-plan.ts';
import { deleteSteps } from './fixture-deletes.ts';
import { fixtureSteps, type FixtureRecord } from './fixtures.ts';

/** Zoho meters 1 credit for every call the suite makes (zoho-notes.md section 3: only Convert Lead costs 5). */
export const CREDITS_PER_CALL = 1;

/** Records the cases themselves will create (Insert, Upsert), by module, at most: they are deleted with the fixtures. */
export interface CaseCreations {
  readonly module: string;
  readonly records: number;
}

/** The calls of a live run, by phase, and their credits. */
export interface CreditPlan {
  readonly metadata: number;
  readonly fixtures: number;
  readonly cases: number;
  readonly cleanup: number;
  readonly calls: number;
  readonly credits: number;
}

/**
 * The level of the records the cases create: beside the first fixtures (deleted in the same calls and round), unless
 * they may look up a record the fixtures made (a lookup in the org's fills, or a fixture's id in a case's own body):
 * then above every fixture, deleted first.
 */
export function caseRecordLevel(plan: FixturePlan, bodiesNameFixtures: boolean): number {
  const fillsLookUp = Object.values(plan.fills ?? {}).some((sets) =>
    sets.some((set) => Object.values(set).some((v) => typeof v === 'object' && v !== null && 'id' in v)),
  );
  return fillsLookUp || bodiesNameFixtures ? Math.max(0, ...plan.records.map((r) => r.level)) + 1 : 0;
}

/**
 * The plan: `metadataCalls` already made, the fixture plan's inserts and locks, `cases` (each sent once; a resend after
 * a throttle or a renewed token is not planned), then one unlock per lock and the delete calls of every planned record
 * and of the records the cases will create.
 */
export function planCredits(input: {
  readonly metadataCalls: number;
  readonly plan: FixturePlan;
  readonly cases: number;
  readonly creations: readonly CaseCreations[];
  /** Variables of fixtures the cases delete themselves (Delete Records): the clean-up will not. */
  readonly deletedByCases?: ReadonlySet<string>;
  /** The level the cases' records are deleted at (caseRecordLevel). */
  readonly caseLevel?: number;
}): CreditPlan {
  const fixtures = fixtureSteps(input.plan).reduce((sum, calls) => sum + calls, 0);
  const locks = input.plan.records.filter((r) => r.lockVariable).length;
  // Stand-ins with the module, product and level the real records will have: the delete calls group them the same way.
  const planned: FixtureRecord[] = [
    ...input.plan.records
      .filter((r) => !r.deleteBeforeCases && !(r.variable && input.deletedByCases?.has(r.variable)))
      .map((r, i) => ({
        module: r.module,
        id: `planned-${i}`,
        ...(r.product === 'bigin' ? { product: 'bigin' as const } : {}),
        level: r.level,
      })),
    ...input.creations.flatMap((c) =>
      Array.from({ length: c.records }, (_, i) => ({ module: c.module, id: `case-${i}`, level: input.caseLevel ?? 0 })),
    ),
  ];
  const deletes = deleteSteps(planned).reduce((sum, step) => sum + step.calls.length, 0);
  const calls = input.metadataCalls + fixtures + input.cases + locks + deletes;
  return {
    metadata: input.metadataCalls,
    fixtures,
    cases: input.cases,
    cleanup: locks + deletes,
    calls,
    credits: calls * CREDITS_PER_CALL,
  };
}
