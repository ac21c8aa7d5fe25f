// CLI entry: the only place that reads argv/env, prints, and exits. Dispatches to a command and maps errors to exit codes.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { ContractSuiteError, ExitCode, UsageError, describeError, type ExitCodeValue } from '../errors.ts';
import { redactText } from '../redact.ts';
import type { CliEnvironment } from './command-run.ts';
import { exitWithParent } from './exit-with-parent.ts';
import { loadEnvironment } from './load-env.ts';
import { threadEntry } from './thread-entry.ts';
import { commandTable } from './option-table.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Interrupts: the first SIGINT/SIGTERM stops the run gracefully (partial report, exit 130/143); a second one exits at once. */
const interrupt = new AbortController();
let interruptedBy: NodeJS.Signals | undefined;
function onSignal(signal: NodeJS.Signals): void {
  if (interruptedBy) process.exit(signal === 'SIGTERM' ? 143 : 130);
  interruptedBy = signal;
  process.stderr.write(
    `${signal}: stopping after the requests in flight; the partial report is being written (again to quit at once)\n`,
  );
  interrupt.abort();
}

/** The parent went away (a killed `npm run`): nobody reads the result, so stop at once, as on a second signal. */
function onParentGone(): void {
  // stderr is written synchronously to a pipe or file; one whose reader went with the parent fails, and is not waited for.
  process.stderr.write('the parent process is gone: stopping at once\n');
  process.exit(143);
}

async function main(argv: readonly string[]): Promise<ExitCodeValue | 130 | 143> {
  exitWithParent(onParentGone);
  const [first, ...rest] = argv;
  const print = (line: string): void => void process.stdout.write(`${redactText(line)}\n`);
  // Notices (a variable to rename) go to stderr: stdout stays the run's own output.
  const notice = (line: string): void => void process.stderr.write(`${redactText(line)}\n`);
  const command = first !== undefined && !first.startsWith('-') ? first : 'run';
  const args = command === first ? rest : argv;
  const cli = (env: CliEnvironment['env']): CliEnvironment => ({
    root: ROOT,
    env,
    isTty: Boolean(process.stdout.isTTY),
    isCi: Boolean(process.env['CI']),
    now: new Date(),
    print,
  });
  // Commands load lazily: `collections` and `--help` should not pay for vitest and newman start-up.
  switch (command) {
    case 'run': {
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      // The verdict thread starts first, so loading newman overlaps everything below; not for a run that sends nothing.
      const sends = !args.some((arg) => ['--help', '--list'].includes(arg));
      const thread = sends ? (await import('../run/index.ts')).prestartVerdictThread(ROOT, threadEntry()) : undefined;
      // Not --env-file: Node 20 claims that flag anywhere on its command line, even after the script.
      const envFile = optionValue(args, '--dotenv');
      const env = loadEnvironment(envFile ?? join(ROOT, '.env'), process.env, envFile !== undefined, notice);
      const code = await (await import('./command-run.ts')).commandRun(args, {
        ...cli(env),
        signal: interrupt.signal,
        ...(thread ? { thread } : {}),
      });
      return interruptedBy ? (interruptedBy === 'SIGTERM' ? 143 : 130) : code;
    }
    case 'collections':
      return (await import('./command-collections.ts')).commandCollections(args, ROOT, print);
    case 'mock':
      // The mock's tokens are its own fake credentials, printed so a user can point a run at it: not redacted.
      return (await import('./command-mock.ts')).commandMock(
        args,
        (line) => void process.stdout.write(`${line}\n`),
        onceSignalled(),
      );
    case 'drift':
      return (await import('./command-catalog.ts')).commandDrift(args, print);
    case 'coverage':
      return (await import('./command-catalog.ts')).commandCoverage(args, print);
    case 'import':
      return (await import('./command-import.ts')).commandImport(args, ROOT, print);
    case 'merge':
      return (await import('./command-merge.ts')).commandMerge(args, ROOT, new Date(), print);
    case 'doctor': {
      const envFile = optionValue(args, '--dotenv');
      const env = loadEnvironment(envFile ?? join(ROOT, '.env'), process.env, envFile !== undefined, notice);
      return (await import('./command-doctor.ts')).commandDoctor(withoutOption(args, '--dotenv'), env, print);
    }
    case 'auth': {
      // The file auth writes into must exist only once it does: read it if it is there.
      const envFile = optionValue(args, '--dotenv') ?? join(ROOT, '.env');
      const env = loadEnvironment(envFile, process.env, false, notice);
      return (await import('./command-auth.ts')).commandAuth(args, envFile, env, print);
    }
    case 'cleanup': {
      const envFile = optionValue(args, '--dotenv');
      const env = loadEnvironment(envFile ?? join(ROOT, '.env'), process.env, envFile !== undefined, notice);
      return (await import('./command-cleanup.ts')).commandCleanup(withoutOption(args, '--dotenv'), ROOT, env, print);
    }
    case 'collections-diff':
      return (await import('./command-diff.ts')).commandDiff(args, ROOT, print);
    case 'help':
      return (await import('./command-run.ts')).commandRun(['--help'], cli({}));
    default:
      throw new UsageError(`unknown command "${command}"`, `commands: ${Object.keys(commandTable).join(', ')}`);
  }
}

/** The value after a flag, read before parsing because the environment must be loaded first. */
function optionValue(args: readonly string[], flag: string): string | undefined {
  const inline = args.find((a) => a.startsWith(`${flag}=`));
  if (inline) return inline.slice(flag.length + 1);
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

/** The arguments without a flag and its value (for commands that do not take it themselves). */
function withoutOption(args: readonly string[], flag: string): string[] {
  const at = args.indexOf(flag);
  if (at < 0) return args.filter((a) => !a.startsWith(`${flag}=`));
  return args.filter((_, i) => i !== at && i !== at + 1);
}

function onceSignalled(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

const debug = process.argv.includes('--debug');
// The run's verdict service starts this same file on a worker thread (one entry whether bundled or not); it is the only
// thread this file is ever started on.
if (!isMainThread) void import('../run/index.ts').then((run) => run.serveInThread());
else
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ContractSuiteError) {
        process.stderr.write(`${redactText(error.toLine())}\n`);
        if (debug) process.stderr.write(`${redactText(error.stack ?? '')}\n`);
        process.exit(error.exitCode);
      }
      process.stderr.write(
        `error E_INTERNAL: ${redactText(describeError(error))} (rerun with --debug and report it)\n`,
      );
      if (debug && error instanceof Error) process.stderr.write(`${redactText(error.stack ?? '')}\n`);
      process.exit(ExitCode.unreachable);
    },
  );
