// How a live run describes the org it found and the bound it keeps: the edition's concurrency limit (or this shard's
// part of it), and what the metadata and fixtures left unsent. Pure.

import { EDITION_CONCURRENCY, type OrgMetadata } from '../live/index.ts';
import type { ApiUsage } from '../report/index.ts';
import type { CaseBlock } from '../verdict/index.ts';

/** Calls in flight before the edition is known, and when it cannot be read: Free's limit, safe everywhere. */
export const DEFAULT_LIVE_CONCURRENCY = 5;

/**
 * The org's edition's limit (never more than --concurrency asks), else --concurrency, else 5 (Free's limit, safe
 * everywhere); with n shards, this shard's nth of the org's limit, so that the shards together never exceed it.
 */
export function chooseConcurrency(org: OrgMetadata, flag: number | undefined, shards: number): ApiUsage['concurrency'] {
  const shared = shards > 1 ? { shards } : {};
  if (org.edition) {
    const limit = shareOf(EDITION_CONCURRENCY[org.edition], shards, flag);
    return flag !== undefined && flag <= limit
      ? { limit: flag, source: 'flag', edition: org.edition, ...shared }
      : { limit, source: 'edition', edition: org.edition, ...shared };
  }
  return flag
    ? { limit: flag, source: 'flag', ...shared }
    : { limit: shareOf(DEFAULT_LIVE_CONCURRENCY, shards, undefined), source: 'default', ...shared };
}

/** One shard's part of an org-wide limit (at least 1), never more than --concurrency asks. */
export function shareOf(limit: number, shards: number, flag: number | undefined): number {
  const share = Math.max(1, Math.floor(limit / Math.max(1, shards)));
  return flag === undefined ? share : Math.min(share, flag);
}

export function describeOrg(org: OrgMetadata, concurrency: ApiUsage['concurrency']): string {
  const edition = org.edition ? `${org.edition} edition` : 'edition unknown';
  const why = [
    concurrency.source === 'flag' ? '--concurrency' : '',
    concurrency.shards ? `this shard's part of the org's limit, shared by ${concurrency.shards} shards` : '',
  ].filter(Boolean);
  return `Org: ${edition}, user ${org.currentUser?.name ?? org.currentUser?.id ?? 'unknown'}; at most ${concurrency.limit} calls at once${why.length ? ` (${why.join('; ')})` : ''}`;
}

/** `; 3 cases not applicable to this org, 2 not checked, 17 errors`, or nothing. */
export function blockedPhrase(blocked: Readonly<Record<string, CaseBlock>>): string {
  const count = (outcome: CaseBlock['outcome']) => Object.values(blocked).filter((b) => b.outcome === outcome).length;
  const parts = [
    count('not-applicable') ? `${count('not-applicable')} cases not applicable to this org` : '',
    count('not-checked') ? `${count('not-checked')} not checked` : '',
    count('error') ? `${count('error')} errors (their setup failed)` : '',
  ].filter(Boolean);
  return parts.length ? `; ${parts.join(', ')}` : '';
}
