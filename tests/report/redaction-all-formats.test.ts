// A canary token planted in a verdict never reaches any report format the writer produces.

import { readFile, readdir } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { piecedArtifact, reportRenderers, summariseRun, writeArtifacts } from '../../src/report/index.ts';
import { CANARY, reportVerdicts } from '../support/report-verdicts.ts';

describe('the report writer', () => {
  it('writes every registered format without the canary, even where a verdict carried it', async () => {
    const summary = summariseRun(
      { runId: 'canary', startedAt: new Date(0), finishedAt: new Date(1), target: { kind: 'url', name: 'gw' } },
      reportVerdicts,
    );
    expect(JSON.stringify(summary)).toContain(CANARY);
    const dir = await mkdtemp(join(tmpdir(), 'zoho-canary-'));
    await writeArtifacts(
      dir,
      Object.values(reportRenderers).flatMap((render) => render(summary)),
      [CANARY],
    );
    const files = await readdir(dir);
    expect(files.sort()).toEqual(['drift.md', 'junit.xml', 'report.html', 'report.md', 'summary.json']);
    for (const file of files) expect(await readFile(join(dir, file), 'utf8'), file).not.toContain(CANARY);
  });

  it('redacts a report written in pieces in every batch, and writes every piece once, in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zoho-canary-'));
    // Pieces of a few KB each, several MB in all: the writer redacts and writes them in many batches.
    const piece = (i: number): string => `{"case":${i},"token":"${CANARY}","body":"${'x'.repeat(4000)}"}\n`;
    const pieces = function* (): Generator<string> {
      for (let i = 0; i < 1500; i += 1) yield piece(i);
    };
    await writeArtifacts(dir, [piecedArtifact('big.jsonl', pieces)], [CANARY]);
    const lines = (await readFile(join(dir, 'big.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(1500);
    expect(lines.every((line, i) => line === `{"case":${i},"token":"[REDACTED]","body":"${'x'.repeat(4000)}"}`)).toBe(
      true,
    );
  });
});
