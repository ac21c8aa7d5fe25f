// RunSummary -> the lines printed at the end of a run: one per case group, then each failure with its reason. Pure.

import { caseKey, type Verdict } from '../verdict/index.ts';
import { describeOutcome } from './describe-outcome.ts';
import { renderOrgDrift } from './org-drift.ts';
import { renderRolloutTerminal, rolloutByModule } from './module-rollout.ts';
import { listUndocumentedKeys, totalsLine, type ApiUsage, type RunSummary } from './run-summary.ts';

const MARK = { pass: '✓', fail: '✗', error: '!', 'not-applicable': '-', 'not-checked': '?' } as const;

/** The closing summary of a run, ready to print. */
export function renderTerminal(summary: RunSummary, reportDir?: string): string[] {
  const lines: string[] = ['', `Contract run ${summary.runId} against ${summary.target.name} (${summary.target.kind})`];
  for (const [group, verdicts] of groupVerdicts(summary.verdicts)) {
    const passed = verdicts.filter((v) => v.outcome === 'pass').length;
    const failed = verdicts.filter((v) => v.outcome === 'fail').length;
    const errors = verdicts.filter((v) => v.outcome === 'error').length;
    const unchecked = verdicts.filter((v) => v.outcome === 'not-checked').length;
    const inapplicable = verdicts.filter((v) => v.outcome === 'not-applicable').length;
    const mark = failed
      ? MARK.fail
      : errors
        ? MARK.error
        : unchecked
          ? MARK['not-checked']
          : passed
            ? MARK.pass
            : MARK['not-applicable'];
    const parts = [
      verdicts.length > inapplicable && `${passed}/${verdicts.length - inapplicable} passed`,
      failed && `${failed} failed`,
      errors && `${errors} could not be checked`,
      unchecked && `${unchecked} not checked`,
      inapplicable && `${inapplicable} not applicable`,
    ].filter(Boolean);
    lines.push(`  ${mark} ${group}: ${parts.join(', ')}`);
  }
  lines.push(...renderNotChecked(summary));
  const known = knownFailures(summary);
  const broken = summary.verdicts.filter((v) => v.outcome === 'fail' || v.outcome === 'error');
  if (broken.length) {
    lines.push('', 'Failures:');
    for (const v of broken) lines.push(...renderFailure(v, known.has(v)));
  }
  const undocumented = listUndocumentedKeys(summary.verdicts);
  if (undocumented.length) {
    lines.push('', `Undocumented keys (${summary.undocumentedKeys ?? 0}; failures only under --strict):`);
    for (const { verdict, paths } of undocumented)
      lines.push(
        `  ? ${title(verdict)}: ${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ` (+${paths.length - 5} more)` : ''}`,
      );
  }
  const inapplicable = summary.verdicts.filter((v) => v.outcome === 'not-applicable');
  if (inapplicable.length)
    lines.push(
      '',
      `Not applicable to this target (not sent): ${inapplicable.length} case(s), e.g. ${title(inapplicable[0] as Verdict)}: ${inapplicable[0]?.reason}`,
    );
  if (summary.baseline) lines.push(...renderBaseline(summary));
  const c = summary.coverage.totals;
  if (c.documented > 0)
    lines.push(
      '',
      `Coverage: ${c.withCase}/${c.documented} documented codes have a case, ${c.withSchema}/${c.documented} a schema, ${c.live}/${c.documented} provocable live`,
    );
  const observed = summary.drift.flatMap((d) => d.observed);
  if (summary.drift.length > 0) {
    const off = observed.filter((o) => o.variant === null).length;
    lines.push(
      `Drift: ${summary.drift.length} contradictions in the docs, ${observed.length} observations this run${off ? `, ${off} matching no documented variant` : ''} (drift.md)`,
    );
  }
  const t = summary.totals;
  const throttled = summary.verdicts.filter((v) => v.throttleRetries);
  if (throttled.length)
    lines.push(
      '',
      `Throttled by the target and sent again: ${throttled.map((v) => `${title(v)} (${v.throttleRetries}x)`).join('; ')}`,
    );
  const flaky = summary.verdicts.filter((v) => v.flaky);
  if (flaky.length) {
    lines.push('', 'Flaky (failed, then passed on a retry):');
    for (const v of flaky) lines.push(`  ~ ${title(v)}: first ${v.attempts?.[0]?.reason ?? 'failed'}`);
  }
  const rollout = renderRolloutTerminal(rolloutByModule(summary));
  if (rollout.length) lines.push('', ...rollout);
  if (summary.apiUsage) lines.push('', renderApiUsage(summary.apiUsage));
  if (summary.orgDrift) lines.push('', ...renderOrgDrift(summary.orgDrift));
  if (reportDir) lines.push('', `Report: ${reportDir}`);
  // The last line, whatever else was printed: how much of the selection was really checked.
  lines.push(
    `${summary.shard ? `Shard ${summary.shard.index}/${summary.shard.count}: ` : ''}${totalsLine(t)}${summary.interrupted ? ' - INTERRUPTED' : ''}`,
  );
  return lines;
}

/** One line: the calls a live run made, what they cost, and the bound it kept to. */
export function renderApiUsage(usage: ApiUsage): string {
  const p = usage.byPhase;
  const source =
    usage.concurrency.source === 'edition'
      ? `the ${usage.concurrency.edition ?? ''} edition's limit`
      : usage.concurrency.source === 'flag'
        ? '--concurrency'
        : 'the default for live runs';
  const shared = usage.concurrency.shards ? `, shared by ${usage.concurrency.shards} shards` : '';
  const planned = usage.planned ? ` of ${usage.planned.calls} planned` : '';
  return `API calls: ${usage.calls}${planned} (metadata ${p.metadata}, fixtures ${p.fixtures}, cases ${p.cases}, clean-up ${p.cleanup}), ${usage.credits} credits at 1 per call${usage.planned ? ` (${usage.planned.credits} planned)` : ''}; at most ${usage.concurrency.limit} at once (${source}${shared})`;
}

/** Not-checked cases, first: what to set (configuration variables gathered into one line), then each case and why. */
function renderNotChecked(summary: RunSummary): string[] {
  const unchecked = summary.verdicts.filter((v) => v.outcome === 'not-checked');
  if (unchecked.length === 0) return [];
  const variables = [...new Set(unchecked.flatMap((v) => v.notChecked?.variables ?? []))];
  const lines = ['', `Not checked (${unchecked.length} of ${summary.totals.cases} selected):`];
  if (variables.length) lines.push(`  missing configuration: ${variables.join(', ')} (see .env.example)`);
  for (const v of unchecked)
    lines.push(
      `  ? ${title(v)}: ${v.reason}${v.notChecked && !v.notChecked.variables ? ` (${v.notChecked.fix})` : ''}`,
    );
  return lines;
}

/** Failures the baseline already had with the same fingerprint: listed as known, never hidden. */
function knownFailures(summary: RunSummary): Set<Verdict> {
  const known = new Set(
    (summary.baseline?.entries ?? []).filter((e) => e.change === 'still-failing').map((e) => e.key),
  );
  return new Set(summary.verdicts.filter((v) => known.has(caseKey(v))));
}

function renderBaseline(summary: RunSummary): string[] {
  const b = summary.baseline;
  if (!b) return [];
  const n = b.counts;
  const lines = [
    '',
    `Baseline ${b.source}: ${n['new-failure']} new failures, ${n['changed-failure']} failing differently, ${n['lost-coverage']} lost coverage, ${n['still-failing']} still failing, ${n.fixed} fixed, ${n['new-case']} new cases, ${n['removed-case']} removed`,
  ];
  for (const e of b.entries.filter(
    (x) => x.change === 'new-failure' || (x.change === 'new-case' && (x.after === 'fail' || x.after === 'error')),
  )) {
    lines.push(`  ! new failure: ${e.key} (${e.caseName})`);
  }
  for (const e of b.entries.filter((x) => x.change === 'changed-failure')) {
    lines.push(
      `  ! failing differently: ${e.key} (${e.caseName}): was ${e.beforeFingerprint ?? e.before}, now ${e.afterFingerprint ?? e.after}`,
    );
  }
  const now = new Map(summary.verdicts.map((v) => [caseKey(v), v]));
  for (const e of b.entries.filter((x) => x.change === 'lost-coverage'))
    lines.push(
      `  ! lost coverage: ${e.key} (${e.caseName}): ${e.before === 'pass' ? 'passed' : 'failed'} in the baseline, now ${describeOutcome(e.after)}: ${now.get(e.key)?.reason ?? ''}`,
    );
  return lines;
}

function renderFailure(v: Verdict, known: boolean): string[] {
  const lines = [
    `  ${MARK[v.outcome === 'error' ? 'error' : 'fail']} ${title(v)}${known ? ' (known: in the baseline)' : ''}`,
    `      ${v.reason}`,
  ];
  for (const finding of v.findings.filter((f) => f.kind === 'schema').slice(0, 5))
    lines.push(`      schema: ${finding.message}`);
  lines.push(`      doc: ${v.doc.page} § ${v.doc.section}`);
  return lines;
}

function title(v: Verdict): string {
  return `${v.product} › ${v.endpoint} › ${v.version} › ${v.caseName}`;
}

/** Verdicts by "product › endpoint › version › group", in first-seen order. */
function groupVerdicts(verdicts: readonly Verdict[]): Map<string, Verdict[]> {
  const groups = new Map<string, Verdict[]>();
  const sorted = [...verdicts].sort((a, b) =>
    `${a.product}${a.endpoint}${a.version}`.localeCompare(`${b.product}${b.endpoint}${b.version}`),
  );
  for (const v of sorted) {
    const key = `${v.product} › ${v.endpoint} › ${v.version} › ${v.group}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return groups;
}
