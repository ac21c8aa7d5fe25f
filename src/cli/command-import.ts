// `contract import <file>`: a Postman collection's saved examples checked against the catalog and schemas; exit 1 on a disagreement.

import { join } from 'node:path';
import { catalog } from '../catalog/index.ts';
import { ExitCode, NothingToCheckError, UsageError, type ExitCodeValue } from '../errors.ts';
import { schemaId } from '../generate/index.ts';
import {
  checkSavedExamples,
  createSchemaRegistry,
  loadSchemas,
  readPostmanFile,
  type ExampleCheck,
} from '../validate/index.ts';
import { importOptionTable } from './option-table.ts';
import { parseOptions, renderHelp } from './parse-args.ts';

const MARK: Record<ExampleCheck['verdict'], string> = { agrees: '✓', drift: '~', disagrees: '✗', unmatched: '?' };

/** Prints one line per saved example (and its reasons), then the totals. */
export async function commandImport(
  args: readonly string[],
  root: string,
  print: (line: string) => void,
): Promise<ExitCodeValue> {
  const files = args.filter((a) => !a.startsWith('-'));
  const options = parseOptions(
    importOptionTable,
    args.filter((a) => a.startsWith('-')),
    'import',
  );
  if (options.help) {
    print(renderHelp('Usage: npm run contract -- import <collection.json> [--json]', importOptionTable));
    return ExitCode.passed;
  }
  const [file, ...extra] = files;
  if (!file || extra.length > 0)
    throw new UsageError(
      file ? `import takes one file, got ${files.length}` : 'import needs a file',
      'npm run contract -- import <collection.json>',
    );
  const collection = await readPostmanFile(file);
  const registry = createSchemaRegistry(await loadSchemas(join(root, 'schemas')));
  const checks = checkSavedExamples(collection, catalog, registry, schemaId);
  assertSomethingChecked(file, checks);
  if (options.json) print(JSON.stringify(checks, null, 2));
  else for (const line of renderChecks(checks)) print(line);
  return checks.some((c) => c.verdict === 'disagrees') ? ExitCode.contractFailure : ExitCode.passed;
}

/** Nothing checked is not agreement: a file with no saved examples, or none on a catalogued endpoint, is exit 2. */
function assertSomethingChecked(file: string, checks: readonly ExampleCheck[]): void {
  const hint =
    'import a collection with saved example responses of a catalogued endpoint (listed by npm run contract -- coverage)';
  if (checks.length === 0)
    throw new NothingToCheckError(`${file}: nothing to check, it has no saved example responses`, hint);
  if (checks.every((c) => c.verdict === 'unmatched')) {
    const paths = [...new Set(checks.map((c) => `${c.method} ${c.path}`))];
    throw new NothingToCheckError(
      `${file}: nothing to check, none of its ${checks.length} saved examples matches a catalog endpoint (${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', ...' : ''})`,
      hint,
    );
  }
}

function renderChecks(checks: readonly ExampleCheck[]): string[] {
  const lines = checks.flatMap((c) => [
    `${MARK[c.verdict]} ${c.example}  ${c.method} ${c.path}  HTTP ${c.status} ${c.codes.join(', ') || '-'}  ${c.verdict}${c.endpoint ? ` (${c.endpoint})` : ''}`,
    ...c.reasons.map((r) => `    ${r}`),
  ]);
  const count = (verdict: ExampleCheck['verdict']): number => checks.filter((c) => c.verdict === verdict).length;
  lines.push(
    '',
    `${checks.length} examples: ${count('agrees')} agree, ${count('drift')} agree but take a side on a documented contradiction, ${count('disagrees')} disagree, ${count('unmatched')} match no catalog endpoint`,
  );
  return lines;
}
