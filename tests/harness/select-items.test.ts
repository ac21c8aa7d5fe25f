// What a run keeps of a collection: the wanted items, flat and without scripts unless sandbox tests run them.

import { describe, expect, it } from 'vitest';
import { selectItems, slimCollection, takeItems } from '../../src/harness/index.ts';

const item = (caseId: string) => ({
  id: `crm.update-records.v8.${caseId}`,
  name: caseId,
  request: { method: 'PUT' },
  event: [{ listen: 'test', script: { exec: ['pm.test()'] } }],
});
const collection = {
  info: { name: 'c' },
  event: [],
  variable: [{ key: 'v', value: '1' }],
  item: [{ name: 'folder', item: [item('a'), item('b')] }, item('c')],
};

describe('slimCollection', () => {
  it("keeps the collection's own fields and only the wanted items, flat, with no scripts", () => {
    const slim = slimCollection(collection, ['c', 'a'], false) as typeof collection;
    expect(slim.info).toEqual(collection.info);
    expect(slim.variable).toEqual(collection.variable);
    expect(slim.item).toEqual([
      { ...item('a'), event: [] },
      { ...item('c'), event: [] },
    ]);
    expect([...selectItems(slim, ['a', 'c']).keys()]).toEqual(['a', 'c']);
  });

  it('leaves the collection as it is when sandbox tests run its scripts', () => {
    expect(slimCollection(collection, ['a'], true)).toBe(collection);
  });

  it("hands a slim collection's items over once taken, keeping its own fields; a collection as read keeps its items", () => {
    const slim = slimCollection(collection, ['a', 'c'], false) as typeof collection;
    expect([...takeItems(slim, ['a', 'c']).keys()]).toEqual(['a', 'c']);
    expect(slim.item).toEqual([]);
    expect(slim.info).toEqual(collection.info);
    const asRead = structuredClone(collection);
    expect([...takeItems(asRead, ['a']).keys()]).toEqual(['a']);
    expect(asRead).toEqual(collection);
  });
});
