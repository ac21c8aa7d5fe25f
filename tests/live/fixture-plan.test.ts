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

  it('honours ZOHO_LOCKING_CUSTOM_MODULE, and turns what the org cannot hold into reasons, never records', () => {
    const org = strictOrg();
    expect(
      planFixtures({ needs: crmNeeds, org, runId: 'r', lockingModule: 'Custom_Module1' }).unavailable,
    ).toMatchObject({
      locked_custom_id:
        'ZOHO_LOCKING_CUSTOM_MODULE names Custom_Module1, which this org does not have (or the API cannot write)',
      custom_lock_id: expect.any(String),
    });
    const modules = new Map(org.crm.modules);
    modules.delete('Projects_Tracker');
    modules.delete('Events');
    const deals = modules.get('Deals');
    modules.set('Deals', {
      ...(deals as NonNullable<typeof deals>),
      fields: deals?.fields?.map((f) => (f.apiName === 'Stage' ? { ...f, picklist: [] } : f)) ?? [],
    });
    const plan = planFixtures({ needs: crmNeeds, org: { ...org, crm: { modules } }, runId: 'r' });
    expect(plan.unavailable).toEqual({
      event_id: 'this org has no module Events',
      locked_custom_id: 'this org has no custom module the API can write (the custom-module locking case needs one)',
      custom_lock_id: 'this org has no custom module the API can write (the custom-module locking case needs one)',
      deal_id: 'Deals.Stage is a mandatory picklist with no value to choose',
      locked_deal_id: 'Deals.Stage is a mandatory picklist with no value to choose',
      deal_lock_id: 'Deals.Stage is a mandatory picklist with no value to choose',
    });
    expect(plan.records.some((r) => ['Deals', 'Events'].includes(r.module))).toBe(false);
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
