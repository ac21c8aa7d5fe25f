// `contract drift` and `contract coverage`: what the catalog knows, printed without running anything.

import { buildCoverage, catalog, listDrift, messageCoverage, totalCoverage } from '../catalog/index.ts';
import { ExitCode, type ExitCodeValue } from '../errors.ts';
import { buildDriftLedger, renderDriftMarkdown } from '../report/index.ts';
import { catalogOptionTable } from './option-table.ts';
import { parseOptions, renderHelp } from './parse-args.ts';

/** Prints the drift ledger of the whole catalog as Markdown. */
export function commandDrift(args: readonly string[], print: (line: string) => void): ExitCodeValue {
  const options = parseOptions(catalogOptionTable, args, 'drift');
  if (options.help) {
    print(renderHelp('Usage: npm run contract -- drift', catalogOptionTable));
    return ExitCode.passed;
  }
  print(renderDriftMarkdown(buildDriftLedger(listDrift(catalog), [])).trimEnd());
  return ExitCode.passed;
}

/** Prints the coverage matrix; exit 1 when a documented code has no case or no schema. */
export function commandCoverage(args: readonly string[], print: (line: string) => void): ExitCodeValue {
  const options = parseOptions(catalogOptionTable, args, 'coverage');
  if (options.help) {
    print(renderHelp('Usage: npm run contract -- coverage', catalogOptionTable));
    return ExitCode.passed;
  }
  const rows = buildCoverage(catalog);
  const mark = (ok: boolean): string => (ok ? 'yes' : 'NO ');
  const name = (r: (typeof rows)[number]): string => `${r.product} › ${r.endpoint}`;
  const width = Math.max(...rows.map((r) => name(r).length)) + 2;
  print(`${'endpoint'.padEnd(width)}${'code'.padEnd(26)}case schema mock live  message  cases`);
  for (const r of rows) {
    print(
      `${name(r).padEnd(width)}${r.code.padEnd(26)}${mark(r.cases.length > 0)}  ${mark(r.schema)}    ${mark(r.mock)}  ${mark(r.live)}  ${messageCoverage(r).padEnd(7)}  ${r.cases.join(', ')}`,
    );
  }
  const partly = rows.filter((r) => messageCoverage(r) === 'partly');
  if (partly.length > 0)
    print('\nMessage checked by some cases of the code only (the others have no printed message to check):');
  for (const r of partly) print(`  ${name(r)} ${r.code}: not by ${r.messageUnchecked.join(', ')}`);
  const t = totalCoverage(rows);
  print(
    `\n${t.withCase}/${t.documented} documented codes have a case, ${t.withSchema}/${t.documented} a schema, ${t.live}/${t.documented} can be provoked live, ${t.withMessage}/${t.documented} have their message checked by every case`,
  );
  return t.withCase === t.documented && t.withSchema === t.documented ? ExitCode.passed : ExitCode.contractFailure;
}
