// The one report writer: applies redaction to every byte, writes artifacts, mirrors the run to reports/latest.

import { cp, open, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfigError } from '../errors.ts';
import { redactText } from '../redact.ts';
import type { Artifact } from './artifact.ts';
import { makeFolder } from './make-folder.ts';

/** Writes artifacts under `dir`, each redacted against the run's secrets. */
export async function writeArtifacts(
  dir: string,
  artifacts: readonly Artifact[],
  secrets: readonly string[],
): Promise<string[]> {
  const written: string[] = [];
  try {
    for (const artifact of artifacts) {
      const path = join(dir, artifact.path);
      await makeFolder(dirname(path));
      if (artifact.pieces) await writePieces(path, artifact.pieces(), secrets);
      else await writeFile(path, redactText(artifact.content, secrets));
      written.push(path);
    }
  } catch (error) {
    throw new ConfigError(`cannot write the report to ${dir}`, 'make the folder writable or pick another with --out', {
      cause: error,
    });
  }
  return written;
}

/** Pieces are gathered up to this many characters, then redacted and written: a large report is never held whole. */
const BATCH_CHARS = 1 << 20;

/**
 * Writes an artifact's pieces in batches, each redacted on its own. A batch ends only between pieces, and a piece is a
 * whole unit of the report (a case's row, a verdict), so a secret or a `"token": value` pair never straddles two.
 */
async function writePieces(path: string, pieces: Iterable<string>, secrets: readonly string[]): Promise<void> {
  const file = await open(path, 'w');
  try {
    let batch: string[] = [];
    let size = 0;
    for (const piece of pieces) {
      batch.push(piece);
      size += piece.length;
      if (size < BATCH_CHARS) continue;
      await file.write(redactText(batch.join(''), secrets));
      [batch, size] = [[], 0];
    }
    await file.write(redactText(batch.join(''), secrets));
  } finally {
    await file.close();
  }
}

/** Fails early, before any case runs, when the report folder cannot be created or written. */
export async function assertWritable(dir: string): Promise<void> {
  const probe = join(dir, `.write-check-${process.pid}`);
  try {
    await makeFolder(dir);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(
      `the report folder ${dir} cannot be written (${reason})`,
      'make it writable or pick another with --out',
      { cause: error },
    );
  }
}

/** Replaces `latest` with a copy of the run's folder, so CI can always find the newest report. */
export async function publishLatest(runDir: string, latestDir: string): Promise<void> {
  await rm(latestDir, { recursive: true, force: true });
  await cp(runDir, latestDir, { recursive: true });
}
