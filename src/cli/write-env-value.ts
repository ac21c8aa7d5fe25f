// Stores one value in a .env file: the line of that name replaced, or appended; the file kept private to its owner.

import { chmod, readFile, writeFile } from 'node:fs/promises';
import { ConfigError } from '../errors.ts';

/** `text` with `NAME=value` set: an existing (possibly `export`ed) line of that name replaced, else one appended. Pure. */
export function setEnvLine(text: string, name: string, value: string): string {
  const line = `${name}=${/[\s#"'`$]/.test(value) ? JSON.stringify(value) : value}`;
  const pattern = new RegExp(`^\\s*(?:export\\s+)?${name}\\s*=.*$`, 'm');
  if (pattern.test(text)) return text.replace(pattern, line);
  return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`;
}

/** Writes `name=value` into the file at `path` (created when missing, mode 0600). */
export async function writeEnvValue(path: string, name: string, value: string): Promise<void> {
  try {
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    await writeFile(path, setEnvLine(text, name, value), { mode: 0o600 });
    await chmod(path, 0o600);
  } catch (error) {
    throw new ConfigError(`cannot write ${name} into ${path}`, 'give a writable file with --dotenv <path>', {
      cause: error,
    });
  }
}
