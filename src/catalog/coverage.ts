// The coverage matrix: for every endpoint × documented code, is there a case, a schema, and where can it be provoked. Pure.

import { pinnedMessages } from './pinned-messages.ts';
import type { Case, Endpoint } from './types.ts';

/** One row of the matrix. */
export interface CoverageRow {
  readonly product: string;
  readonly endpoint: string;
  readonly code: string;
  /** Ids of the cases expecting this code (anywhere in their answer). */
  readonly cases: readonly string[];
  /** A `details` schema exists for the code (per record or top-level). */
  readonly schema: boolean;
  readonly mock: boolean;
  readonly live: boolean;
  /**
   * Every case of the code checks its message (a page prints one for the case's situation); false when no page prints
   * one, or when some case of the code does not check it (listed in `messageUnchecked`).
   */
  readonly message: boolean;
  /** Ids of the code's cases that do not check its message: the whole list when no page prints one. */
  readonly messageUnchecked: readonly string[];
}

/** Documented codes with a case and a schema, over all documented codes. */
export interface CoverageTotals {
  readonly documented: number;
  readonly withCase: number;
  readonly withSchema: number;
  readonly live: number;
  /** Codes whose message every case of the code checks. */
  readonly withMessage: number;
}

/** Every documented code of every endpoint, with what covers it. */
export function buildCoverage(endpoints: readonly Endpoint[]): CoverageRow[] {
  return endpoints.flatMap((endpoint) =>
    endpoint.documentedCodes.map((code) => {
      const cases = endpoint.cases.filter((c) => expectedCodes(c).includes(code));
      // A code counts as checked only where no case of it lets the message through unchecked.
      const messageUnchecked = cases.filter((c) => pinnedMessages(endpoint, c, code).length === 0).map((c) => c.id);
      return {
        product: endpoint.product,
        endpoint: endpoint.id,
        code,
        cases: cases.map((c) => c.id),
        schema:
          code in endpoint.details.records ||
          code in endpoint.details.errors ||
          (code === 'SUCCESS' && (endpoint.details.object !== undefined || endpoint.details.list !== undefined)) ||
          // A 204's contract is no body at all, which the verdict checks in place of a schema.
          (cases.length > 0 && cases.every((c) => c.expect.shape === 'empty')),
        mock: cases.some((c) => c.provocable.includes('mock')),
        live: cases.some((c) => c.provocable.includes('live')),
        message: cases.length > 0 && messageUnchecked.length === 0,
        messageUnchecked,
      };
    }),
  );
}

/** `checked` when every case of the code checks its message, `partly` when only some do, `none` when none does. */
export function messageCoverage(row: CoverageRow): 'checked' | 'partly' | 'none' {
  if (row.message) return 'checked';
  return row.messageUnchecked.length < row.cases.length ? 'partly' : 'none';
}

/** Sums a matrix into the one coverage line reports print. */
export function totalCoverage(rows: readonly CoverageRow[]): CoverageTotals {
  return {
    documented: rows.length,
    withCase: rows.filter((r) => r.cases.length > 0).length,
    withSchema: rows.filter((r) => r.schema).length,
    live: rows.filter((r) => r.live).length,
    withMessage: rows.filter((r) => r.message).length,
  };
}

/** The codes a case's answer carries: each entry's, or the top-level one. */
export function expectedCodes(testCase: Case): readonly string[] {
  if (testCase.expect.shape === 'records') return testCase.expect.codes;
  // A 204 without a body carries no code: its case names the one the coverage row is (NO_CONTENT).
  return testCase.expect.shape === 'error' || testCase.expect.shape === 'empty' ? [testCase.expect.code] : ['SUCCESS'];
}
