// A long batch's items wait deflated on shelves until their unit starts: each comes back once, equal to what went in.

import { describe, expect, it } from 'vitest';
import { SHELF_SIZE, shelveItems, takeShelved, type ShelvedItem } from '../../src/harness/item-shelf.ts';
import type { CollectionItem } from '../../src/harness/index.ts';

const item = (k: number): CollectionItem => ({
  id: `crm.update-records.v8.case-${k}`,
  json: {
    id: `crm.update-records.v8.case-${k}`,
    name: `case ${k} ✓`,
    request: { method: 'PUT', header: [{ key: 'Authorization', value: 'Zoho-oauthtoken {{access_token}}' }] },
    event: [],
    flags: { n: k, none: null, list: [1.5, true, 'x'] },
  },
});

describe('shelveItems', () => {
  it('gives every item back once, equal to what was shelved, in whatever order the units take them', () => {
    const items = Array.from({ length: SHELF_SIZE * 2 + 7 }, (_, k) => item(k));
    const shelved = shelveItems(items);
    expect(shelved.map((s) => s.id)).toEqual(items.map((i) => i.id));
    const order = [...shelved.keys()].reverse();
    for (const k of order) expect(takeShelved(shelved[k] as ShelvedItem)).toEqual(items[k]);
  });

  it('refuses to give an item twice', () => {
    const [first, second] = shelveItems([item(1), item(2)]) as [ShelvedItem, ShelvedItem];
    takeShelved(first);
    expect(() => takeShelved(first)).toThrow(/taken twice/);
    expect(takeShelved(second)).toEqual(item(2));
  });
});
