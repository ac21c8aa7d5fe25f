// The nightly workflow: parsed as YAML and checked for what the docs promise: live shards, visible shard exit codes,
// a merge that decides, an accepted baseline promoted by hand, and a url variant that lists every variable it needs.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalog } from '../../src/catalog/index.ts';
import { generateFiles } from '../../src/generate/index.ts';
import { environmentName, referencedVariables } from '../../src/harness/index.ts';
import { ROOT } from '../support/docs.ts';

interface Step {
  uses?: string;
  run?: string;
  name?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  if?: string;
  'continue-on-error'?: boolean;
}
interface Job {
  needs?: string;
  if?: string;
  strategy?: { matrix?: { shard?: number[] } };
  steps: Step[];
}
const text = readFileSync(join(ROOT, '.github', 'workflows', 'contract-nightly.yml'), 'utf8');
const workflow = parse(text) as {
  on: Record<string, { inputs?: Record<string, unknown> } | unknown>;
  env: Record<string, string>;
  jobs: Record<string, Job>;
};
const { shard, merge } = workflow.jobs;
const runs = (job: Job | undefined) => (job?.steps ?? []).map((s) => s.run ?? '').join('\n');
const uses = (job: Job | undefined) => (job?.steps ?? []).map((s) => s.uses ?? '');
const runStep = (target: 'live' | 'url') => shard?.steps.find((s) => s.if === `env.CONTRACT_TARGET == '${target}'`);

describe('.github/workflows/contract-nightly.yml', () => {
  it('runs on a schedule (and by hand)', () => {
    expect(workflow.on['schedule']).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* \*$/) }]);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('runs three shards in live mode by default, with the OAuth client and refresh token from secrets, so the suite makes its own fixtures', () => {
    expect(shard?.strategy?.matrix?.shard).toEqual([1, 2, 3]);
    expect(runs(shard)).toContain('npm ci');
    expect(workflow.env['CONTRACT_TARGET']).toBe("${{ inputs.target || vars.CONTRACT_TARGET || 'live' }}");
    const live = runStep('live');
    expect(live?.run).toContain('npm run contract -- --target live --shard ${{ matrix.shard }}/3');
    for (const name of ['ZOHO_CLIENT_ID', 'ZOHO_CLIENT_SECRET', 'ZOHO_REFRESH_TOKEN'])
      expect(live?.env?.[name]).toBe(`\${{ secrets.${name} }}`);
    expect(Object.keys(live?.env ?? {})).not.toContain('ZOHO_ACCESS_TOKEN');
    expect(Object.keys(live?.env ?? {})).toEqual(expect.arrayContaining(['ZOHO_DATA_CENTRE', 'ZOHO_ENVIRONMENT']));
  });

  it("keeps each shard's exit status visible: no step swallows it, and each shard uploads its report even when it fails", () => {
    for (const step of shard?.steps ?? []) {
      expect(step.run ?? '', step.name).not.toMatch(/\|\|\s*(echo|true|:)|; *exit 0|set \+e/);
      expect(step['continue-on-error'], step.name).toBeUndefined();
    }
    const upload = shard?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload).toMatchObject({
      if: 'always()',
      with: { name: 'contract-shard-${{ matrix.shard }}', path: 'reports/shard-${{ matrix.shard }}' },
    });
  });

  it('keeps the url (gateway) variant, with every variable the collections reference', () => {
    const url = runStep('url');
    expect(url?.run).toContain('npm run contract -- --base-url "$ZOHO_BASE_URL" --shard ${{ matrix.shard }}/3');
    const referenced = generateFiles(catalog)
      .filter((f) => f.path.startsWith('collections/'))
      .flatMap((f) => referencedVariables(f.content.replace(/"response_schema"[\s\S]*?"key": "response_schema"/, '')))
      .filter((v) => v !== 'api_domain' && v !== 'response_schema' && v !== 'contracts_domain');
    const needed = [
      ...new Set(referenced.map((v) => (v.startsWith('bulk_id_') ? 'ZOHO_BULK_IDS' : environmentName(v)))),
    ];
    expect(needed.filter((name) => !(name in (url?.env ?? {})))).toEqual([]);
    // Tokens are secrets, record ids repository variables.
    for (const [name, value] of Object.entries(url?.env ?? {}))
      expect(value, name).toMatch(/token/i.test(name) ? /^\$\{\{ secrets\./ : /^\$\{\{ vars\./);
  });

  it('names the Contracts host of the live run by the one variable live mode reads, never by its old name', () => {
    expect(runStep('live')?.env?.['ZOHO_CONTRACTS_URL']).toBe('${{ vars.ZOHO_CONTRACTS_URL }}');
    // The url run sends Contracts to its base URL, as every product.
    expect(Object.keys(runStep('url')?.env ?? {})).not.toContain('ZOHO_CONTRACTS_URL');
    expect(text).not.toContain('ZOHO_CONTRACTS_DOMAIN');
  });

  it('takes secrets from the secret store into step environments only, never into files or command lines', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) expect(step.run ?? '', step.name).not.toContain('secrets.');
    }
    expect(text).not.toMatch(/>\s*\.env\b|\.env\b.*>>/);
  });

  it("merges the shards after they finish and lets the merge decide, against the accepted baseline, never last night's report", () => {
    expect(merge).toMatchObject({ needs: 'shard', if: '${{ always() && !inputs.promote_run_id }}' });
    expect(uses(merge)).toEqual(
      expect.arrayContaining(['actions/download-artifact@v4', 'dawidd6/action-download-artifact@v6']),
    );
    expect(runs(merge)).toContain(
      'npm run contract -- merge reports/contract-shard-1 reports/contract-shard-2 reports/contract-shard-3',
    );
    expect(runs(merge)).toContain('--baseline reports/accepted-baseline/summary.json --fail-on new');
    expect(runs(merge)).toContain('>> "$GITHUB_STEP_SUMMARY"');
    const baseline = merge?.steps.find((s) => s.uses?.startsWith('dawidd6/'));
    const upload = merge?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(baseline?.with?.['name']).toBe('contract-baseline-accepted');
    expect(upload?.with?.['name']).toBe('contract-report-merged');
    expect(baseline?.with?.['name']).not.toBe(upload?.with?.['name']);
  });

  it('promotes a baseline only by hand: a dispatch input names the run whose merged report is accepted', () => {
    const dispatch = workflow.on['workflow_dispatch'] as { inputs?: Record<string, unknown> };
    expect(dispatch.inputs).toHaveProperty('promote_run_id');
    const promote = workflow.jobs['promote-baseline'];
    expect(promote?.if).toBe("${{ inputs.promote_run_id != '' }}");
    const download = promote?.steps.find((s) => s.uses?.startsWith('actions/download-artifact'));
    expect(download?.with).toMatchObject({ name: 'contract-report-merged', 'run-id': '${{ inputs.promote_run_id }}' });
    const upload = promote?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload?.with?.['name']).toBe('contract-baseline-accepted');
    // Nothing else uploads the accepted baseline: a night's report never becomes it on its own.
    const uploadsOfAccepted = Object.values(workflow.jobs)
      .flatMap((j) => j.steps)
      .filter(
        (s) => s.uses?.startsWith('actions/upload-artifact') && s.with?.['name'] === 'contract-baseline-accepted',
      );
    expect(uploadsOfAccepted).toHaveLength(1);
  });
});
