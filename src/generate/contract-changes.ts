// Two versions of a collection -> what changed in the contract, and the semver bump that change calls for. Pure.

import { isObject } from '../is-object.ts';

/** One change a reviewer should see. */
export interface ContractChange {
  readonly kind:
    | 'case-added'
    | 'case-removed'
    | 'expectation-changed'
    | 'request-changed'
    | 'schema-changed'
    | 'wording';
  /** The case (item) or schema definition concerned. */
  readonly subject: string;
  readonly detail: string;
}

/** breaking -> major, new case -> minor, wording -> patch. */
export type BumpLevel = 'major' | 'minor' | 'patch' | 'none';

interface ItemFacts {
  readonly name: string;
  readonly expected: string;
  readonly request: string;
  readonly wording: string;
}

/** Compares two collections (as parsed JSON) case by case and schema definition by definition. */
export function describeChanges(before: unknown, after: unknown): { changes: ContractChange[]; level: BumpLevel } {
  const old = itemsOf(before);
  const now = itemsOf(after);
  const changes: ContractChange[] = [];
  for (const [id, item] of now) {
    const was = old.get(id);
    if (!was) changes.push({ kind: 'case-added', subject: id, detail: `${item.name} (${item.expected})` });
    else {
      if (was.expected !== item.expected)
        changes.push({ kind: 'expectation-changed', subject: id, detail: `${was.expected} -> ${item.expected}` });
      if (was.request !== item.request)
        changes.push({ kind: 'request-changed', subject: id, detail: 'method, URL, headers or body changed' });
      if (was.wording !== item.wording)
        changes.push({
          kind: 'wording',
          subject: id,
          detail: was.name === item.name ? 'description or doc reference changed' : `"${was.name}" -> "${item.name}"`,
        });
    }
  }
  for (const [id, item] of old)
    if (!now.has(id)) changes.push({ kind: 'case-removed', subject: id, detail: item.name });
  changes.push(...schemaChanges(definitionsOf(before), definitionsOf(after)));
  return { changes, level: levelOf(changes) };
}

/** Adding a case is a minor change; anything that can make yesterday's passing target fail is major. */
export function levelOf(changes: readonly ContractChange[]): BumpLevel {
  if (
    changes.some(
      (c) =>
        c.kind === 'case-removed' ||
        c.kind === 'expectation-changed' ||
        c.kind === 'request-changed' ||
        c.kind === 'schema-changed',
    )
  )
    return 'major';
  if (changes.some((c) => c.kind === 'case-added')) return 'minor';
  return changes.length > 0 ? 'patch' : 'none';
}

/** Applies a bump to a semver "x.y.z". */
export function bumpVersion(version: string, level: BumpLevel): string {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map((n) => Number.parseInt(n, 10) || 0);
  if (level === 'major') return `${major + 1}.0.0`;
  if (level === 'minor') return `${major}.${minor + 1}.0`;
  if (level === 'patch') return `${major}.${minor}.${patch + 1}`;
  return `${major}.${minor}.${patch}`;
}

/** The semver of a collection's info.version, as the SDK writes it (an object with `raw`) or as a string. */
export function collectionVersion(collection: unknown): string | undefined {
  const info = isObject(collection) ? collection['info'] : undefined;
  const version = isObject(info) ? info['version'] : undefined;
  if (typeof version === 'string') return version;
  return isObject(version) && typeof version['raw'] === 'string' ? version['raw'] : undefined;
}

function schemaChanges(before: Record<string, unknown>, after: Record<string, unknown>): ContractChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.flatMap((name): ContractChange[] => {
    if (!(name in before)) return [{ kind: 'schema-changed', subject: name, detail: 'definition added' }];
    if (!(name in after)) return [{ kind: 'schema-changed', subject: name, detail: 'definition removed' }];
    if (JSON.stringify(before[name]) === JSON.stringify(after[name])) return [];
    return [{ kind: 'schema-changed', subject: name, detail: describeFields(before[name], after[name]) }];
  });
}

/** "required +id; properties -action" style summary of a definition's field changes. */
function describeFields(before: unknown, after: unknown): string {
  const keys = (schema: unknown, field: 'properties' | 'required'): string[] => {
    const value = isObject(schema) ? schema[field] : undefined;
    return Array.isArray(value) ? value.map(String) : isObject(value) ? Object.keys(value) : [];
  };
  const parts = (['required', 'properties'] as const).map((field) => {
    const was = keys(before, field);
    const now = keys(after, field);
    const added = now.filter((k) => !was.includes(k)).map((k) => `+${k}`);
    const removed = was.filter((k) => !now.includes(k)).map((k) => `-${k}`);
    return added.length + removed.length ? `${field} ${[...added, ...removed].join(' ')}` : '';
  });
  return parts.filter(Boolean).join('; ') || 'constraints changed';
}

function itemsOf(collection: unknown): Map<string, ItemFacts> {
  const out = new Map<string, ItemFacts>();
  const visit = (items: unknown): void => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (!isObject(item)) continue;
      if (Array.isArray(item['item'])) visit(item['item']);
      else if (typeof item['id'] === 'string') out.set(item['id'], factsOf(item));
    }
  };
  visit(isObject(collection) ? collection['item'] : undefined);
  return out;
}

function factsOf(item: Record<string, unknown>): ItemFacts {
  // The generated test script declares `var expected = {...};` on one line: the case's documented outcome.
  const lines = (Array.isArray(item['event']) ? item['event'] : []).flatMap((e: unknown) => {
    const script = isObject(e) ? e['script'] : undefined;
    return isObject(script) && Array.isArray(script['exec']) ? script['exec'].map(String) : [];
  });
  const expected =
    lines
      .find((l) => l.startsWith('var expected = '))
      ?.slice('var expected = '.length)
      .replace(/;$/, '') ?? 'unknown';
  return {
    name: String(item['name'] ?? ''),
    expected,
    request: JSON.stringify(item['request'] ?? null),
    wording: JSON.stringify([item['name'], item['description']]),
  };
}

function definitionsOf(collection: unknown): Record<string, unknown> {
  const variables = isObject(collection) && Array.isArray(collection['variable']) ? collection['variable'] : [];
  const schema = variables.find((v: unknown) => isObject(v) && v['key'] === 'response_schema');
  try {
    const parsed =
      isObject(schema) && typeof schema['value'] === 'string' ? (JSON.parse(schema['value']) as unknown) : undefined;
    return isObject(parsed) && isObject(parsed['definitions']) ? parsed['definitions'] : {};
  } catch {
    return {};
  }
}
