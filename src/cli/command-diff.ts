// `contract collections-diff <old> [<new>]`: what a catalog change did to the contract, per endpoint and version.

import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ConfigError, ExitCode, UsageError, type ExitCodeValue } from '../errors.ts';
import { collectionVersion, describeChanges } from '../generate/index.ts';
import { catalogOptionTable } from './option-table.ts';
import { parseOptions, renderHelp } from './parse-args.ts';

/** Prints per collection: versions, the bump the changes call for, and every change. Exit 0 (a report, not a check). */
export async function commandDiff(
  args: readonly string[],
  root: string,
  print: (line: string) => void,
): Promise<ExitCodeValue> {
  const sources = args.filter((a) => !a.startsWith('-'));
  const options = parseOptions(
    catalogOptionTable,
    args.filter((a) => a.startsWith('-')),
    'collections-diff',
  );
  if (options.help || sources.length === 0 || sources.length > 2) {
    if (!options.help)
      throw new UsageError(
        'collections-diff needs an old and optionally a new source',
        'npm run collections:diff -- <git-ref|folder> [<git-ref|folder>] (new defaults to collections/)',
      );
    print(
      renderHelp('Usage: npm run collections:diff -- <old git-ref|folder> [<new git-ref|folder>]', catalogOptionTable),
    );
    return ExitCode.passed;
  }
  const [before, after] = await Promise.all([
    load(sources[0] ?? '', root),
    load(sources[1] ?? join(root, 'collections'), root),
  ]);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const path of paths) {
    const was = before.get(path);
    const now = after.get(path);
    if (!was) print(`+ ${path}: new collection (${collectionVersion(now) ?? '?'})`);
    else if (!now) print(`- ${path}: removed`);
    else {
      const { changes, level } = describeChanges(was, now);
      if (changes.length === 0) continue;
      print(
        `~ ${path}: ${collectionVersion(was) ?? '?'} -> ${collectionVersion(now) ?? '?'} (changes call for a ${level} bump)`,
      );
      for (const c of changes) print(`    ${c.kind} ${c.subject}: ${c.detail}`);
    }
  }
  return ExitCode.passed;
}

/** Collections keyed by their path below collections/, from a folder or a git revision. */
async function load(source: string, root: string): Promise<Map<string, unknown>> {
  if (existsSync(source) && statSync(source).isDirectory()) return loadFolder(source);
  return loadRevision(source, root);
}

async function loadFolder(folder: string): Promise<Map<string, unknown>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const out = new Map<string, unknown>();
  for (const e of entries.filter((x) => x.isFile() && x.name.endsWith('.postman_collection.json'))) {
    const path = join(e.parentPath, e.name);
    out.set(relative(folder, path).split('\\').join('/'), parse(await readFile(path, 'utf8'), path));
  }
  return out;
}

function loadRevision(revision: string, root: string): Map<string, unknown> {
  const git = (args: string[]): string =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  let listing: string;
  try {
    listing = git(['ls-tree', '-r', '--name-only', revision, '--', 'collections']);
  } catch (error) {
    throw new ConfigError(
      `"${revision}" is neither a folder nor a git revision of this repository`,
      'give a commit, branch or tag, or a folder of collections',
      { cause: error },
    );
  }
  const out = new Map<string, unknown>();
  for (const path of listing.split('\n').filter((p) => p.endsWith('.postman_collection.json'))) {
    out.set(path.replace(/^collections\//, ''), parse(git(['show', `${revision}:${path}`]), `${revision}:${path}`));
  }
  return out;
}

function parse(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(`${where} is not valid JSON`, 'regenerate it with `npm run collections`', { cause: error });
  }
}
