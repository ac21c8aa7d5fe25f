// RunSummary -> the exit code (docs/outcomes-and-exit-codes.md), and the one line that says why a run with unchecked cases is not green.

import { ExitCode, NotCheckedError, type ExitCodeValue } from '../errors.ts';
import { checkedPhrase, type RunSummary } from '../report/index.ts';
import type { NotCheckedCause, Verdict } from '../verdict/index.ts';

/** How the run ends: an exit code, and for a partial or empty run the error line to print. */
export interface ExitDecision {
  readonly code: ExitCodeValue;
  readonly error?: NotCheckedError;
}

/** What the user asked the exit code to tolerate. */
export interface ExitPolicy {
  /**
   * `any`: exit 1 on any contract failure; `new`: only on failures the baseline did not have (or whose reason changed)
   * and on lost coverage.
   */
  readonly failOn: 'any' | 'new';
  /** `--allow-partial`: cases not checked do not fail the run, as long as something was checked and held. */
  readonly allowPartial: boolean;
}

/**
 * Causes the user fixes by giving configuration or recordings, or by giving the run's user access to the org or the
 * org a setup (exit 2); every other lost verdict is exit 3.
 */
const CONFIGURATION: ReadonlySet<NotCheckedCause> = new Set([
  'configuration',
  'no-recording',
  'stale-recording',
  'org-access',
  'org-setup',
]);

/**
 * Nothing checked: 3 (2 when every selected case is not applicable to the target); a contract failure: 1; a transport
 * error: 3; a case not checked: 2 for missing configuration or recordings, 3 for a lost verdict, unless --allow-partial.
 * Against a baseline, a case that passed there and was not checked and held now (lost coverage) is 1 like a new
 * failure: with --fail-on new at once, otherwise where nothing above already made the run red.
 */
export function decideExit(summary: RunSummary, policy: ExitPolicy): ExitDecision {
  const t = summary.totals;
  if (t.checked === 0) return { code: nothingChecked(summary).exitCode, error: nothingChecked(summary) };
  const lost = (summary.baseline?.lostCoverage ?? 0) > 0;
  const failed = policy.failOn === 'new' && summary.baseline ? summary.baseline.newFailures > 0 || lost : t.failed > 0;
  if (failed) return { code: ExitCode.contractFailure };
  if (t.errors > 0) return { code: ExitCode.unreachable };
  // A nightly that silently loses coverage must not stay green, partial run or not.
  if (t.notChecked === 0 || policy.allowPartial) return { code: lost ? ExitCode.contractFailure : ExitCode.passed };
  const error = partial(summary);
  return { code: error.exitCode, error };
}

function nothingChecked(summary: RunSummary): NotCheckedError {
  const t = summary.totals;
  if (t.notChecked === 0 && t.notApplicable > 0) {
    return new NotCheckedError(
      'E_NOTHING_CHECKED',
      ExitCode.usage,
      `nothing was checked: the ${t.notApplicable} selected case(s) cannot be provoked on a ${summary.target.kind} target`,
      'select cases this target can provoke (`--list` shows them), or run them against the mock',
    );
  }
  return new NotCheckedError(
    'E_NOTHING_CHECKED',
    ExitCode.unreachable,
    `nothing was checked (${checkedPhrase(t)}): ${reasons(unchecked(summary))}`,
    fixes(unchecked(summary)),
  );
}

function partial(summary: RunSummary): NotCheckedError {
  const cases = unchecked(summary);
  const code = cases.every((v) => v.notChecked && CONFIGURATION.has(v.notChecked.cause))
    ? ExitCode.usage
    : ExitCode.unreachable;
  return new NotCheckedError(
    'E_NOT_CHECKED',
    code,
    `${checkedPhrase(summary.totals)}, ${cases.length} not checked: ${reasons(cases)}`,
    `${fixes(cases)}; or pass --allow-partial to accept a partial run`,
  );
}

function unchecked(summary: RunSummary): Verdict[] {
  return summary.verdicts.filter((v) => v.outcome === 'not-checked');
}

/** The distinct reasons, configuration gathered into one list of variables. */
function reasons(cases: readonly Verdict[]): string {
  const variables = [...new Set(cases.flatMap((v) => v.notChecked?.variables ?? []))];
  const other = [...new Set(cases.filter((v) => !v.notChecked?.variables).map((v) => v.reason))];
  const all = [...(variables.length ? [`missing ${variables.join(', ')}`] : []), ...other];
  return `${all.slice(0, 3).join('; ')}${all.length > 3 ? ` (+${all.length - 3} more reasons in the report)` : ''}`;
}

function fixes(cases: readonly Verdict[]): string {
  const variables = [...new Set(cases.flatMap((v) => v.notChecked?.variables ?? []))];
  const other = [...new Set(cases.filter((v) => !v.notChecked?.variables).map((v) => v.notChecked?.fix ?? ''))].filter(
    Boolean,
  );
  // The variables are already named in the message: the fix only says where they are described.
  return (
    [...(variables.length ? ['set those variables (see .env.example)'] : []), ...other].slice(0, 3).join('; ') ||
    'see the report'
  );
}
