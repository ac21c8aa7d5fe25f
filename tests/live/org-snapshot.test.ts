// What changed in the org since the baseline's run: read from the snapshots both runs kept, never guessed.

import { describe, expect, it } from 'vitest';
import {
  diffOrg,
  readOrgSnapshot,
  snapshotOrg,
  type OrgField,
  type OrgMetadata,
  type OrgModule,
} from '../../src/live/index.ts';

const field = (apiName: string, extra: Partial<OrgField> = {}): OrgField => ({
  apiName,
  dataType: 'text',
  mandatory: false,
  unique: false,
  picklist: [],
  readOnly: false,
  ...extra,
});

function org(leads: readonly OrgField[], extra: Partial<OrgMetadata> = {}, more: string[] = []): OrgMetadata {
  const modules = new Map<string, OrgModule>([
    ['Leads', { apiName: 'Leads', custom: false, usable: true, fields: leads }],
    ...more.map((name): [string, OrgModule] => [name, { apiName: name, custom: true, usable: true }]),
  ]);
  return { edition: 'professional', crm: { modules }, bigin: { unreadable: 'not read' }, ...extra };
}

const before = org([
  field('Last_Name', { mandatory: true }),
  field('Phone', { dataType: 'phone' }),
  field('Lead_Status', { dataType: 'picklist', picklist: ['New', 'Contacted', 'Lost'] }),
  field('Fax'),
]);

describe('the org, night to night', () => {
  it('names a field made mandatory, a picklist value gone, a field added and one removed, a module added, the edition', () => {
    const now = org(
      [
        field('Last_Name', { mandatory: true }),
        field('Phone', { dataType: 'phone', mandatory: true }),
        field('Lead_Status', { dataType: 'picklist', picklist: ['New', 'Contacted'] }),
        field('Region', { mandatory: true }),
      ],
      { edition: 'enterprise' },
      ['Projects_Tracker'],
    );
    expect(diffOrg(snapshotOrg(before), snapshotOrg(now)).map((c) => c.text)).toEqual([
      'edition professional -> enterprise',
      'module Projects_Tracker added',
      'Leads.Phone made mandatory',
      'Leads.Lead_Status picklist value Lost gone',
      'Leads.Region added (mandatory)',
      'Leads.Fax removed',
    ]);
  });

  it('finds nothing in an org that did not change, and nothing about what one of the runs did not read', () => {
    expect(diffOrg(snapshotOrg(before), snapshotOrg(before))).toEqual([]);
    const unread = { ...before, crm: { unreadable: 'NO_PERMISSION' } };
    expect(diffOrg(snapshotOrg(before), snapshotOrg(unread))).toEqual([]);
  });

  it('reads back what it kept (as a report holds it), and nothing from what is not a snapshot', () => {
    const kept = JSON.parse(JSON.stringify(snapshotOrg(before))) as unknown;
    expect(readOrgSnapshot(kept)).toEqual(snapshotOrg(before));
    expect(readOrgSnapshot({ modules: [] })).toBeUndefined();
  });
});
