// Edits a shard's blob.json (vitest's blob reporter, in the "flatted" encoding) so that one harness file reads as crashed
// during collection: no tests, one error, as vitest records a file whose import or hook threw.

import { readFile, writeFile } from 'node:fs/promises';

/**
 * In the flatted encoding the blob is one JSON array: every string, object or array sits in its own slot and is
 * referenced by its index written as a string. A harness file is the object with a `filepath`.
 */
export async function crashHarnessFileInBlob(blobPath: string, harnessFile: string, message: string): Promise<void> {
  const slots = JSON.parse(await readFile(blobPath, 'utf8')) as unknown[];
  const add = (value: unknown): string => String(slots.push(value) - 1);
  const file = slots.find((slot): slot is Record<string, unknown> => {
    if (typeof slot !== 'object' || slot === null || !('filepath' in slot)) return false;
    const path = slots[Number((slot as { filepath: unknown }).filepath)];
    return typeof path === 'string' && path.endsWith(harnessFile);
  });
  if (!file) throw new Error(`${blobPath} holds no harness file ${harnessFile}`);
  file['tasks'] = add([]);
  file['result'] = add({ state: add('fail'), errors: add([add({ name: add('Error'), message: add(message) })]) });
  await writeFile(blobPath, JSON.stringify(slots));
}
