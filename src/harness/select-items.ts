// Finds a collection's request items by case id, whatever folders they sit in. Pure; the collection enters as unknown.

import { ConfigError } from '../errors.ts';
import { isObject } from '../is-object.ts';
import { caseIdOfItem } from '../verdict/index.ts';

/** A request item of a collection, kept as the JSON newman will run. */
export interface CollectionItem {
  readonly id: string;
  readonly json: Record<string, unknown>;
}

/** Maps each wanted case id to its item (item ids end with `.<case id>`, as the generator writes them). */
export function selectItems(collection: unknown, caseIds: readonly string[]): Map<string, CollectionItem> {
  if (!isObject(collection) || !Array.isArray(collection['item'])) {
    throw new ConfigError('the collection has no "item" array', 'regenerate it with `npm run collections`');
  }
  const wanted = new Set(caseIds);
  const found = new Map<string, CollectionItem>();
  const visit = (items: readonly unknown[]): void => {
    for (const item of items) {
      if (!isObject(item)) continue;
      if (Array.isArray(item['item'])) visit(item['item']);
      else if (typeof item['id'] === 'string') {
        const caseId = caseIdOfItem(item['id']);
        if (wanted.has(caseId)) found.set(caseId, { id: item['id'], json: item });
      }
    }
  };
  visit(collection['item']);
  return found;
}

/**
 * The collection as a run without sandbox tests reads it: its own fields, and only the wanted items, flat and without
 * their scripts (such a run strips them from every item it sends anyway). A batch of many large collections then holds
 * neither the unselected items nor every item's test script for the length of the run. With sandbox tests (`keepScripts`)
 * the collection is returned as it is.
 */
export function slimCollection(collection: unknown, caseIds: readonly string[], keepScripts: boolean): unknown {
  if (keepScripts || !isObject(collection)) return collection;
  const items = selectItems(collection, caseIds);
  const slim = { ...collection, item: [...items.values()].map((item) => ({ ...item.json, event: [] })) };
  slimmed.add(slim);
  return slim;
}

/** Collections made by slimCollection: their items exist only for the run that takes them. */
const slimmed = new WeakSet<object>();

/**
 * `selectItems`, and a collection made by slimCollection hands its items over: its item list is emptied, so each item is
 * held by its case's unit alone and let go when that unit is done (the collection's own fields stay for newman).
 */
export function takeItems(collection: unknown, caseIds: readonly string[]): Map<string, CollectionItem> {
  const items = selectItems(collection, caseIds);
  if (isObject(collection) && slimmed.has(collection) && Array.isArray(collection['item']))
    collection['item'].length = 0;
  return items;
}
