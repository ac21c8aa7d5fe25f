// The bench's synthetic endpoint: Update Records' mock-provocable v8 cases (bulk ones included) repeated to N cases.
// Imported by the CLI bundle D measures, in place of the catalog, so it imports the one endpoint it copies, directly.

import { updateRecords } from '../src/catalog/crm/update-records.ts';
import type { Case, Endpoint } from '../src/catalog/types.ts';

/** One endpoint (`crm/synthetic`, v8) of `size` cases, each a copy of a real case with its own id and name. */
export function syntheticEndpoint(size: number): Endpoint {
  const base = updateRecords.cases.filter((c) => c.provocable.includes('mock') && (c.versions ?? updateRecords.versions).includes('v8'));
  const cases: Case[] = Array.from({ length: size }, (_, i) => {
    const c = base[i % base.length] as Case;
    return { ...c, id: `${c.id}-${i}`, name: `${c.name} #${i}` };
  });
  return { ...updateRecords, id: 'synthetic', title: 'Synthetic', versions: ['v8'], cases };
}
