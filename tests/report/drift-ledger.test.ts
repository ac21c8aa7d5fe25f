import { describe, expect, it } from 'vitest';
import { catalog, listDrift, updateRecords } from '../../src/catalog/index.ts';
import { buildDriftLedger, renderDriftMarkdown, renderHtml, summariseRun } from '../../src/report/index.ts';
import type { Verdict } from '../../src/verdict/index.ts';

const point = listDrift([updateRecords]).find((p) => p.id === 'crm-update-records/record-locked-status');

describe('drift ledger', () => {
  it('joins each point with what the verdicts observed', () => {
    if (!point) throw new Error('drift point missing');
    const verdict = {
      target: 'mock',
      version: 'v2.1',
      caseId: 'record-locked',
      drift: [{ drift: point.id, variant: 1 }],
    } as unknown as Verdict;
    const [entry] = buildDriftLedger([point], [verdict]);
    expect(entry?.observed).toEqual([{ target: 'mock', version: 'v2.1', caseId: 'record-locked', variant: 1 }]);
  });

  it('renders every variant with its source, marks the expected one, and says what was observed', () => {
    if (!point) throw new Error('drift point missing');
    const markdown = renderDriftMarkdown(
      buildDriftLedger(
        [point],
        [
          {
            target: 'gw',
            version: 'v2',
            caseId: 'record-locked',
            drift: [{ drift: point.id, variant: null }],
          } as unknown as Verdict,
        ],
      ),
    );
    expect(markdown).toContain('1. HTTP 400 (crm-update-records.txt § Possible Errors: RECORD_LOCKED)');
    expect(markdown).toContain(
      '2. HTTP 202 with a per-record entry in data[] (crm-update-records-postman-item.txt § Postman Collection Item JSON: response "RECORD_LOCKED") **(expected)**',
    );
    expect(markdown).toContain('- gw v2 record-locked: matched no documented variant');
  });
});

describe('drift ledger of the whole catalog', () => {
  const markdown = renderDriftMarkdown(buildDriftLedger(listDrift(catalog), []));
  const section = (id: string): string => {
    const start = markdown.indexOf(`\`${id}\``);
    expect(start, `${id} is not in the ledger`).toBeGreaterThan(0);
    const next = markdown.indexOf('\n## ', start);
    return markdown.slice(start, next < 0 ? undefined : next);
  };

  it('marks, where two cases expect different variants of one point, each variant with the cases expecting it', () => {
    expect(section('crm-update-records/invalid-data-status-shape')).toMatch(
      /1\. HTTP 202.*\*\*\(expected by invalid-data-id\)\*\*\n2\. HTTP 400.*\*\*\(expected by invalid-data-body\)\*\*/,
    );
    expect(section('bigin-update-related-records/invalid-data-status')).toMatch(
      /1\. .*\*\*\(expected by invalid-related-id\)\*\*\n2\. .*\*\*\(expected by invalid-data-single, partial-success\)\*\*/,
    );
    expect(section('bigin-update-related-records/related-id-in-url')).toContain(
      '(expected by success-single-deals, success-single-contacts, success-single-accounts, invalid-related-id)',
    );
  });

  it('lists the contradictions found in the review of the five pages, each with its sources', () => {
    expect(section('crm-update-records/id-mandatory')).toContain(
      'crm-update-records.txt § Request JSON Keys: id string, mandatory',
    );
    expect(section('crm-update-records/id-mandatory')).toContain(
      'crm-update-records-postman-item.txt § Postman Collection Item JSON: response "SUCCESS RESPONSE"',
    );
    expect(section('bigin-update-related-records/related-id-in-url')).toContain(
      '{related_record_id} (bigin-update-related-records.txt § Request URL)',
    );
    expect(section('contracts-update-contract-type/scopes')).toContain(
      'contracts.meta.UPDATE, contracts.contracts.ALL',
    );
    expect(section('contracts-update-contract-type/sample-body')).toContain('{"name": String}');
    expect(section('crm-update-record-locking-information/scope-spelling')).toContain('ZohoCRM.modules.All');
    expect(section('crm-update-records/oauth-scope-mismatch-resolution')).toContain('.UPDATE scope" (UPDATE only)');
    expect(section('crm-update-records/authorization-scheme')).toContain(
      'Authorization: {{authorization-token}}, a bare variable with no scheme at all',
    );
  });

  it('cites the OpenAPI file and path where it disagrees with a page', () => {
    expect(section('crm-update-record-locking-information/missing-reason')).toContain(
      '(crm-oas/record_locking.json § paths["/crm/v8/{module_name}/{record_id}/Locking_Information__s/{lock_id}"].put.responses["400"]',
    );
    expect(section('crm-update-record-locking-information/openapi-scope')).toContain(
      'ZohoCRM.settings.record_locking_configurations.ALL',
    );
    expect(section('crm-update-records/openapi-statuses')).toContain(
      'crm-oas/record.json § paths["/crm/v8/{module_api_name}"].put.responses',
    );
    expect(section('crm-update-record-locking-information/lockable-modules')).toContain(
      'crm-oas/record_locking.json § components.parameters.module_name.schema.enum',
    );
  });
});

describe('drift in the HTML report', () => {
  it('marks each variant with the cases expecting it where cases expect different variants', () => {
    const summary = summariseRun(
      {
        runId: 'drift-html',
        startedAt: new Date(0),
        finishedAt: new Date(1000),
        target: { kind: 'mock', name: 'mock' },
        endpoints: [updateRecords],
        driftPoints: listDrift([updateRecords]),
        collectionsCommit: 'abc1234',
      },
      [],
    );
    const html = renderHtml(summary)
      .map((a) => a.content)
      .join('');
    expect(html).toContain('— expected by invalid-data-id');
    expect(html).toContain('— expected by invalid-data-body');
  });
});
