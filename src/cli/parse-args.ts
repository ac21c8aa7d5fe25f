// argv -> typed options, against an option table. Every bad input becomes a one-line UsageError naming it.

import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { MODULE_NAME } from '../catalog/index.ts';
import type { OptionSpec } from './option-table.ts';

/** The parsed values of a table: strings for value options, booleans for flags. */
export type ParsedOptions<T extends Record<string, OptionSpec>> = {
  [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string;
};

/** Parses `args` strictly: unknown flags, missing values and stray arguments are usage errors. */
export function parseOptions<T extends Record<string, OptionSpec>>(
  table: T,
  args: readonly string[],
  command: string,
): ParsedOptions<T> {
  const options = Object.fromEntries(Object.entries(table).map(([name, spec]) => [name, { type: spec.type }]));
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
    if (positionals.length > 0)
      throw new UsageError(
        `unexpected argument "${positionals[0]}" for "${command}"`,
        `see \`npm run contract -- ${command === 'run' ? '' : `${command} `}--help\``,
      );
    return values as ParsedOptions<T>;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      describeParseError(error),
      `see \`npm run contract -- ${command === 'run' ? '' : `${command} `}--help\``,
    );
  }
}

/** node:util's messages are long and mention internals; keep the part that names the input. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `option ${missing[1]?.replace(/^-\w, /, '')} needs a value`;
  const ambiguous = /Option '([^' ]+)[^']*' argument is ambiguous/.exec(message);
  if (ambiguous)
    return `option ${ambiguous[1]} needs a value (one starting with "-" must be written ${ambiguous[1]}=<value>)`;
  const boolWithValue = /Option '([^']+)' does not take an argument/.exec(message);
  if (boolWithValue) return `option ${boolWithValue[1]} takes no value`;
  return message.split('\n')[0] ?? message;
}

/** A positive whole number from an option, or a usage error naming the option. */
export function parsePositiveInteger(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < 1) {
    throw new UsageError(`--${option} "${value}" is not a positive whole number`, `give e.g. --${option} ${fallback}`);
  }
  return parsed;
}

/** Renders the help of a command from its option table. */
export function renderHelp(usage: string, table: Record<string, OptionSpec>, extra: readonly string[] = []): string {
  const rows = Object.entries(table).map(
    ([name, spec]) => [`--${name}${spec.value ? ` ${spec.value}` : ''}`, spec.help] as const,
  );
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return [usage, '', 'Options:', ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}${help}`), ...extra].join('\n');
}

/** --modules "A,B": module API names, at least one, none twice. */
export function parseModules(value: string): string[] {
  const modules = value.split(',').map((m) => m.trim());
  if (modules.every((m) => m === ''))
    throw new UsageError('--modules is empty', 'name the modules to run on, e.g. --modules Leads,Projects_Tracker');
  const bad = modules.find((m) => !MODULE_NAME.test(m));
  if (bad !== undefined)
    throw new UsageError(
      `--modules: "${bad}" is not a module API name`,
      'give API names separated by commas, e.g. --modules Leads,Projects_Tracker (see Setup > Developer Space > APIs)',
    );
  const twice = modules.find((m, i) => modules.indexOf(m) !== i);
  if (twice !== undefined)
    throw new UsageError(
      `--modules names ${twice} twice`,
      `name each module once, e.g. --modules ${[...new Set(modules)].join(',')}`,
    );
  return modules;
}
