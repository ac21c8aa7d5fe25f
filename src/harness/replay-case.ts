// What a replay needs per case: whether its cassette may be replayed (recorded, and by the collection's current
// contract version), the header that tells the replay server which case is asking, and the request it recorded.

import type { Case } from '../catalog/index.ts';
import { isObject } from '../is-object.ts';
import type { CaseResult } from '../validate/index.ts';
import { REPLAY_CASE_HEADER } from '../verdict/index.ts';
import type { Target } from './target.ts';

const RECORD_AGAIN = 'record it again with a --record run against the current collections, or narrow the selection';

/** A collection's contract version, its `info.version` (a string, or the SDK's `{ raw, ... }` object). */
export function collectionVersion(collection: unknown): string | undefined {
  const info = isObject(collection) ? collection['info'] : undefined;
  const version = isObject(info) ? info['version'] : undefined;
  if (typeof version === 'string') return version;
  if (isObject(version) && typeof version['raw'] === 'string') return version['raw'];
  return undefined;
}

/**
 * Why a replay does not judge this case, if it does not: no recording (a mock-only case cannot be in a url or live
 * recording, so it is not applicable), or a recording made by another contract version of the collection, whose
 * expectations and requests may have changed since: not checked, to be recorded again.
 */
export function whyNotReplayed(
  testCase: Case,
  target: Target,
  key: string,
  collection: unknown,
): CaseResult | undefined {
  const recording = target.recordings?.[key];
  if (!recording) {
    if (!testCase.provocable.includes('live'))
      return { kind: 'not-applicable', reason: 'not recorded: only the mock can provoke it (mock only)' };
    return {
      kind: 'not-checked',
      reason: 'no recorded exchange for this case',
      cause: 'no-recording',
      fix: 'record it with a --record run that checks this case, or narrow the selection',
    };
  }
  const now = collectionVersion(collection) ?? 'unversioned';
  if (recording.contractVersion === now) return undefined;
  return {
    kind: 'not-checked',
    reason:
      recording.contractVersion === undefined
        ? 'recorded before cassettes carried a contract version; record again'
        : `recorded by contract ${recording.contractVersion}, the collection is now ${now}; record again`,
    cause: 'stale-recording',
    fix: RECORD_AGAIN,
  };
}

/** A replay server answers by case: it learns which one from a header (it replays recordings; the mock never reads this). */
export function withReplayHeader(item: Record<string, unknown>, key: string): Record<string, unknown> {
  const request = isObject(item['request']) ? item['request'] : {};
  const header = Array.isArray(request['header']) ? request['header'] : [];
  return { ...item, request: { ...request, header: [...header, { key: REPLAY_CASE_HEADER, value: key }] } };
}
