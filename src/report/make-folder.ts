// Creates a folder and its missing parents, failing at once where Node's own recursive mkdir never returns.

import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * `mkdir -p` that always ends. Why not `mkdir(dir, { recursive: true })`: on Node 20 it loops for ever at 100% CPU when
 * the kernel answers ENOENT for a folder whose parent exists (any path under /proc, some FUSE mounts), because it takes
 * ENOENT to mean "make the parent first", finds the parent there, and tries the child again. Here each level is tried
 * at most twice, and an ENOENT with the parent in place is the error it is.
 */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return assertFolder(dir, error);
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir || (await isFolder(parent))) throw error;
    await makeFolder(parent);
    await mkdir(dir).catch((again: NodeJS.ErrnoException) =>
      again.code === 'EEXIST' ? assertFolder(dir, again) : Promise.reject(again),
    );
  }
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Something is there: fine when it is a folder (made by us or by someone at the same time), an error when a file. */
async function assertFolder(dir: string, error: unknown): Promise<void> {
  if (!(await isFolder(dir))) throw error;
}
