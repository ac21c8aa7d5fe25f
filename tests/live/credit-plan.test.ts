// A live run's plan counts every call it will make: what the run then spends is checked against it in the rehearsals.

import { describe, expect, it } from 'vitest';
import { caseRecordLevel, planCredits, type FixturePlan, type PlannedRecord } from '../../src/live/index.ts';

let planned = 0;
const record = (module: string, level: number, extra: Partial<PlannedRecord> = {}): PlannedRecord => ({
  key: `${module}-${(planned += 1)}`,
  product: 'crm',
  module,
  level,
  fields: {},
  ...extra,
});

describe('planCredits', () => {
  it('counts the metadata read, each level of inserts (100 a call), the locks, the cases, the unlocks and the deletes', () => {
    const plan: FixturePlan = {
      records: [
        ...Array.from({ length: 150 }, () => record('Leads', 0)),
        record('Accounts', 0),
        record('Projects', 1, { lockVariable: 'custom_lock_id' }),
      ],
      variables: {},
      unavailable: {},
      notes: [],
    };
    const creations = [{ module: 'Leads', records: 3 }];
    // Inserts: Leads 2 + Accounts 1, then Projects 1; 1 lock. Clean-up: 1 unlock; deletes: Projects 1, then the 150
    // Leads with the cases' 3 in 2 calls, and Accounts 1.
    expect(planCredits({ metadataCalls: 6, plan, cases: 10, creations })).toEqual({
      metadata: 6,
      fixtures: 5,
      cases: 10,
      cleanup: 5,
      calls: 26,
      credits: 26,
    });
    // Records that may look up a fixture are deleted first, in calls of their own.
    expect(planCredits({ metadataCalls: 6, plan, cases: 10, creations, caseLevel: 2 }).cleanup).toBe(6);
  });

  it('plans no fixture or clean-up call where nothing is made', () => {
    const plan: FixturePlan = { records: [], variables: {}, unavailable: {}, notes: [] };
    expect(planCredits({ metadataCalls: 3, plan, cases: 4, creations: [] }).calls).toBe(7);
  });

  it("deletes the cases' records beside the first fixtures, unless they may look a fixture up", () => {
    const plan: FixturePlan = {
      records: [record('Accounts', 0), record('Leads', 1)],
      variables: {},
      unavailable: {},
      notes: [],
      fills: { Leads: [{ Last_Name: 'x' }] },
    };
    expect(caseRecordLevel(plan, false)).toBe(0);
    expect(caseRecordLevel(plan, true)).toBe(2);
    const lookingUp = { ...plan, fills: { Deals: [{ Account_Name: { id: '{{lookup_crm_Accounts}}' } }] } };
    expect(caseRecordLevel(lookingUp, false)).toBe(2);
  });
});
