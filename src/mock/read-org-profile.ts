// Reads an org profile file (`--org <profile.json>`): the only file the mock reads.

import { readFile } from 'node:fs/promises';
import { ConfigError, describeError } from '../errors.ts';
import { parseOrgProfile, type OrgProfile } from './org-profile.ts';

/** The profile in `path`, or one ConfigError (exit 2) naming the file and what to fix. */
export async function readOrgProfile(path: string): Promise<OrgProfile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `--org ${path}: cannot read the file (${describeError(error)})`,
      'give the path of a profile JSON file, e.g. tests/fixtures/org-profiles/strict-org.json',
      { cause: error },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `--org ${path}: not JSON (${describeError(error)})`,
      'fix the file so it parses as one JSON object (see docs/org-profiles.md)',
      { cause: error },
    );
  }
  return parseOrgProfile(value, path);
}
