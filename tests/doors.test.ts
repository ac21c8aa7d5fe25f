// The layout's rules, read from the source: each src/ folder (and a subfolder with an index.ts, such as the newman
// seam) is entered through its index.ts, the folders keep one order (the run below the CLI, nothing below the CLI
// importing it), so they import one another one way (no cycle), the contract project's files keep to the doors and never
// reach the run or the CLI, and only the newman seam touches newman or a thread's globals.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

interface Import {
  readonly file: string;
  readonly target: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.(ts|mts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every relative import of a file (static, side-effect, re-export, dynamic), resolved to an absolute path. */
function relativeImports(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] ?? '');
  return specifiers.map((specifier) => ({ file, target: resolve(dirname(file), specifier) }));
}

/** The top-level src/ folder a path lies in, or undefined for a shared top-level file (errors.ts) or a path outside src/. */
function folderOf(path: string): string | undefined {
  const inside = relative(SRC, path);
  if (inside.startsWith('..')) return undefined;
  const parts = inside.split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

const show = ({ file, target }: Import): string => `${relative(ROOT, file)} -> ${relative(ROOT, target)}`;

/** The folders between src/ and `path` that have a door (an index.ts), outermost first. */
function doorsAbove(path: string, hasDoor: (dir: string) => boolean): string[] {
  const parts = relative(SRC, dirname(path))
    .split(sep)
    .filter((part) => part !== '' && part !== '.');
  return parts.map((_, i) => join(SRC, ...parts.slice(0, i + 1))).filter(hasDoor);
}

const isDoor = (dir: string): boolean => existsSync(join(dir, 'index.ts'));

/** Imports that enter a folder with a door, from outside it, other than through that index.ts. */
function pastTheDoor(imports: readonly Import[], hasDoor: (dir: string) => boolean = isDoor): string[] {
  return imports
    .filter(({ file, target }) => {
      if (relative(SRC, target).startsWith('..')) return false;
      const entered = doorsAbove(target, hasDoor).find((dir) => relative(dir, file).startsWith('..'));
      return entered !== undefined && target !== join(entered, 'index.ts');
    })
    .map(show);
}

/** The folders each folder imports. */
function folderGraph(imports: readonly Import[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { file, target } of imports) {
    const from = folderOf(file);
    const to = folderOf(target);
    if (from === undefined || to === undefined || from === to) continue;
    graph.set(from, (graph.get(from) ?? new Set()).add(to));
  }
  return graph;
}

/** Folder paths that lead back to where they started (`a -> b -> a`). */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const walk = (path: readonly string[]): void => {
    for (const next of graph.get(path.at(-1) ?? '') ?? []) {
      if (next === path[0]) found.push([...path, next].join(' -> '));
      else if (!path.includes(next)) walk([...path, next]);
    }
  };
  for (const start of graph.keys()) walk([start]);
  return found;
}

/**
 * The folders from the bottom up: each imports only folders before it. The run (the verdict thread, a live run on it,
 * the vitest call) sits above harness, live and report, which it brings together, and below the CLI, its one caller.
 */
const FOLDER_ORDER = [
  'catalog',
  'verdict',
  'generate',
  'validate',
  'mock',
  'live',
  'harness',
  'report',
  'run',
  'cli',
] as const;

/** Imports of a folder at or above the importer's place in `order` (a folder not in it counts as the top). */
function againstTheOrder(imports: readonly Import[], order: readonly string[]): string[] {
  const place = (folder: string): number => (order.includes(folder) ? order.indexOf(folder) : order.length);
  return imports
    .filter(({ file, target }) => {
      const from = folderOf(file);
      const to = folderOf(target);
      return from !== undefined && to !== undefined && from !== to && place(to) >= place(from);
    })
    .map(show);
}

const srcImports = filesUnder(SRC).flatMap(relativeImports);

describe('the doors of src/', () => {
  it('every import of another folder goes through its index.ts', () => {
    expect(pastTheDoor(srcImports)).toEqual([]);
  });

  it('nothing below the CLI imports src/cli', () => {
    expect(
      srcImports.filter(({ file, target }) => folderOf(target) === 'cli' && folderOf(file) !== 'cli').map(show),
    ).toEqual([]);
  });

  it('every src/ folder has its place in the order', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect([...folders].sort()).toEqual([...FOLDER_ORDER].sort());
  });

  it('each folder imports only the folders below it: the run only from the CLI, the CLI from none', () => {
    expect(againstTheOrder(srcImports, FOLDER_ORDER)).toEqual([]);
  });

  it('folders import one another one way: no cycle', () => {
    expect(cycles(folderGraph(srcImports))).toEqual([]);
  });

  it('only the newman seam (src/harness/newman/) imports newman or its runtime, or changes node:vm or the timers', () => {
    const seam = join(SRC, 'harness', 'newman');
    const files = [...filesUnder(SRC), join(ROOT, 'bin', 'contract.mjs')].filter((file) =>
      relative(seam, file).startsWith('..'),
    );
    const touching =
      /'(newman|postman-runtime|postman-sandbox|uvm)'|syncBuiltinESMExports|\.runInContext\s*=|\[?'?(setTimeout|clearTimeout)'?\]?\s*=[^=]/;
    expect(
      files.filter((file) => touching.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file)),
    ).toEqual([]);
  });

  it('vitest.config.ts and the contract project reach src/ through its doors, never the run or the CLI', () => {
    const files = [join(ROOT, 'vitest.config.ts'), ...filesUnder(join(ROOT, 'tests', 'contract'))];
    const imports = files.flatMap(relativeImports);
    expect(imports.some(({ target }) => folderOf(target) === 'harness')).toBe(true);
    const above = imports.filter(({ target }) => ['run', 'cli'].includes(folderOf(target) ?? ''));
    expect([...pastTheDoor(imports), ...above.map(show)]).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const at = (file: string, target: string): Import => ({ file: join(SRC, file), target: join(SRC, target) });

  it("flag an import past a door, a subfolder's door included, and a cycle", () => {
    const doors = new Set(['report', 'harness', 'harness/newman'].map((dir) => join(SRC, dir)));
    const imports = [
      at('report/a.ts', 'harness/run-collection.ts'),
      at('report/a.ts', 'harness/index.ts'),
      at('report/a.ts', 'report/b.ts'),
      at('report/a.ts', 'errors.ts'),
      at('harness/run-collection.ts', 'harness/newman/newman-run.ts'),
      at('harness/run-collection.ts', 'harness/newman/index.ts'),
      at('harness/newman/newman-run.ts', 'harness/target.ts'),
      at('harness/newman/newman-run.ts', 'harness/newman/load-newman.ts'),
    ];
    expect(pastTheDoor(imports, (dir) => doors.has(dir))).toEqual([
      'src/report/a.ts -> src/harness/run-collection.ts',
      'src/harness/run-collection.ts -> src/harness/newman/newman-run.ts',
    ]);
    expect(
      cycles(
        folderGraph([
          at('report/a.ts', 'harness/index.ts'),
          at('harness/b.ts', 'validate/index.ts'),
          at('validate/c.ts', 'report/index.ts'),
        ]),
      ),
    ).toContain('report -> harness -> validate -> report');
  });

  it('flag an import of a folder at or above the importer in the order', () => {
    const order = ['harness', 'report', 'run', 'cli'];
    const imports = [
      at('run/a.ts', 'harness/index.ts'),
      at('cli/a.ts', 'run/index.ts'),
      at('harness/a.ts', 'run/index.ts'),
      at('run/a.ts', 'cli/main.ts'),
      at('report/a.ts', 'errors.ts'),
      at('report/a.ts', 'newcomer/index.ts'),
    ];
    expect(againstTheOrder(imports, order)).toEqual([
      'src/harness/a.ts -> src/run/index.ts',
      'src/run/a.ts -> src/cli/main.ts',
      'src/report/a.ts -> src/newcomer/index.ts',
    ]);
  });

  it('read side-effect, re-export and dynamic imports', () => {
    const found = relativeImports(join(SRC, 'cli', 'main.ts')).map(({ target }) => relative(SRC, target));
    expect(found).toContain(join('run', 'index.ts'));
  });
});
