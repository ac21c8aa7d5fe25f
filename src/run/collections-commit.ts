// The commit the committed collections come from, which a run's report names; read from git beside the run's start.

import { execFile } from 'node:child_process';

/** The commit the committed collections come from, marked +dirty when they changed since; nothing outside a git checkout. */
export async function collectionsCommit(root: string): Promise<string | undefined> {
  const git = (args: string[]): Promise<string> =>
    new Promise((resolve) =>
      execFile('git', args, { cwd: root, encoding: 'utf8', timeout: 5_000 }, (error, stdout) =>
        resolve(error ? '' : stdout.trim()),
      ),
    );
  // Side by side, and off the run's path (they used to be two synchronous spawns before anything was sent).
  const [commit, status] = await Promise.all([
    git(['log', '-1', '--format=%h', '--', 'collections']),
    git(['status', '--porcelain', '--', 'collections']),
  ]);
  return commit ? `${commit}${status ? '+dirty' : ''}` : undefined;
}
