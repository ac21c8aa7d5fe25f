// The rollout report of a run given --modules: per module, the documented behaviours that held, those that failed
// (with the finding), and those not checked (with what to do) or not applicable (with why). Pure.

import type { Verdict } from '../verdict/index.ts';
import { html, type SafeHtml } from './html-template.ts';
import type { RunSummary } from './run-summary.ts';

/** One module's share of the run. */
export interface ModuleRollout {
  readonly module: string;
  readonly held: readonly Verdict[];
  /** Failed, or answered in a way that could not be judged (errors). */
  readonly failed: readonly Verdict[];
  readonly notChecked: readonly Verdict[];
  readonly notApplicable: readonly Verdict[];
}

/** The run's verdicts by module, in the order --modules named them; none when the run was not given modules. */
export function rolloutByModule(summary: Pick<RunSummary, 'modules' | 'verdicts'>): ModuleRollout[] {
  return (summary.modules ?? []).map((module) => {
    const own = summary.verdicts.filter((v) => v.module === module);
    const is = (...outcomes: Verdict['outcome'][]) => own.filter((v) => outcomes.includes(v.outcome));
    return {
      module,
      held: is('pass'),
      failed: is('fail', 'error'),
      notChecked: is('not-checked'),
      notApplicable: is('not-applicable'),
    };
  });
}

/** Not-applicable cases the terminal lists per module; the rest are counted (report.md lists them all). */
const MAX_NOT_APPLICABLE = 5;

function caseTitle(v: Verdict): string {
  return `${v.endpoint} › ${v.version} › ${v.caseName}`;
}

function whatToDo(v: Verdict): string {
  return v.notChecked ? `${v.reason}; ${v.notChecked.fix}` : v.reason;
}

/** One line per module with its counts, then a line per failure, not-checked and not-applicable case. */
function countsText(r: ModuleRollout): string {
  return `${r.held.length} held, ${r.failed.length} failed, ${r.notChecked.length} not checked, ${r.notApplicable.length} not applicable`;
}

/** The terminal's rollout section. */
export function renderRolloutTerminal(rollout: readonly ModuleRollout[]): string[] {
  if (rollout.length === 0) return [];
  const lines = ['Rollout by module:'];
  for (const r of rollout) {
    lines.push(`  ${r.module}: ${countsText(r)}`);
    for (const v of r.failed) lines.push(`    ✗ ${caseTitle(v)}: ${v.reason}`);
    for (const v of r.notChecked) lines.push(`    ? ${caseTitle(v)}: ${whatToDo(v)}`);
    for (const v of r.notApplicable.slice(0, MAX_NOT_APPLICABLE)) lines.push(`    - ${caseTitle(v)}: ${v.reason}`);
    if (r.notApplicable.length > MAX_NOT_APPLICABLE)
      lines.push(`    - ...and ${r.notApplicable.length - MAX_NOT_APPLICABLE} more not applicable (report.md)`);
  }
  return lines;
}

/** report.md's rollout section: a table of counts, then each module's cases that did not hold. */
export function renderRolloutMarkdown(rollout: readonly ModuleRollout[], escape: (text: string) => string): string[] {
  if (rollout.length === 0) return [];
  const lines = [
    '### Rollout by module',
    '',
    '| module | held | failed | not checked | not applicable |',
    '|---|---|---|---|---|',
  ];
  for (const r of rollout)
    lines.push(
      `| ${escape(r.module)} | ${r.held.length} | ${r.failed.length} | ${r.notChecked.length} | ${r.notApplicable.length} |`,
    );
  lines.push('');
  for (const r of rollout) {
    const rows = [
      ...r.held.map((v) => `- held: ${escape(caseTitle(v))}`),
      ...r.failed.map((v) => `- **failed**: ${escape(caseTitle(v))}: ${escape(v.reason)}`),
      ...r.notChecked.map((v) => `- not checked: ${escape(caseTitle(v))}: ${escape(whatToDo(v))}`),
      ...r.notApplicable.map((v) => `- not applicable: ${escape(caseTitle(v))}: ${escape(v.reason)}`),
    ];
    lines.push(`#### ${escape(r.module)}`, '', ...rows, '');
  }
  return lines;
}

/** report.html's rollout section. */
export function renderRolloutHtml(rollout: readonly ModuleRollout[]): SafeHtml {
  if (rollout.length === 0) return html``;
  const item = (kind: string, v: Verdict, text: string) =>
    html`<li class="${kind}"><strong>${kind}</strong> ${caseTitle(v)}${text ? html`: ${text}` : ''}</li>`;
  const modules = rollout.map(
    (r) =>
      html`<article data-module="${r.module}"><h3>${r.module}</h3><p>${countsText(r)}</p><ul>${[
        ...r.failed.map((v) => item('failed', v, v.reason)),
        ...r.notChecked.map((v) => item('not checked', v, whatToDo(v))),
        ...r.notApplicable.map((v) => item('not applicable', v, v.reason)),
        ...r.held.map((v) => item('held', v, '')),
      ]}</ul></article>`,
  );
  return html`<section id="modules"><h2>Rollout by module</h2>${modules}</section>`;
}
