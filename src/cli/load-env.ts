// Merges a .env file (dotenv) under the process environment: variables already set win, as with dotenv's default.

import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { ConfigError } from '../errors.ts';
import { readRenamedVariables } from '../live/index.ts';

/** The environment a run reads: `.env` at `path` (if present, or required when given with --env-file) overlaid by `env`,
 * old variable names read as their new ones (each said once through `notice`). */
export function loadEnvironment(
  path: string,
  env: Readonly<Record<string, string | undefined>>,
  required: boolean,
  notice: (line: string) => void,
): Record<string, string | undefined> {
  const renamed = readRenamedVariables(readEnvironment(path, env, required));
  for (const line of renamed.notices) notice(line);
  return renamed.env;
}

function readEnvironment(
  path: string,
  env: Readonly<Record<string, string | undefined>>,
  required: boolean,
): Record<string, string | undefined> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return { ...env };
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read';
    throw new ConfigError(`env file ${path} ${why}`, 'give the path of a readable .env file (see .env.example)', {
      cause: error,
    });
  }
  assertWellFormed(path, text);
  return { ...parse(text), ...env };
}

/** dotenv silently accepts a quote left open (it swallows the following lines); refuse it, naming the line. */
function assertWellFormed(path: string, text: string): void {
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(["'`])(.*)$/.exec(line);
    if (!match) continue;
    const [, key, quote = '', rest = ''] = match;
    // dotenv allows multi-line quoted values, so the closing quote may come on a later line.
    const closed = rest.includes(quote) || lines.slice(i + 1).some((l) => l.includes(quote));
    if (!closed)
      throw new ConfigError(
        `${path} line ${i + 1}: the value of ${key} opens a ${quote} quote that is never closed`,
        'close the quote',
      );
  }
}
