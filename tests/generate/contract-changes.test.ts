// The contract changelog and the version rule: breaking -> major, new case -> minor, wording -> patch.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateRecords, type Case, type Endpoint } from '../../src/catalog/index.ts';
import {
  bumpVersion,
  collectionPath,
  collectionVersion,
  describeChanges,
  generateFiles,
  writeGenerated,
} from '../../src/generate/index.ts';
import { runCli } from '../support/run-cli.ts';

const path = collectionPath(updateRecords, 'v8');
const collectionOf = (endpoint: Endpoint, previous = new Map<string, unknown>()): unknown =>
  JSON.parse(generateFiles([endpoint], previous).find((f) => f.path === path)?.content ?? 'null') as unknown;
const withCases = (edit: (cases: readonly Case[]) => readonly Case[]): Endpoint => ({
  ...updateRecords,
  cases: edit(updateRecords.cases),
});
const base = collectionOf(updateRecords);

const changed: Array<[string, Endpoint, 'major' | 'minor' | 'patch', string]> = [
  [
    'a changed expected status',
    withCases((cs) => cs.map((c) => (c.id === 'record-locked' ? { ...c, expect: { ...c.expect, status: 400 } } : c))),
    'major',
    'expectation-changed',
  ],
  ['a removed case', withCases((cs) => cs.filter((c) => c.id !== 'not-approved')), 'major', 'case-removed'],
  [
    'a tightened schema',
    {
      ...updateRecords,
      details: {
        ...updateRecords.details,
        records: {
          ...updateRecords.details.records,
          NOT_APPROVED: {
            sources: [],
            details: { type: 'object', required: ['id', 'reason'], properties: { id: { type: 'string' } } },
          },
        },
      },
    },
    'major',
    'schema-changed',
  ],
  [
    'a new case',
    withCases((cs) => [...cs, { ...(cs[0] as Case), id: 'success-again', name: 'SUCCESS again' }]),
    'minor',
    'case-added',
  ],
  [
    'a reworded case',
    withCases((cs) =>
      cs.map((c) => (c.id === 'record-locked' ? { ...c, name: 'RECORD_LOCKED for a locked record' } : c)),
    ),
    'patch',
    'wording',
  ],
];

describe('describeChanges and the version rule', () => {
  it.each(changed)('classifies %s', (_name, endpoint, level, kind) => {
    const result = describeChanges(base, collectionOf(endpoint));
    expect(result.level).toBe(level);
    expect(result.changes.map((c) => c.kind)).toContain(kind);
  });

  it('finds nothing between identical collections', () => {
    expect(describeChanges(base, collectionOf(updateRecords))).toEqual({ changes: [], level: 'none' });
  });

  it('names the schema fields that changed', () => {
    const [, endpoint] = changed[2] ?? [];
    const change = describeChanges(base, collectionOf(endpoint as Endpoint)).changes.find(
      (c) => c.subject === 'record_NOT_APPROVED',
    );
    expect(change?.detail).toBe('required +reason');
  });

  it('bumps info.version from the committed collection by the rule when generating', () => {
    const previous = new Map([[path, base]]);
    const from = collectionVersion(base) ?? '';
    expect(collectionVersion(collectionOf(changed[0]?.[1] as Endpoint, previous))).toBe(bumpVersion(from, 'major'));
    expect(collectionVersion(collectionOf(changed[3]?.[1] as Endpoint, previous))).toBe(bumpVersion(from, 'minor'));
    expect(collectionVersion(collectionOf(changed[4]?.[1] as Endpoint, previous))).toBe(bumpVersion(from, 'patch'));
    expect(collectionVersion(collectionOf(updateRecords, previous))).toBe(from);
    expect(bumpVersion('1.4.2', 'major')).toBe('2.0.0');
    expect(bumpVersion('1.4.2', 'minor')).toBe('1.5.0');
  });
});

describe('npm run collections:diff', () => {
  it('lists, per collection, the versions, the bump and each change between two folders', async () => {
    const [before, after] = await Promise.all([
      mkdtemp(join(tmpdir(), 'zoho-diff-')),
      mkdtemp(join(tmpdir(), 'zoho-diff-')),
    ]);
    await writeGenerated(before, generateFiles([updateRecords]));
    await writeGenerated(after, generateFiles([changed[0]?.[1] as Endpoint], new Map([[path, base]])));
    const result = await runCli(['collections-diff', join(before, 'collections'), join(after, 'collections')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `~ crm/v8/update-records.postman_collection.json: ${collectionVersion(base)} -> ${bumpVersion(collectionVersion(base) ?? '', 'major')} (changes call for a major bump)`,
    );
    expect(result.stdout).toMatch(
      /expectation-changed crm\.update-records\.v8\.record-locked: \{"shape":"records","status":202,"codes":\["RECORD_LOCKED"\]\} -> \{"shape":"records","status":400/,
    );
  });

  it('refuses a source that is neither a folder nor a revision', async () => {
    const result = await runCli(['collections-diff', 'no-such-ref-or-folder']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"no-such-ref-or-folder" is neither a folder nor a git revision');
  });
});
