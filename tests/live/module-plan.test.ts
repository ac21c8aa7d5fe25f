// --modules against the org's metadata: a module the org lacks is the user's setting (exit 2 before anything is
// written); what a module lacks for a case (a unique field, a mandatory one) makes that case not applicable there.

import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import {
  checkModules,
  moduleFixtureNeeds,
  narrowFields,
  planFixtures,
  planModuleVariables,
  textFieldOf,
  uniqueFieldOf,
  type OrgField,
  type OrgMetadata,
} from '../../src/live/index.ts';
import { fillContext } from '../../src/live/fill-field.ts';

const field = (apiName: string, dataType: string, extra: Partial<OrgField> = {}): OrgField => ({
  apiName,
  dataType,
  mandatory: false,
  unique: false,
  picklist: [],
  readOnly: false,
  ...extra,
});
const ACCOUNTS = [
  field('Account_Name', 'text', { mandatory: true, unique: true, length: 200 }),
  field('Description', 'textarea', { length: 32000 }),
];
const TRACKER = [
  field('Name', 'text', { mandatory: true, length: 120 }),
  field('Client', 'lookup', { mandatory: true, lookupModule: 'Accounts' }),
  field('Code', 'text', { length: 12 }),
];
const org = (extra: Partial<OrgMetadata['crm']> = {}): OrgMetadata => ({
  crm: {
    modules: new Map([
      ['Accounts', { apiName: 'Accounts', custom: false, usable: true, fields: ACCOUNTS }],
      ['Projects_Tracker', { apiName: 'Projects_Tracker', custom: true, usable: true, fields: TRACKER }],
      ['Visits', { apiName: 'Visits', custom: false, usable: false, fields: [] }],
    ]),
    ...extra,
  },
  bigin: { unreadable: 'not asked' },
});

describe('checkModules', () => {
  it('accepts modules the org has and the API writes', () => {
    expect(() => checkModules(org(), ['Accounts', 'Projects_Tracker'])).not.toThrow();
  });

  it('refuses a module the org does not have, naming it and the modules it has', () => {
    expect(() => checkModules(org(), ['Accounts', 'Projets_Tracker'])).toThrow(
      new ConfigError(
        '--modules names Projets_Tracker, which the org does not have (or hides from this user)',
        "use API names of the org's modules: Accounts, Projects_Tracker",
      ),
    );
  });

  it('refuses a module the API cannot create records in, and an org whose modules could not be read', () => {
    expect(() => checkModules(org(), ['Visits'])).toThrow(/Visits, in which the API cannot create records/);
    expect(() => checkModules({ crm: { unreadable: 'OAUTH_SCOPE_MISMATCH' }, bigin: {} }, ['Accounts'])).toThrow(
      /could not be read \(OAUTH_SCOPE_MISMATCH\)/,
    );
  });
});

describe('planModuleVariables', () => {
  it("plans the module's text field, a value the run is known by, and one a character too long", () => {
    const { variables, unavailable } = planModuleVariables('Projects_Tracker', TRACKER, fillContext('run-1'));
    // The record's name (mandatory text) before a free text field.
    expect(variables['mod__Projects_Tracker__text_field']).toBe('Name');
    expect(variables['mod__Projects_Tracker__text_too_long']).toBe('x'.repeat(121));
    expect(variables['mod__Projects_Tracker__text_value']).toMatch(/^zoho-contract-suite run-1/);
    expect(variables['mod__Projects_Tracker__lookup_field']).toBe('Client');
    expect(variables['mod__Projects_Tracker__typed_field']).toBeUndefined();
    expect(unavailable['mod__Projects_Tracker__unique_field']).toMatchObject({
      outcome: 'not-applicable',
      reason: expect.stringMatching(/^Projects_Tracker has no unique field/),
    });
  });

  it('writes a unique text field with fresh values, and names it the unique field', () => {
    const { variables, unavailable } = planModuleVariables('Accounts', ACCOUNTS, fillContext('run-1'));
    expect(variables['mod__Accounts__text_field']).toBe('Account_Name');
    expect(variables['mod__Accounts__unique_field']).toBe('Account_Name');
    expect(variables['mod__Accounts__text_value']).not.toBe(variables['mod__Accounts__text_update']);
    // Accounts has no typed field and no lookup here: those cases are not applicable on it, the others run.
    expect(Object.keys(unavailable).sort()).toEqual([
      'mod__Accounts__lookup_field',
      'mod__Accounts__typed_field',
      'mod__Accounts__typed_wrong',
    ]);
  });

  it('prefers a text field that is not unique, and leaves a module with none not applicable for length', () => {
    expect(textFieldOf([...ACCOUNTS, field('Ticker', 'text', { length: 8 })])?.apiName).toBe('Ticker');
    expect(uniqueFieldOf(TRACKER)).toBeUndefined();
    const none = planModuleVariables('Notes_Only', [field('Blob', 'fileupload')], fillContext('run-1'));
    expect(none.unavailable['mod__Notes_Only__text_too_long']?.outcome).toBe('not-applicable');
  });
});

describe("the module variants' fixtures", () => {
  it('makes the records the variants reference in their module, the first holding a fresh unique value', () => {
    const needs = moduleFixtureNeeds([
      'mod__Accounts__record_id',
      'mod__Accounts__second_id',
      'mod__Accounts__text_field',
    ]);
    expect(needs.map((n) => [n.variable, n.module])).toEqual([
      ['mod__Accounts__record_id', 'Accounts'],
      ['mod__Accounts__second_id', 'Accounts'],
    ]);
    const plan = planFixtures({ needs, org: org(), runId: 'run-1', modules: ['Accounts'] });
    const holder = plan.records.find((r) => r.variable === 'mod__Accounts__record_id');
    const value = plan.variables['mod__Accounts__unique_value'];
    expect(value).toBeDefined();
    expect(holder?.fields['Account_Name']).toEqual({ value });
    expect(plan.variables['mod__Accounts__text_value']).not.toBe(value);
  });

  it('makes the record holding the unique value for a case that repeats it without naming the record', () => {
    expect(moduleFixtureNeeds(['mod__Accounts__unique_value', 'mod__Accounts__record_id'])).toEqual([
      {
        variable: 'mod__Accounts__record_id',
        product: 'crm',
        module: 'Accounts',
        uniqueExposes: 'mod__Accounts__unique_value',
      },
    ]);
  });

  it('plans the looked-up record first for a custom module with a mandatory lookup', () => {
    const plan = planFixtures({
      needs: moduleFixtureNeeds(['mod__Projects_Tracker__record_id']),
      org: org(),
      runId: 'run-1',
      modules: ['Projects_Tracker'],
    });
    expect(plan.records.map((r) => [r.module, r.level])).toEqual([
      ['Accounts', 0],
      ['Projects_Tracker', 1],
    ]);
    expect(plan.unavailable['mod__Projects_Tracker__unique_value']?.outcome).toBe('not-applicable');
  });

  it("locks a record for the lock's case where the page lists locking for the module, and makes none where it does not", () => {
    const withEvents: OrgMetadata = {
      ...org(),
      crm: {
        modules: new Map([
          ...(org().crm.modules ?? new Map()),
          [
            'Events',
            {
              apiName: 'Events',
              custom: false,
              usable: true,
              fields: [field('Event_Title', 'text', { mandatory: true, length: 255 })],
            },
          ],
        ]),
      },
    };
    const needs = moduleFixtureNeeds(['mod__Projects_Tracker__locked_id', 'mod__Events__locked_id']);
    expect(needs.map((n) => [n.variable, n.lock])).toEqual([
      ['mod__Projects_Tracker__locked_id', 'mod__Projects_Tracker__lock_id'],
      ['mod__Events__locked_id', 'mod__Events__lock_id'],
    ]);
    const plan = planFixtures({ needs, org: withEvents, runId: 'run-1', modules: ['Projects_Tracker', 'Events'] });
    expect(plan.records.filter((r) => r.lockVariable).map((r) => r.module)).toEqual(['Projects_Tracker']);
    expect(plan.unavailable['mod__Events__locked_id']).toEqual({
      outcome: 'not-applicable',
      reason: 'the record locking page does not list Events among the modules whose records can be locked',
    });
  });

  it('never writes a field the API may not create (operation_type.api_create false) or a virtual one', () => {
    const fields = narrowFields({
      fields: [
        { api_name: 'Code', data_type: 'text', length: 20, operation_type: { api_create: false, api_update: false } },
        { api_name: 'Score', data_type: 'integer', virtual_field: true },
        { api_name: 'Title', data_type: 'text', length: 50 },
      ],
    });
    const { variables, unavailable } = planModuleVariables('Visits', fields, fillContext('run-1'));
    expect(variables['mod__Visits__text_field']).toBe('Title');
    expect(unavailable['mod__Visits__typed_field']?.outcome).toBe('not-applicable');
  });
});
