// `contract collections [--check]`: regenerate the generated tree from the catalog, or check it is up to date.

import { catalog } from '../catalog/index.ts';
import { ExitCode, GeneratedDriftError, type ExitCodeValue } from '../errors.ts';
import {
  collectionPath,
  compareGenerated,
  generateFiles,
  readCommittedCollections,
  writeGenerated,
} from '../generate/index.ts';
import { collectionsOptionTable } from './option-table.ts';
import { parseOptions, renderHelp } from './parse-args.ts';

/** Writes (or with --check, compares) collections/, schemas/ and the harness files. */
export async function commandCollections(
  args: readonly string[],
  root: string,
  print: (line: string) => void,
): Promise<ExitCodeValue> {
  const options = parseOptions(collectionsOptionTable, args, 'collections');
  if (options.help) {
    print(renderHelp('Usage: npm run collections  |  npm run collections:check', collectionsOptionTable));
    return ExitCode.passed;
  }
  const paths = catalog.flatMap((e) => e.versions.map((v) => collectionPath(e, v)));
  const files = generateFiles(catalog, await readCommittedCollections(root, paths));
  if (options.check) {
    const differences = await compareGenerated(root, files);
    for (const d of differences) print(`  ${d.kind}: ${d.path}`);
    if (differences.length > 0) throw new GeneratedDriftError(differences.map((d) => d.path));
    print(`collections:check: ${files.length} generated files match the catalog`);
    return ExitCode.passed;
  }
  const { written, removed } = await writeGenerated(root, files);
  for (const path of removed) print(`  removed stale ${path}`);
  print(`wrote ${written} generated files (collections/, schemas/, tests/contract/)`);
  return ExitCode.passed;
}
