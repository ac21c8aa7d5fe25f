// A baseline is a summary.json; one written before not-applicable and not-checked existed says `skipped` for both.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBaseline } from '../../src/report/index.ts';

const verdict = (caseId: string, outcome: string, reason: string) => ({
  product: 'crm',
  endpoint: 'update-records',
  version: 'v8',
  caseId,
  caseName: caseId,
  outcome,
  reason,
});

describe('readBaseline', () => {
  it("reads an old summary's skipped cases as not applicable (the target could not provoke them) or not checked", async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'zoho-old-baseline-')), 'summary.json');
    const verdicts = [
      verdict('internal-error', 'skipped', 'live cannot provoke it (mock only)'),
      verdict('record-locked', 'skipped', 'not configured for this target: ZOHO_LOCKED_RECORD_ID'),
      verdict('success-single', 'skipped', 'no recorded exchange for this case'),
      verdict('not-approved', 'fail', 'expected HTTP 202, got 200'),
    ];
    await writeFile(path, JSON.stringify({ schemaVersion: 1, contractVersions: {}, verdicts }));
    const read = await readBaseline(path);
    expect(read.verdicts.map((v) => [v.caseId, v.outcome, v.notChecked?.cause])).toEqual([
      ['internal-error', 'not-applicable', undefined],
      ['record-locked', 'not-checked', 'configuration'],
      ['success-single', 'not-checked', 'no-recording'],
      ['not-approved', 'fail', undefined],
    ]);
  });
});
