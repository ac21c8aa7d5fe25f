// The ready nightly workflow: parsed as YAML and checked for the jobs and steps the README promises.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/docs.ts';

interface Step {
  uses?: string;
  run?: string;
  name?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  if?: string;
}
interface Job {
  needs?: string;
  if?: string;
  strategy?: { matrix?: { shard?: number[] } };
  steps: Step[];
}
const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'contract-nightly.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const { shard, merge } = workflow.jobs;
const runs = (job: Job | undefined) => (job?.steps ?? []).map((s) => s.run ?? '').join('\n');
const uses = (job: Job | undefined) => (job?.steps ?? []).map((s) => s.uses ?? '');

describe('.github/workflows/contract-nightly.yml', () => {
  it('runs on a schedule (and by hand)', () => {
    expect(workflow.on['schedule']).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* \*$/) }]);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('runs three shards of the suite with npm ci, each uploading its report even when it fails', () => {
    expect(shard?.strategy?.matrix?.shard).toEqual([1, 2, 3]);
    expect(runs(shard)).toContain('npm ci');
    expect(runs(shard)).toContain('npm run contract -- --shard ${{ matrix.shard }}/3');
    const upload = shard?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload).toMatchObject({ if: 'always()', with: { name: 'contract-shard-${{ matrix.shard }}', path: 'reports/shard-${{ matrix.shard }}' } });
  });

  it('takes secrets from the secret store into step environments only, never into files or command lines', () => {
    const text = readFileSync(join(ROOT, '.github', 'workflows', 'contract-nightly.yml'), 'utf8');
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) expect(step.run ?? '', step.name).not.toContain('secrets.');
    }
    const secretEnv = Object.entries(shard?.steps.find((s) => s.env)?.env ?? {}).filter(([, v]) => v.includes('secrets.'));
    expect(secretEnv.map(([k]) => k)).toContain('ZOHO_ACCESS_TOKEN');
    expect(text).not.toMatch(/>\s*\.env\b|\.env\b.*>>/);
  });

  it('merges the shards after they finish, with last night\'s report as the baseline, into the job summary', () => {
    expect(merge).toMatchObject({ needs: 'shard', if: 'always()' });
    expect(uses(merge)).toEqual(expect.arrayContaining(['actions/download-artifact@v4', 'dawidd6/action-download-artifact@v6']));
    expect(runs(merge)).toContain('npm run contract -- merge reports/contract-shard-1 reports/contract-shard-2 reports/contract-shard-3');
    expect(runs(merge)).toContain('--baseline reports/baseline/summary.json --fail-on new');
    expect(runs(merge)).toContain('>> "$GITHUB_STEP_SUMMARY"');
    const upload = merge?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    const baseline = merge?.steps.find((s) => s.uses?.startsWith('dawidd6/'));
    expect(upload?.with?.['name']).toBe(baseline?.with?.['name']);
  });
});
