// A creating case's records are completed with what the org makes mandatory, never the case about a missing field,
// never another endpoint's, and never a body that is not JSON on purpose.

import { describe, expect, it } from 'vitest';
import { caseOnModule, insertRecords, updateRecords, type Case } from '../../src/catalog/index.ts';
import { withRecordFills, type Target } from '../../src/harness/index.ts';

const target: Target = {
  kind: 'live',
  name: 'org',
  apiDomain: 'http://127.0.0.1:1',
  variables: {},
  secrets: [],
  fills: { Leads: [{ Region_Code: 'R1', Last_Name: 'planned' }, { Region_Code: 'R2' }] },
};
const item = (raw: string) => ({ id: 'i', request: { method: 'POST', body: { mode: 'raw', raw } } });
const sent = (result: Record<string, unknown>): unknown =>
  JSON.parse(((result['request'] as Record<string, unknown>)['body'] as { raw: string }).raw);
const caseOf = (cases: readonly Case[], id: string): Case => cases.find((c) => c.id === id) as Case;

describe('withRecordFills', () => {
  it("adds each record's fill by position, the case's own values winning", () => {
    const raw = JSON.stringify({ data: [{ Last_Name: 'One' }, { Last_Name: 'Two' }, { Last_Name: 'Three' }] });
    const result = withRecordFills(item(raw), caseOf(insertRecords.cases, 'success-bulk'), insertRecords, target);
    expect(sent(result)).toEqual({
      data: [
        { Region_Code: 'R1', Last_Name: 'One' },
        { Region_Code: 'R2', Last_Name: 'Two' },
        { Region_Code: 'R1', Last_Name: 'Three' },
      ],
    });
  });

  it('leaves alone the case about a missing mandatory field, an endpoint that creates nothing, a body that is not JSON', () => {
    const raw = JSON.stringify({ data: [{ Company: 'Zylker' }] });
    const missing = item(raw);
    expect(withRecordFills(missing, caseOf(insertRecords.cases, 'mandatory-not-found'), insertRecords, target)).toBe(
      missing,
    );
    const update = item(raw);
    expect(withRecordFills(update, updateRecords.cases[0] as Case, updateRecords, target)).toBe(update);
    const broken = item('{"data": [ {"id": 1 "x": 2} ]}');
    expect(withRecordFills(broken, caseOf(insertRecords.cases, 'success-bulk'), insertRecords, target)).toBe(broken);
  });

  it("reads a module variant's field name from the run's variables, so its value wins over the fill's (no field twice)", () => {
    const variant = caseOnModule(insertRecords, caseOf(insertRecords.cases, 'duplicate-data'), 'Accounts');
    const onAccounts: Target = {
      ...target,
      variables: { mod__Accounts__unique_field: 'Account_Name' },
      fills: { Accounts: [{ Account_Name: 'fresh', Rating: 'Hot' }] },
    };
    const raw = JSON.stringify(variant.request.body);
    const result = withRecordFills(item(raw), variant, insertRecords, onAccounts);
    expect(
      ((result['request'] as Record<string, unknown>)['body'] as { raw: string }).raw.match(/Account_Name/g),
    ).toHaveLength(1);
    expect(sent(result)).toEqual({ data: [{ Account_Name: '{{mod__Accounts__unique_value}}', Rating: 'Hot' }] });
  });
});
