// Which recorded cases a replay judges: recorded by the collection's current contract version, else not checked.

import { describe, expect, it } from 'vitest';
import { updateRecords, type Case } from '../../src/catalog/index.ts';
import type { Target } from '../../src/harness/index.ts';
import { collectionVersion, whyNotReplayed } from '../../src/harness/replay-case.ts';
import type { Recording } from '../../src/live/index.ts';

const KEY = 'crm/update-records/v8/success-single';
const testCase = updateRecords.cases.find((c) => c.id === 'success-single') as Case;
const collection = (version: unknown) => ({ info: { name: 'c', version }, item: [] });
const replay = (recording?: Recording): Target => ({
  kind: 'replay',
  name: 'replay',
  apiDomain: 'http://127.0.0.1:1',
  variables: {},
  secrets: [],
  recordings: recording ? { [KEY]: recording } : {},
});
const recorded = (contractVersion?: string): Recording => ({
  ...(contractVersion ? { contractVersion } : {}),
  request: { method: 'PUT', url: 'http://127.0.0.1:2/crm/v8/Leads/1', baseUrls: ['http://127.0.0.1:2'] },
});

describe('collectionVersion', () => {
  it('reads info.version as the SDK writes it ({ raw }) or as a string, and nothing from what is not a collection', () => {
    expect(collectionVersion(collection({ raw: '1.4.0', major: 1 }))).toBe('1.4.0');
    expect(collectionVersion(collection('1.4.0'))).toBe('1.4.0');
    expect(collectionVersion(collection(undefined))).toBeUndefined();
    expect(collectionVersion('not a collection')).toBeUndefined();
  });
});

describe('whyNotReplayed', () => {
  it('replays a case recorded by the collection it is replayed with', () => {
    expect(whyNotReplayed(testCase, replay(recorded('1.4.0')), KEY, collection('1.4.0'))).toBeUndefined();
  });

  it('leaves a case recorded by another contract version not checked, to be recorded again', () => {
    expect(whyNotReplayed(testCase, replay(recorded('1.3.0')), KEY, collection({ raw: '1.4.0' }))).toMatchObject({
      kind: 'not-checked',
      cause: 'stale-recording',
      reason: 'recorded by contract 1.3.0, the collection is now 1.4.0; record again',
      fix: expect.stringMatching(/^record it again with a --record run/),
    });
  });

  it('leaves a cassette written before cassettes carried a version not checked', () => {
    expect(whyNotReplayed(testCase, replay(recorded()), KEY, collection('1.4.0'))).toMatchObject({
      kind: 'not-checked',
      cause: 'stale-recording',
      reason: 'recorded before cassettes carried a contract version; record again',
    });
  });

  it('leaves a case with no recording not checked', () => {
    expect(whyNotReplayed(testCase, replay(), KEY, collection('1.4.0'))).toMatchObject({ cause: 'no-recording' });
  });
});
