// The items of a long batch's later units, kept deflated until their unit starts. Why: a batch deals every selected
// case into units at its start, so it held every item (the request newman sends) from then until its unit ran: at
// 10,000 cases, 25 MB of the verdict thread's heap for most of the run, which V8 then sized the thread's heap after.

import { constants, deflateSync, inflateSync } from 'node:zlib';
import type { CollectionItem } from './select-items.ts';

/** An item on a shelf: `take` gives it back once, as it was shelved (the JSON newman will run). */
export interface ShelvedItem {
  readonly id: string;
  take(): CollectionItem;
}

/** Items per shelf: about one unit's worth, so a wave of units in flight unpacks a few shelves, never a whole batch. */
export const SHELF_SIZE = 250;

/**
 * Shelves items in order, SHELF_SIZE to a shelf, each shelf one deflated JSON array (tens of KB for 250 requests that
 * take about 600 KB as objects). A shelf is unpacked when the first of its items is taken and let go once the last one
 * is: each item is then held by its unit alone. What comes back is equal to what went in (JSON in, JSON out). A shelf
 * takes a few milliseconds to pack or unpack, done in line: a thread-pool round trip would only add latency.
 */
export function shelveItems(items: readonly CollectionItem[]): ShelvedItem[] {
  const shelved: ShelvedItem[] = [];
  for (let start = 0; start < items.length; start += SHELF_SIZE)
    shelved.push(...shelf(items.slice(start, start + SHELF_SIZE)));
  return shelved;
}

function shelf(items: readonly CollectionItem[]): ShelvedItem[] {
  let packed: Buffer | undefined = deflateSync(JSON.stringify(items.map((item) => item.json)), {
    level: constants.Z_BEST_SPEED,
  });
  let unpacked: Array<Record<string, unknown> | undefined> | undefined;
  let left = items.length;
  return items.map(({ id }, index) => ({
    id,
    take() {
      if (packed) unpacked ??= JSON.parse(inflateSync(packed).toString('utf8')) as Array<Record<string, unknown>>;
      const json = unpacked?.[index];
      if (!unpacked || !json) throw new Error(`item shelf: item ${id} was taken twice`);
      unpacked[index] = undefined;
      left -= 1;
      if (left === 0) [packed, unpacked] = [undefined, undefined];
      return { id, json };
    },
  }));
}
