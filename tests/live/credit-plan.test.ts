// A live run's plan counts every call it will make: what the run then spends is checked against it in the rehearsals.

import { describe, expect, it } from 'vitest';
import { planCredits, type FixturePlan, type PlannedRecord } from '../../src/live/index.ts';

const record = (module: string, level: number, extra: Partial<PlannedRecord> = {}): PlannedRecord => ({
  key: `${module}-${Math.random()}`,
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
    const credits = planCredits({ metadataCalls: 6, plan, cases: 10, creations: [{ module: 'Leads', records: 3 }] });
    // Inserts: Leads 2 + Accounts 1, then Projects 1; 1 lock. Clean-up: 1 unlock; deletes: the cases' Leads 1, Projects 1,
    // Leads 2 and Accounts 1.
    expect(credits).toEqual({ metadata: 6, fixtures: 5, cases: 10, cleanup: 6, calls: 27, credits: 27 });
  });

  it('plans no fixture or clean-up call where nothing is made', () => {
    const plan: FixturePlan = { records: [], variables: {}, unavailable: {}, notes: [] };
    expect(planCredits({ metadataCalls: 3, plan, cases: 4, creations: [] }).calls).toBe(7);
  });
});
