// Every "could not run" error: a stable code, an exit code and a hint. Contract failures are never here.

/** Exit codes of the CLI (docs/outcomes-and-exit-codes.md). */
export const ExitCode = {
  passed: 0,
  contractFailure: 1,
  usage: 2,
  unreachable: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Base class: `message` names the input, `hint` says what to do. */
export class ContractSuiteError extends Error {
  readonly code: string;
  readonly exitCode: ExitCodeValue;
  readonly hint: string;

  constructor(code: string, exitCode: ExitCodeValue, message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    this.hint = hint;
  }

  /** The one line the CLI prints. */
  toLine(): string {
    return `error ${this.code}: ${this.message} (${this.hint})`;
  }
}

/** A flag, argument or option the CLI cannot accept. */
export class UsageError extends ContractSuiteError {
  constructor(message: string, hint: string) {
    super('E_USAGE', ExitCode.usage, message, hint);
  }
}

/** Configuration (environment, files on disk) that is missing or malformed. */
export class ConfigError extends ContractSuiteError {
  constructor(message: string, hint: string, options?: { cause?: unknown }) {
    super('E_CONFIG', ExitCode.usage, message, hint, options);
  }
}

/** A filter that selects no case at all: running nothing must not look like passing. */
export class NothingSelectedError extends ContractSuiteError {
  constructor(message: string) {
    super(
      'E_NOTHING_SELECTED',
      ExitCode.usage,
      message,
      'check --product/--endpoint/--api-version/--case against `npm run contract -- --list`',
    );
  }
}

/** An input with nothing the catalog can check (an import without saved examples, or none on a catalogued endpoint). */
export class NothingToCheckError extends ContractSuiteError {
  constructor(message: string, hint: string) {
    super('E_NOTHING_TO_CHECK', ExitCode.usage, message, hint);
  }
}

/** The target did not answer at all before any case could be judged. */
export class TargetUnreachableError extends ContractSuiteError {
  constructor(url: string, detail: string, options?: { cause?: unknown }) {
    super(
      'E_UNREACHABLE',
      ExitCode.unreachable,
      `target ${url} is unreachable: ${detail}`,
      'check the URL, that the server is running, and your network',
      options,
    );
  }
}

/** The OAuth token endpoint refused to mint an access token: nothing can run (exit 3). */
export class AuthFailedError extends ContractSuiteError {
  constructor(message: string, hint: string, options?: { cause?: unknown }) {
    super('E_AUTH', ExitCode.unreachable, message, hint, options);
  }
}

/** vitest or a harness crashed: the suite could not run (exit 3), which is never a contract failure. */
export class RunCrashedError extends ContractSuiteError {
  constructor(message: string, detail: string) {
    super(
      'E_RUN_CRASHED',
      ExitCode.unreachable,
      `${message}${detail ? `: ${detail}` : ''}`,
      'rerun with --debug; if it persists, report it with the output',
    );
  }
}

/**
 * A run that left selected cases not checked (missing configuration or recordings: exit 2; lost verdicts, or nothing
 * checked at all: exit 3). Printed after the report, which lists every such case; `--allow-partial` accepts a partial
 * run, never an empty one.
 */
export class NotCheckedError extends ContractSuiteError {
  constructor(code: 'E_NOT_CHECKED' | 'E_NOTHING_CHECKED', exitCode: ExitCodeValue, message: string, hint: string) {
    super(code, exitCode, message, hint);
  }
}

/** A committed generated file differs from what the catalog generates. */
export class GeneratedDriftError extends ContractSuiteError {
  constructor(files: readonly string[]) {
    super(
      'E_GENERATED_STALE',
      ExitCode.contractFailure,
      `${files.length} generated file(s) differ from the catalog: ${files.slice(0, 5).join(', ')}${files.length > 5 ? ', ...' : ''}`,
      'run `npm run collections` and commit the result; never edit collections/ or schemas/ by hand',
    );
  }
}

/** Narrows an unknown thrown value to a message, for the cases where it is not ours. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
