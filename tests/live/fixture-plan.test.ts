// The fixture planner: metadata in (the shapes of Zoho's OpenAPI), plan out; pure, so the org is a JSON file.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_NEEDS,
  narrowCurrentUser,
  narrowEdition,
  narrowFields,
  narrowModules,
  planFixtures,
  withFields,
  type OrgMetadata,
  type PlannedRecord,
} from '../../src/live/index.ts';
import { ROOT } from '../support/docs.ts';

const strict = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/org-metadata/strict-org.json'), 'utf8')) as Record<
  string,
  unknown
> & { fields: Record<string, unknown> };
const strictOrg = (): OrgMetadata => ({
  edition: narrowEdition(strict['org']),
  currentUser: narrowCurrentUser(strict['currentUser']),
  crm: {
    modules: withFields(
      narrowModules(strict['modules']),
      new Map(Object.entries(strict.fields).map(([m, body]) => [m, narrowFields(body)])),
    ),
  },
  bigin: { unreadable: 'INVALID_URL_PATTERN' },
});
const crmNeeds = FIXTURE_NEEDS.filter((n) => n.product === 'crm');
const values = (record: PlannedRecord | undefined): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(record?.fields ?? {}).map(([k, v]) => [k, 'value' in v ? v.value : { recordOf: v.recordOf }]),
  );

describe('planFixtures against a strict org', () => {
  it('reads the edition and the current user from the org and users answers', () => {
    expect([strictOrg().edition, strictOrg().currentUser]).toEqual([
      'professional',
      { id: '3652397000000235011', name: 'Patricia Boyle' },
    ]);
  });

  it('fills every mandatory field by its type: text within its length, an allowed picklist value, a date; the autonumber left to the org', () => {
    const plan = planFixtures({ needs: crmNeeds, org: strictOrg(), runId: '2026-12-02T15-00-00Z' });
    const lead = values(plan.records.find((r) => r.variable === 'record_id'));
    expect(Object.keys(lead).sort()).toEqual([
      'Company',
      'Description',
      'Follow_Up_Date',
      'Last_Name',
      'Lead_Source',
      'Region_Code',
    ]);
    expect(String(lead['Region_Code']).length).toBeLessThanOrEqual(6);
    expect(lead['Lead_Source']).toBe('Trade Show');
    expect(lead['Follow_Up_Date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(values(plan.records.find((r) => r.variable === 'deal_id'))).toMatchObject({
      Stage: 'Negotiation',
      Amount: 1,
      Foreign_Languages: ['German'],
      Closing_Date: expect.any(String),
    });
    const event = values(plan.records.find((r) => r.variable === 'event_id'));
    expect(String(event['End_DateTime']) > String(event['Start_DateTime'])).toBe(true);
  });

  it('picks the custom module for locking, plans its mandatory lookup as a record of its own created first, with unique values and the current user as owner', () => {
    const plan = planFixtures({ needs: crmNeeds, org: strictOrg(), runId: 'run-1' });
    expect(plan.variables['locking_custom_module']).toBe('Projects_Tracker');
    const custom = plan.records.find((r) => r.variable === 'locked_custom_id');
    expect(custom).toMatchObject({ module: 'Projects_Tracker', lockVariable: 'custom_lock_id', level: 1 });
    expect(values(custom)['Client']).toEqual({ recordOf: 'lookup:crm:Accounts' });
    const parent = plan.records.find((r) => r.key === 'lookup:crm:Accounts');
    expect(values(parent)).toEqual({ Account_Name: expect.any(String), Owner: { id: '3652397000000235011' } });
    expect(plan.records.indexOf(parent as PlannedRecord)).toBeLessThan(plan.records.indexOf(custom as PlannedRecord));
    const mobiles = plan.records.filter((r) => 'Mobile' in r.fields).map((r) => values(r)['Mobile']);
    expect(mobiles).toEqual([plan.variables['existing_mobile']]);
    expect(plan.unavailable).toEqual({});
  });

  it('honours ZOHO_LOCKING_CUSTOM_MODULE, and settles what the org cannot hold by the rule, never as records', () => {
    const org = strictOrg();
    // A name the org does not have is a configuration error, named with the org's own custom modules.
    const typo = planFixtures({ needs: crmNeeds, org, runId: 'r', lockingModule: 'Custom_Modul1' }).unavailable;
    expect(typo['locked_custom_id']).toEqual({
      outcome: 'not-checked',
      cause: 'configuration',
      reason:
        'ZOHO_LOCKING_CUSTOM_MODULE names Custom_Modul1, which is not a custom module of this org the API can write (its custom modules: Projects_Tracker)',
      fix: "set ZOHO_LOCKING_CUSTOM_MODULE to one of this org's custom modules, or unset it to use the first one",
    });
    expect(typo['custom_lock_id']).toEqual(typo['locked_custom_id']);
    // A standard module is no custom module, even though the org has it.
    expect(
      planFixtures({ needs: crmNeeds, org, runId: 'r', lockingModule: 'Leads' }).unavailable['locked_custom_id'],
    ).toMatchObject({ outcome: 'not-checked', cause: 'configuration' });
    const modules = new Map(org.crm.modules);
    modules.delete('Projects_Tracker');
    modules.delete('Events');
    const deals = modules.get('Deals');
    modules.set('Deals', {
      ...(deals as NonNullable<typeof deals>),
      fields: deals?.fields?.map((f) => (f.apiName === 'Stage' ? { ...f, picklist: [] } : f)) ?? [],
    });
    const plan = planFixtures({ needs: crmNeeds, org: { ...org, crm: { modules } }, runId: 'r' });
    const outcome = (variable: string) => {
      const block = plan.unavailable[variable];
      return block && [block.outcome, block.outcome === 'not-checked' ? block.cause : '', block.reason];
    };
    // Every org has Events: one the module list leaves out is hidden from this user, never "not applicable".
    expect(outcome('event_id')).toEqual([
      'not-checked',
      'org-access',
      'the org does not show the module Events to this user; every org has it',
    ]);
    // A professional org can have custom modules: it needs one made, which the user can do.
    expect(outcome('locked_custom_id')).toEqual([
      'not-checked',
      'org-setup',
      'this org has no custom module the API can write (the custom-module locking case needs one)',
    ]);
    expect(outcome('custom_lock_id')).toEqual(outcome('locked_custom_id'));
    for (const variable of ['deal_id', 'locked_deal_id', 'deal_lock_id'])
      expect(outcome(variable)).toEqual([
        'not-checked',
        'org-setup',
        'Deals.Stage is a mandatory picklist with no value to choose',
      ]);
    expect(Object.keys(plan.unavailable).sort()).toEqual(
      ['custom_lock_id', 'deal_id', 'deal_lock_id', 'event_id', 'locked_custom_id', 'locked_deal_id'].sort(),
    );
    expect(plan.records.some((r) => ['Deals', 'Events'].includes(r.module))).toBe(false);
    // Only an edition without custom modules makes the custom-module case not applicable.
    const free = planFixtures({ needs: crmNeeds, org: { ...org, edition: 'free', crm: { modules } }, runId: 'r' });
    expect(free.unavailable['locked_custom_id']).toEqual({
      outcome: 'not-applicable',
      reason: 'the free edition has no custom modules',
    });
    // An org that lists no module at all hides them from this user.
    const none = planFixtures({ needs: crmNeeds, org: { ...org, crm: { modules: new Map() } }, runId: 'r' });
    expect(Object.values(none.unavailable).map((b) => [b.outcome, b.outcome === 'not-checked' && b.cause])).toEqual(
      Object.values(none.unavailable).map(() => ['not-checked', 'org-access']),
    );
    expect(none.records).toEqual([]);
  });

  it("uses the demo org's fields for a product whose metadata it could not read, and says so", () => {
    const plan = planFixtures({
      needs: FIXTURE_NEEDS.filter((n) => n.product === 'bigin'),
      org: strictOrg(),
      runId: 'r',
    });
    expect(values(plan.records.find((r) => r.variable === 'bigin_deal_id'))).toEqual({
      Deal_Name: expect.any(String),
      Stage: 'Qualification',
      Description: 'zoho-contract-suite r',
    });
    expect(plan.notes).toEqual([
      "Bigin metadata not readable (INVALID_URL_PATTERN): its fixtures use the demo org's fields",
    ]);
    const names = plan.records.filter((r) => r.module === 'Products').map((r) => values(r)['Product_Name']);
    // Product_Name is unique in Bigin: every product the cases need gets its own.
    expect(names.length).toBeGreaterThan(2);
    expect(new Set(names).size).toBe(names.length);
  });
});
