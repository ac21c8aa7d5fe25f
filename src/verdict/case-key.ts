// A case's key, `product/endpoint/version/caseId`: the one name verdicts, cassettes, baselines and the replay server
// give a case of a collection. Pure.

/** The four parts that name one case of one collection. */
export interface CaseRef {
  readonly product: string;
  readonly endpoint: string;
  readonly version: string;
  readonly caseId: string;
}

/** The request header that tells a replay server which case a request belongs to (the mock never reads it). */
export const REPLAY_CASE_HEADER = 'X-Replay-Case';

/**
 * `product/endpoint/version/caseId`; a verdict is a `CaseRef` too. Joined rather than built with a template literal:
 * V8 keeps a concatenation as a tree of its parts (six nodes here, about 200 bytes), and a run holds a key for every
 * case it has still to answer, in several maps (10,000 cases kept 190,000 such nodes, 6 MB, on the verdict thread).
 */
export function caseKey(ref: CaseRef): string {
  return [ref.product, ref.endpoint, ref.version, ref.caseId].join('/');
}

/** The parts of a key `caseKey` built, or undefined when `key` is not four non-empty parts. */
export function parseCaseKey(key: string): CaseRef | undefined {
  const parts = key.split('/');
  if (parts.length !== 4 || parts.some((part) => part === '')) return undefined;
  const [product = '', endpoint = '', version = '', caseId = ''] = parts;
  return { product, endpoint, version, caseId };
}

/**
 * The case id of a collection's request item: the generator ids items `product.endpoint.version.caseId` (a version
 * such as v2.1 has a dot of its own, a case id never does), so the case id is what follows the last dot.
 */
export function caseIdOfItem(itemId: string): string {
  return itemId.slice(itemId.lastIndexOf('.') + 1);
}
