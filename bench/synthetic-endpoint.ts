// The bench's synthetic catalog: Update Records' mock-provocable v8 cases (bulk ones included) repeated to N cases, in
// collections of at most COLLECTION_SIZE cases, as a large catalog would be. Imported by the CLI bundle D measures, in
// place of the catalog, so it imports the one endpoint it copies directly.

import { updateRecords } from '../src/catalog/crm/update-records.ts';
import type { Case, Endpoint } from '../src/catalog/types.ts';

/** Cases per synthetic collection: one harness file waits for its whole collection in one hook, so none is huge. */
const COLLECTION_SIZE = 500;

/** `size` cases over endpoints `crm/synthetic-1`, `-2`, ... (v8), each case a copy of a real one with its own id and name. */
export function syntheticEndpoints(size: number): Endpoint[] {
  const base = updateRecords.cases.filter(
    (c) => c.provocable.includes('mock') && (c.versions ?? updateRecords.versions).includes('v8'),
  );
  const cases: Case[] = Array.from({ length: size }, (_, i) => {
    const c = base[i % base.length] as Case;
    return { ...c, id: `${c.id}-${i}`, name: `${c.name} #${i}` };
  });
  const count = Math.ceil(size / COLLECTION_SIZE);
  return Array.from({ length: count }, (_, k) => ({
    ...updateRecords,
    id: `synthetic-${k + 1}`,
    title: `Synthetic ${k + 1}`,
    versions: ['v8'],
    cases: cases.slice(k * COLLECTION_SIZE, (k + 1) * COLLECTION_SIZE),
  }));
}
