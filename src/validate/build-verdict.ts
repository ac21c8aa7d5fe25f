// Findings + context -> the Verdict of one case: outcome, one-line reason, drift observations. Pure.

import { caseModule, type Case, type DriftPoint, type Product } from '../catalog/index.ts';
import { normaliseMessage, normaliseWording } from './compile-contract.ts';
import { failsCase } from './judge-case.ts';
import type { ObservedResponse } from './judge-response.ts';
import type { DriftObservation, ExchangeExcerpt, Finding, NotChecked, Outcome, Verdict } from '../verdict/index.ts';

/** Where a verdict belongs: which collection and target. */
export interface VerdictContext {
  readonly product: Product;
  readonly endpoint: string;
  readonly version: string;
  readonly target: string;
  /** --strict: an undocumented key fails its case (otherwise it is reported and counted only). */
  readonly strict?: boolean;
}

/** What happened to one case: a judged response, a transport error, not sent because the target cannot provoke it or its setup failed, or not checked (with why and the fix). */
export type CaseResult =
  | {
      readonly kind: 'judged';
      readonly findings: readonly Finding[];
      readonly actual: ObservedResponse;
      readonly durationMs: number;
      readonly exchange?: ExchangeExcerpt;
      /** What no page let the verdict check (e.g. a message no page prints). */
      readonly unpinned?: readonly string[];
    }
  | {
      readonly kind: 'transport';
      readonly message: string;
      readonly durationMs: number;
      readonly exchange?: ExchangeExcerpt;
    }
  | { readonly kind: 'not-applicable'; readonly reason: string }
  /** Live: not sent because the org refused or failed its setup (a fixture, a lock): an error, never green. */
  | { readonly kind: 'setup-error'; readonly reason: string }
  | ({ readonly kind: 'not-checked'; readonly reason: string } & NotChecked);

/** The verdict for a case, with its one-line reason built from the findings. */
/** The module the case's request names, where it names one (a rollout report groups by it). */
function moduleOf(testCase: Case): { module?: string } {
  const module = caseModule(testCase);
  return module ? { module } : {};
}

export function buildVerdict(context: VerdictContext, testCase: Case, result: CaseResult): Verdict {
  const { strict = false, ...where } = context;
  const base = {
    ...where,
    caseId: testCase.id,
    caseName: testCase.name,
    group: testCase.group,
    expected: testCase.expect,
    doc: testCase.doc,
    ...moduleOf(testCase),
  };
  if (result.kind === 'not-applicable')
    return { ...base, outcome: 'not-applicable', reason: result.reason, findings: [], durationMs: 0 };
  if (result.kind === 'setup-error')
    return {
      ...base,
      outcome: 'error',
      reason: result.reason,
      findings: [{ kind: 'setup', message: result.reason }],
      durationMs: 0,
    };
  if (result.kind === 'not-checked')
    return {
      ...base,
      outcome: 'not-checked',
      reason: result.reason,
      findings: [],
      durationMs: 0,
      notChecked: notCheckedOf(result),
    };
  if (result.kind === 'transport') {
    const findings: Finding[] = [{ kind: 'transport', message: result.message }];
    return {
      ...base,
      outcome: 'error',
      reason: result.message,
      findings,
      durationMs: result.durationMs,
      ...(result.exchange ? { exchange: result.exchange } : {}),
    };
  }
  const failing = result.findings.filter((f) => failsCase(f, { strict }));
  const outcome: Outcome = failing.length === 0 ? 'pass' : 'fail';
  return {
    ...base,
    outcome,
    reason: formatReason(failing),
    findings: result.findings,
    actual: result.actual,
    durationMs: result.durationMs,
    ...(result.exchange ? { exchange: result.exchange } : {}),
    ...(result.unpinned?.length ? { unpinned: result.unpinned } : {}),
    ...driftObservations(testCase.drift ?? [], result.actual),
  };
}

function notCheckedOf(result: NotChecked): NotChecked {
  return { cause: result.cause, fix: result.fix, ...(result.variables ? { variables: result.variables } : {}) };
}

/** One line: the first findings by kind, schema errors with their JSON path. */
export function formatReason(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const shown = findings.slice(0, 3).map((f) => (f.kind === 'schema' ? `schema: ${f.message}` : f.message));
  const more = findings.length > 3 ? ` (+${findings.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/** Observations for the drift points an answer can settle (those whose variants differ in status, shape or message). */
function driftObservations(points: readonly DriftPoint[], actual: ObservedResponse): { drift?: DriftObservation[] } {
  const decidable = points.filter((p) =>
    p.variants.some((v) => v.status !== undefined || v.shape !== undefined || v.message !== undefined),
  );
  return decidable.length ? { drift: decidable.map((point) => observeDrift(point, actual)) } : {};
}

/** Which documented variant of a drift point the target's answer matched (status, shape and message where given). */
export function observeDrift(point: DriftPoint, actual: ObservedResponse): DriftObservation {
  const matching = (normalise: (text: string) => string): number =>
    point.variants.findIndex(
      (variant) =>
        (variant.status === undefined || variant.status === actual.status) &&
        (variant.shape === undefined || variant.shape === actual.shape) &&
        (variant.message === undefined || sameMessage(variant.message, actual, normalise)),
    );
  // The wording with its full stop first, so a point whose variants differ only by the stop learns which came back.
  const exact = matching(normaliseWording);
  const index = exact >= 0 ? exact : matching(normaliseMessage);
  const decidable = point.variants.some(
    (v) => v.status !== undefined || v.shape !== undefined || v.message !== undefined,
  );
  return { drift: point.id, variant: decidable && index >= 0 ? index : null };
}

/** The variant's message is the answer's top-level message, or one of its entries' messages. */
function sameMessage(message: string, actual: ObservedResponse, normalise: (text: string) => string): boolean {
  const wanted = normalise(message);
  return [actual.message, ...(actual.messages ?? [])].some((m) => m !== undefined && normalise(m) === wanted);
}
