// Merges a .env file (dotenv) under the process environment: variables already set win, as with dotenv's default.

import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { ConfigError } from '../errors.ts';

/** The environment a run reads: `.env` at `path` (if present) overlaid by `env`. */
export function loadEnvironment(path: string, env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...env };
    throw new ConfigError(`${path} cannot be read`, 'fix its permissions or remove it', { cause: error });
  }
  return { ...parse(text), ...env };
}
