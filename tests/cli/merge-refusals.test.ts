// `merge` refuses shard folders that cannot make one run's report, in one line with exit 2, before it merges anything.

import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandMerge } from '../../src/cli/command-merge.ts';
import { ConfigError } from '../../src/errors.ts';

/** A shard's report folder as a `--shard k/2` run writes it, reduced to what merge reads before merging. */
async function shardFolder(root: string, index: number, kind: string, contract = '1.0.0'): Promise<string> {
  const dir = join(root, `shard-${index}`);
  await mkdir(dir);
  const summary = {
    schemaVersion: 1,
    target: { kind, name: kind },
    contractVersions: { 'crm/update-records': contract },
    shard: { index, count: 2 },
    selection: ['crm/update-records/v8/record-locked'],
  };
  await writeFile(join(dir, 'summary.json'), JSON.stringify(summary));
  await writeFile(join(dir, 'blob.json'), '{}');
  return dir;
}

const merge = (dirs: readonly string[], root: string) =>
  commandMerge([...dirs, '--out', join(root, 'merged')], root, new Date(0), () => undefined);

describe('merge refuses', () => {
  it('shards run against different kinds of target, naming both, exit 2', async () => {
    const root = await mkdtemp(join(tmpdir(), 'zoho-merge-kind-'));
    const dirs = [await shardFolder(root, 1, 'mock'), await shardFolder(root, 2, 'url')];
    const refusal = await merge(dirs, root).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ConfigError);
    const error = refusal as ConfigError;
    expect(error.exitCode).toBe(2);
    expect(error.toLine()).toBe(
      `error E_CONFIG: shards run against different kinds of target: mock in ${dirs[0]}, url in ${dirs[1]} (merge the shards of one run, every shard against the same target)`,
    );
  });

  it('nothing about the target when every shard ran against the same kind (the next check speaks instead)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'zoho-merge-kind-'));
    const dirs = [await shardFolder(root, 1, 'url'), await shardFolder(root, 2, 'url', '2.0.0')];
    const refusal = await merge(dirs, root).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ConfigError);
    expect((refusal as ConfigError).message).toMatch(/^shards disagree on the contract of crm\/update-records/);
  });
});
