// RunSummary -> report.md: short enough for a CI step summary or a PR comment. Pure.

import { caseKey, type Verdict } from '../verdict/index.ts';
import type { Artifact } from './artifact.ts';
import { describeOutcome } from './describe-outcome.ts';
import type { OrgDrift } from './org-drift.ts';
import { renderRolloutMarkdown, rolloutByModule } from './module-rollout.ts';
import { listUndocumentedKeys, totalsLine, type RunSummary } from './run-summary.ts';

const MAX_LISTED = 20;

/** Counts, failures with their reasons, the coverage line and the drift line. */
export function renderMarkdown(summary: RunSummary): Artifact[] {
  const t = summary.totals;
  const icon = summary.outcome === 'passed' ? '✅' : summary.outcome === 'failed' ? '❌' : '⚠️';
  const lines = [
    `## ${icon} Zoho contract run \`${summary.runId}\`${summary.interrupted ? ' (interrupted)' : ''}`,
    '',
    `Target **${escape(summary.target.name)}** (${summary.target.kind})${summary.shard ? `, shard ${summary.shard.index}/${summary.shard.count}` : ''}: **${totalsLine(t)}**.`,
    '',
  ];
  const unchecked = summary.verdicts.filter((v) => v.outcome === 'not-checked');
  if (unchecked.length > 0) {
    lines.push(`### Not checked (${unchecked.length})`, '', '| case | why | what to do |', '|---|---|---|');
    for (const v of unchecked.slice(0, MAX_LISTED))
      lines.push(`| ${escape(title(v))} | ${escape(v.reason)} | ${escape(v.notChecked?.fix ?? '')} |`);
    if (unchecked.length > MAX_LISTED) lines.push('', `…and ${unchecked.length - MAX_LISTED} more in summary.json.`);
    lines.push('');
  }
  const known = new Set(
    (summary.baseline?.entries ?? []).filter((e) => e.change === 'still-failing').map((e) => e.key),
  );
  const broken = summary.verdicts.filter((v) => v.outcome === 'fail' || v.outcome === 'error');
  if (broken.length > 0) {
    lines.push(`### Failures (${broken.length})`, '', '| case | reason | doc |', '|---|---|---|');
    for (const v of broken.slice(0, MAX_LISTED)) {
      const mark = known.has(caseKey(v)) ? ' (known)' : '';
      lines.push(
        `| ${escape(title(v))}${mark} | ${escape(v.reason)} | ${escape(`${v.doc.page} § ${v.doc.section}`)} |`,
      );
    }
    if (broken.length > MAX_LISTED) lines.push('', `…and ${broken.length - MAX_LISTED} more in summary.json.`);
    lines.push('');
  }
  const undocumented = listUndocumentedKeys(summary.verdicts);
  if (undocumented.length > 0) {
    lines.push(`Undocumented keys (${summary.undocumentedKeys ?? 0}; failures only under --strict):`, '');
    for (const { verdict, paths } of undocumented.slice(0, MAX_LISTED))
      lines.push(`- ${escape(title(verdict))}: ${escape(paths.join(', '))}`);
    lines.push('');
  }
  lines.push(...renderPassedUnchecked(summary.verdicts));
  const flaky = summary.verdicts.filter((v) => v.flaky);
  if (flaky.length > 0)
    lines.push(`Flaky (failed, then passed on retry): ${flaky.map((v) => escape(title(v))).join('; ')}`, '');
  if (summary.baseline) {
    const n = summary.baseline.counts;
    lines.push(
      `Against the baseline: **${n['new-failure']} new failures**, **${n['changed-failure']} failing differently**, **${n['lost-coverage']} lost coverage**, ${n['still-failing']} still failing, ${n.fixed} fixed, ${n['new-case']} new cases, ${n['removed-case']} removed.`,
      '',
    );
    lines.push(...renderLostCoverage(summary));
  }
  lines.push(...renderRolloutMarkdown(rolloutByModule(summary), escape));
  if (summary.orgDrift) lines.push(...renderOrgDriftMarkdown(summary.orgDrift));
  if (summary.apiUsage) {
    const u = summary.apiUsage;
    lines.push(
      `API calls: ${u.calls}${u.planned ? ` of ${u.planned.calls} planned` : ''}, ${u.credits} credits; at most ${u.concurrency.limit} at once.`,
      '',
    );
  }
  const c = summary.coverage.totals;
  if (c.documented > 0)
    lines.push(
      `Coverage: ${c.withCase}/${c.documented} documented codes have a case, ${c.withSchema}/${c.documented} a schema, ${c.live}/${c.documented} can be provoked live.`,
    );
  const observed = summary.drift.flatMap((d) => d.observed);
  if (summary.drift.length > 0) {
    const off = observed.filter((o) => o.variant === null).length;
    lines.push(
      `Drift: ${summary.drift.length} contradictions in the docs; ${observed.length} observed this run${off ? `, **${off} matching no documented variant**` : ''} (see drift.md).`,
    );
  }
  return [{ path: 'report.md', content: `${lines.join('\n').trimEnd()}\n` }];
}

/** What changed in the org since the baseline, each change with the failing cases it may explain. */
function renderOrgDriftMarkdown(drift: OrgDrift): string[] {
  if (drift.changes.length === 0) return [`Org: nothing changed since the baseline.`, ''];
  const lines = [
    `### Org changes since the baseline (${drift.changes.length})`,
    '',
    '| change | may explain |',
    '|---|---|',
  ];
  for (const c of drift.changes.slice(0, MAX_LISTED))
    lines.push(`| ${escape(c.text)} | ${escape(c.mayExplain.join(', ') || '-')} |`);
  return [...lines, ''];
}

/** What passes left unchecked inside their answers, one line per distinct note with how many passes it holds for. */
function renderPassedUnchecked(verdicts: readonly Verdict[]): string[] {
  const notes = new Map<string, number>();
  for (const v of verdicts.filter((x) => x.outcome === 'pass'))
    for (const note of new Set(v.unpinned ?? [])) notes.set(note, (notes.get(note) ?? 0) + 1);
  if (notes.size === 0) return [];
  const lines = ['Passed, with a part not checked:', ''];
  for (const [note, count] of [...notes].slice(0, MAX_LISTED)) lines.push(`- ${count} case(s): ${escape(note)}`);
  if (notes.size > MAX_LISTED) lines.push(`- …and ${notes.size - MAX_LISTED} more in summary.json.`);
  return [...lines, ''];
}

/** Cases that passed in the baseline and were not checked and held now: listed, as failures are. */
function renderLostCoverage(summary: RunSummary): string[] {
  const lost = (summary.baseline?.entries ?? []).filter((e) => e.change === 'lost-coverage');
  if (lost.length === 0) return [];
  const now = new Map(summary.verdicts.map((v) => [caseKey(v), v]));
  const lines = [
    `### Lost coverage (${lost.length}): checked in the baseline, not now`,
    '',
    '| case | now | why |',
    '|---|---|---|',
  ];
  for (const e of lost.slice(0, MAX_LISTED)) {
    const v = now.get(e.key);
    lines.push(`| ${escape(v ? title(v) : e.key)} | ${describeOutcome(e.after)} | ${escape(v?.reason ?? '')} |`);
  }
  if (lost.length > MAX_LISTED) lines.push('', `…and ${lost.length - MAX_LISTED} more in summary.json.`);
  return [...lines, ''];
}

function title(v: Verdict): string {
  return `${v.product} › ${v.endpoint} › ${v.version} › ${v.caseName}`;
}

/** Table cells must not break the table or inject markup. */
function escape(text: string): string {
  return text
    .replace(/\|/g, '\\|')
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
    .replace(/\s+/g, ' ');
}
