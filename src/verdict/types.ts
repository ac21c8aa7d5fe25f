// The verdict vocabulary: what one exchange with a target proved about one case. Pure types.

import type { DocRef, Expectation, Product, ResponseShape } from '../catalog/index.ts';

/** What a finding is about; renderers group and colour by it. */
export type FindingKind =
  | 'status'
  | 'code'
  | 'shape'
  | 'entries'
  | 'message'
  | 'schema'
  | 'body'
  | 'content-type'
  | 'transport'
  | 'sandbox'
  /** The answer does not echo its request (the id, key, name or time it must carry). */
  | 'echo'
  /** Two envelopes in one answer: a data[] answer with a top-level code or status, an error with data. */
  | 'envelope'
  /** A key no page documents: reported, counted, a failure only under --strict. */
  | 'undocumented-key'
  /** Live: the case could not be set up (the org refused or failed the call that makes its fixture or lock). */
  | 'setup';

/** One way a response broke (or could not be checked against) its documented contract. */
export interface Finding {
  readonly kind: FindingKind;
  /** One line a person can read: "expected HTTP 202, got 200". */
  readonly message: string;
  /** JSON path of a schema error, as ajv reports it (`/data/0/status`). */
  readonly path?: string;
  /** The ajv keyword that failed, for schema findings. */
  readonly keyword?: string;
  /** For an echo: what the request sent (or the window it allows). */
  readonly sent?: string;
  /** For a message: the printed variants it may be. */
  readonly expected?: string;
  /** What came back, for echo and message findings. */
  readonly got?: string;
}

/** How a verdict weighs what it finds: `strict` fails undocumented keys; `clockSkewMs` bounds time echoes (null: unchecked). */
export interface VerdictPolicy {
  readonly strict: boolean;
  readonly clockSkewMs: number | null;
}

/**
 * pass: contract held; fail: contract broken; error: sent, but the answer could not be judged (transport);
 * not-applicable: this kind of target cannot provoke the case, so it is not sent there (a mock-only fault against a
 * url or live target); not-checked: it should have been checked and was not (see `NotChecked`). Only pass, fail and
 * error count as checked.
 */
export type Outcome = 'pass' | 'fail' | 'error' | 'not-applicable' | 'not-checked';

/** Why a case that should have been checked was not: what decides the exit code and the fix. */
export type NotCheckedCause =
  | 'configuration'
  | 'no-recording'
  /** A replay's cassette was recorded by another contract version of its collection (or before cassettes said which). */
  | 'stale-recording'
  | 'no-verdict'
  | 'missing-shard'
  | 'interrupted'
  | 'bail'
  /** Live: the org hides from this user a module or field Zoho documents in every org (permissions or scopes). */
  | 'org-access'
  /** Live: the org needs a setup the suite cannot make itself (a custom module, a field, a value it cannot fill). */
  | 'org-setup';

/** The why and the what-to-do of a not-checked case. */
export interface NotChecked {
  readonly cause: NotCheckedCause;
  /** What to set or do so that the case is checked next time. */
  readonly fix: string;
  /** Configuration: the environment variables that were missing. */
  readonly variables?: readonly string[];
}

/**
 * Why a live case is not sent, decided from the org's metadata, the configuration and the fixtures' answers
 * (docs/outcomes-and-exit-codes.md, "What not applicable means"): the org lacks a documented capability, the case is
 * not checked (with the fix), or its setup failed (an error, never green).
 */
export type CaseBlock =
  | { readonly outcome: 'not-applicable'; readonly reason: string }
  | ({ readonly outcome: 'not-checked'; readonly reason: string } & NotChecked)
  | { readonly outcome: 'error'; readonly reason: string };

/** A redacted, size-bounded copy of what went over the wire. */
export interface ExchangeExcerpt {
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody?: string;
  readonly status?: number;
  readonly responseHeaders?: Readonly<Record<string, string>>;
  readonly responseBody?: string;
}

/** The documented variant of a drift point that the target's answer matched, if any. */
export interface DriftObservation {
  readonly drift: string;
  /** Index of the matching variant, or null when the answer matched none. */
  readonly variant: number | null;
}

/** The judgement on one case against one target. */
export interface Verdict {
  readonly product: Product;
  readonly endpoint: string;
  readonly version: string;
  readonly caseId: string;
  readonly caseName: string;
  readonly group: string;
  /** The module the request names (`Leads`, or the module of a `--modules` variant), where it names one. */
  readonly module?: string;
  readonly target: string;
  readonly outcome: Outcome;
  /** The one-line reason: what a failing test prints, or why a case was not checked or not applicable. Empty on pass. */
  readonly reason: string;
  readonly findings: readonly Finding[];
  readonly expected: Expectation;
  /** What came back, when something did. */
  readonly actual?: {
    readonly status: number;
    readonly codes: readonly string[];
    readonly shape: ResponseShape | 'other';
  };
  readonly doc: DocRef;
  readonly durationMs: number;
  /** Set when the outcome is not-checked. */
  readonly notChecked?: NotChecked;
  readonly exchange?: ExchangeExcerpt;
  readonly drift?: readonly DriftObservation[];
  /** Parts of the answer no page fixes, so not checked, each with why ("message of LIMIT_EXCEEDED not checked (no page prints one)"). */
  readonly unpinned?: readonly string[];
  /** How many times the request was sent again because the target throttled it (429 / TOO_MANY_REQUESTS). */
  readonly throttleRetries?: number;
  /** True when the case failed, then passed on a retry: reported as flaky, never silently passed. */
  readonly flaky?: boolean;
  /** Earlier attempts of a retried case, oldest first, kept as evidence. */
  readonly attempts?: readonly Omit<Verdict, 'attempts'>[];
}
