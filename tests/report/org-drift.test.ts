// What changed in the org is printed beside the failures it may explain: a failing case whose request names the module
// (and writes the field), never a case that passed or names another module.

import { describe, expect, it } from 'vitest';
import { explainOrgChanges, renderOrgDrift } from '../../src/report/index.ts';
import type { Verdict } from '../../src/verdict/index.ts';

const verdict = (caseId: string, outcome: Verdict['outcome'], endpoint = 'update-records'): Verdict => ({
  product: 'crm',
  endpoint,
  version: 'v8',
  caseId,
  caseName: caseId,
  group: 'g',
  target: 'live',
  outcome,
  reason: '',
  findings: [],
  expected: { shape: 'records', status: 200, codes: ['SUCCESS'] },
  doc: { page: 'crm-update-records.txt', section: 's' },
  durationMs: 1,
});

describe('explainOrgChanges', () => {
  it('lists the failing cases whose request names the changed module, and for a field, writes it', () => {
    const verdicts = [
      verdict('success-single', 'fail'),
      verdict('limit-exceeded-participants', 'fail'),
      verdict('success-bulk', 'pass'),
    ];
    const changes = explainOrgChanges(
      [
        { text: 'Leads.Last_Name no longer mandatory', module: 'Leads', field: 'Last_Name' },
        { text: 'Events.Participants removed', module: 'Events', field: 'Participants' },
        { text: 'Leads.Fax added', module: 'Leads', field: 'Fax' },
        { text: 'edition professional -> enterprise' },
      ],
      verdicts,
    );
    expect(changes.map((c) => c.mayExplain)).toEqual([
      ['crm/update-records/v8/success-single'],
      ['crm/update-records/v8/limit-exceeded-participants'],
      [],
      [],
    ]);
    expect(renderOrgDrift({ since: 'b/summary.json', changes })).toEqual([
      'Org changes since the baseline (b/summary.json): 4',
      '  * Leads.Last_Name no longer mandatory; may explain: crm/update-records/v8/success-single',
      '  * Events.Participants removed; may explain: crm/update-records/v8/limit-exceeded-participants',
      '  * Leads.Fax added',
      '  * edition professional -> enterprise',
    ]);
    expect(renderOrgDrift({ since: 'b', changes: [] })).toEqual(['Org: nothing changed since the baseline (b)']);
  });
});
