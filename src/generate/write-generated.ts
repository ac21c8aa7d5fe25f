// The generator's only I/O: write the generated tree, or compare it with what is committed.

import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { GENERATED_ROOTS, type GeneratedFile } from './generate-files.ts';

/** Writes every file and removes generated-folder files the catalog no longer produces. */
export async function writeGenerated(
  root: string,
  files: readonly GeneratedFile[],
): Promise<{ written: number; removed: string[] }> {
  const removed = (await compareGenerated(root, files)).filter((d) => d.kind === 'stale').map((d) => d.path);
  for (const path of removed) await rm(join(root, path));
  for (const file of files) {
    await mkdir(dirname(join(root, file.path)), { recursive: true });
    await writeFile(join(root, file.path), file.content);
  }
  return { written: files.length, removed };
}

/** One difference between the committed tree and the generated one. */
export interface GeneratedDifference {
  readonly path: string;
  readonly kind: 'missing' | 'changed' | 'stale';
}

/** Lists files that are missing, differ, or are present but no longer generated. */
export async function compareGenerated(root: string, files: readonly GeneratedFile[]): Promise<GeneratedDifference[]> {
  const differences: GeneratedDifference[] = [];
  const expected = new Set(files.map((f) => f.path));
  for (const file of files) {
    const current = await readFile(join(root, file.path), 'utf8').catch(() => undefined);
    if (current === undefined) differences.push({ path: file.path, kind: 'missing' });
    else if (current !== file.content) differences.push({ path: file.path, kind: 'changed' });
  }
  for (const { folder, matches } of GENERATED_ROOTS) {
    for (const path of await listFiles(root, folder)) {
      if (!expected.has(path) && matches(path.slice(folder.length + 1))) differences.push({ path, kind: 'stale' });
    }
  }
  return differences;
}

async function listFiles(root: string, folder: string): Promise<string[]> {
  const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'));
}

/** The committed collections (path -> parsed JSON), for the version bump; missing or unreadable ones are left out. */
export async function readCommittedCollections(root: string, paths: readonly string[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const path of paths) {
    try {
      out.set(path, JSON.parse(await readFile(join(root, path), 'utf8')) as unknown);
    } catch {
      // A collection that is new (or broken) has no previous version: the catalog's contractVersion applies.
    }
  }
  return out;
}
