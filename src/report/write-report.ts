// The one report writer: applies redaction to every byte, writes artifacts, mirrors the run to reports/latest.

import { cp, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfigError } from '../errors.ts';
import { redactText } from '../redact.ts';
import type { Artifact } from './artifact.ts';
import { makeFolder } from './make-folder.ts';

/** Writes artifacts under `dir`, each redacted against the run's secrets. */
export async function writeArtifacts(dir: string, artifacts: readonly Artifact[], secrets: readonly string[]): Promise<string[]> {
  const written: string[] = [];
  try {
    for (const artifact of artifacts) {
      const path = join(dir, artifact.path);
      await makeFolder(dirname(path));
      await writeFile(path, redactText(artifact.content, secrets));
      written.push(path);
    }
  } catch (error) {
    throw new ConfigError(`cannot write the report to ${dir}`, 'make the folder writable or pick another with --out', { cause: error });
  }
  return written;
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
    throw new ConfigError(`the report folder ${dir} cannot be written (${reason})`, 'make it writable or pick another with --out', { cause: error });
  }
}

/** Replaces `latest` with a copy of the run's folder, so CI can always find the newest report. */
export async function publishLatest(runDir: string, latestDir: string): Promise<void> {
  await rm(latestDir, { recursive: true, force: true });
  await cp(runDir, latestDir, { recursive: true });
}
