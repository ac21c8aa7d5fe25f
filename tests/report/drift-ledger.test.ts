import { describe, expect, it } from 'vitest';
import { listDrift, updateRecords } from '../../src/catalog/index.ts';
import { buildDriftLedger, renderDriftMarkdown } from '../../src/report/index.ts';
import type { Verdict } from '../../src/verdict/index.ts';

const point = listDrift([updateRecords]).find((p) => p.id === 'crm-update-records/record-locked-status');

describe('drift ledger', () => {
  it('joins each point with what the verdicts observed', () => {
    if (!point) throw new Error('drift point missing');
    const verdict = { target: 'mock', version: 'v2.1', caseId: 'record-locked', drift: [{ drift: point.id, variant: 1 }] } as unknown as Verdict;
    const [entry] = buildDriftLedger([point], [verdict]);
    expect(entry?.observed).toEqual([{ target: 'mock', version: 'v2.1', caseId: 'record-locked', variant: 1 }]);
  });

  it('renders every variant with its source, marks the expected one, and says what was observed', () => {
    if (!point) throw new Error('drift point missing');
    const markdown = renderDriftMarkdown(buildDriftLedger([point], [{ target: 'gw', version: 'v2', caseId: 'record-locked', drift: [{ drift: point.id, variant: null }] } as unknown as Verdict]));
    expect(markdown).toContain('1. HTTP 400 (crm-update-records.txt § Possible Errors: RECORD_LOCKED)');
    expect(markdown).toContain('2. HTTP 202 with a per-record entry in data[] (crm-update-records-postman-item.txt § Postman Collection Item JSON: response "RECORD_LOCKED") **(expected)**');
    expect(markdown).toContain('- gw v2 record-locked: matched no documented variant');
  });
});
