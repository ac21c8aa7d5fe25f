// Reporter output for a fixed set of verdicts (pass, fail with schema errors, not checked, not applicable, flaky, transport error) is pinned.

import { describe, expect, it } from 'vitest';
import { updateRecords } from '../../src/catalog/index.ts';
import { renderJunit, renderMarkdown, renderTerminal, summariseRun } from '../../src/report/index.ts';
import { reportVerdicts } from '../support/report-verdicts.ts';

const summary = summariseRun(
  {
    runId: 'pinned',
    startedAt: new Date('2026-11-24T10:00:00Z'),
    finishedAt: new Date('2026-11-24T10:00:04Z'),
    target: { kind: 'url', name: 'gateway' },
    endpoints: [updateRecords],
  },
  reportVerdicts,
);

describe('pinned report output', () => {
  it('terminal summary', () => {
    expect(renderTerminal(summary, 'reports/pinned').join('\n')).toMatchSnapshot();
  });

  it('report.md', () => {
    expect(renderMarkdown(summary)[0]?.content).toMatchSnapshot();
  });

  it('junit.xml', () => {
    expect(renderJunit(summary)[0]?.content).toMatchSnapshot();
  });

  it('summary.json totals and order', () => {
    expect({
      totals: summary.totals,
      outcome: summary.outcome,
      order: summary.verdicts.map((v) => `${v.caseId}:${v.outcome}${v.flaky ? ':flaky' : ''}`),
    }).toMatchSnapshot();
  });
});
