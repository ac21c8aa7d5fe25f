// The items of a long batch's later units, kept deflated until their unit starts. Why: a batch deals every selected
// case into units at its start, so it held every item (the request newman sends) from then until its unit ran: at
// 10,000 cases, about 25 MB of the verdict thread's heap at the run's start, which V8 sized the thread's heap after.

import { constants, deflateSync, inflateSync } from 'node:zlib';
import type { CollectionItem } from './select-items.ts';

/** An item on a shelf (plain data: a batch holds one per case), given back once by `takeShelved`. */
export interface ShelvedItem {
  readonly id: string;
  readonly shelf: Shelf;
  readonly index: number;
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
  for (let start = 0; start < items.length; start += SHELF_SIZE) {
    const some = items.slice(start, start + SHELF_SIZE);
    const shelf = new Shelf(some);
    shelved.push(...some.map(({ id }, index) => ({ id, shelf, index })));
  }
  return shelved;
}

/** The item, off its shelf (unpacking the shelf if it is the first taken); an item is given once. */
export function takeShelved({ id, shelf, index }: ShelvedItem): CollectionItem {
  return { id, json: shelf.take(index, id) };
}

class Shelf {
  private packed: Buffer | undefined;
  private unpacked: Array<Record<string, unknown> | undefined> | undefined;
  private left: number;

  constructor(items: readonly CollectionItem[]) {
    this.packed = deflateSync(JSON.stringify(items.map((item) => item.json)), { level: constants.Z_BEST_SPEED });
    this.left = items.length;
  }

  take(index: number, id: string): Record<string, unknown> {
    if (this.packed) this.unpacked ??= JSON.parse(inflateSync(this.packed).toString('utf8')) as typeof this.unpacked;
    const json = this.unpacked?.[index];
    if (!this.unpacked || !json) throw new Error(`item shelf: item ${id} was taken twice`);
    this.unpacked[index] = undefined;
    this.left -= 1;
    if (this.left === 0) [this.packed, this.unpacked] = [undefined, undefined];
    return json;
  }
}
