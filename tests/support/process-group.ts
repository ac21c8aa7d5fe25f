// Commands spawned as a user types them (`npm run ...`): npm starts a shell that starts node, so each is started in a
// process group of its own and stopped as a group, by the id of the group the test started, and waited for.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** Starts `argv` in a new process group (its leader is the returned child). */
export function spawnGroup(argv: readonly string[], cwd: string, env: Record<string, string>): ChildProcess {
  const [program = 'npm', ...args] = argv;
  return spawn(program, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
}

/** SIGTERMs the group led by `child` (if it is still running) and resolves once no process of it is left running. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined) return;
  const closed = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('close', () => resolve());
  });
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    // ESRCH: the group is gone already.
  }
  await closed;
  // npm dies at once on SIGTERM; the node it started stops on its own a moment later (the mock closes its ports first).
  while (groupRunning(pgid)) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Whether any process of group `pgid` still runs. On Linux a zombie (exited, its parent gone before reaping it) does
 * not count: it holds no port and runs nothing. Elsewhere, signal 0 says whether the group has members. */
export function groupRunning(pgid: number): boolean {
  if (!existsSync('/proc/self/stat')) {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .some((pid) => {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        return false; // gone while we looked
      }
      // "pid (comm) state ppid pgrp ...": comm may hold spaces or parentheses, so fields are read after the last ')'.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === pgid && state !== 'Z';
    });
}
