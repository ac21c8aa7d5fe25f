// Ends the CLI when the process that started it goes away, so a killed `npm run contract` leaves no orphan behind.

/** How often the parent is checked: cheap (one getppid call), and soon enough for a CI step that was cancelled. */
const CHECK_EVERY_MS = 250;

/**
 * Calls `onGone` once the parent process is gone. Why this is needed: `npm run` starts the CLI through `sh -c`, and a
 * SIGTERM to npm kills the shell and npm but never reaches the CLI, which then runs on, reparented, with nobody to
 * report to (and a run against a slow target, or one that cannot finish, for ever). Node has no parent-death signal, so
 * the parent's pid is polled: a reparented process sees another one (init's, or a subreaper's). The timer is unref'd,
 * so it never keeps the process alive by itself.
 */
export function exitWithParent(onGone: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, CHECK_EVERY_MS);
  timer.unref();
}
