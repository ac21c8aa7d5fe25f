// What the source's comments may say: no lint directive for a linter the project does not have, and no citation of a
// Markdown file the repository does not hold (a reader following it must find it).

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path, keep) : keep(entry.name) ? [path] : [];
  });
}

// This file names what it looks for, so it reads every source but itself.
const sources = ['src', 'tests', 'bench', 'bin']
  .flatMap((dir) => filesUnder(join(ROOT, dir), (name) => /\.(ts|mts|mjs)$/.test(name)))
  .filter((file) => file !== import.meta.filename);
const markdown = new Set(filesUnder(ROOT, (name) => name.endsWith('.md')).map((path) => relative(ROOT, path)));

/** The comments of a source file: line comments and block comments (a `//` inside a string counts too, which errs safe). */
function commentsOf(text: string): string[] {
  return [...text.matchAll(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g)].map((m) => m[0]);
}

/** The files a run writes, which comments name without their folder. */
const RUN_OUTPUTS = new Set(['report.md', 'drift.md']);

/** A cited `.md` is found as a path from the root, or by its name alone anywhere in the repository. */
function isFound(citation: string): boolean {
  if (RUN_OUTPUTS.has(citation) || markdown.has(citation)) return true;
  return !citation.includes('/') && [...markdown].some((path) => path.endsWith(`/${citation}`));
}

describe("the source's comments", () => {
  it('carry no eslint directive (the project has no eslint)', () => {
    const directives = sources.filter((file) =>
      commentsOf(readFileSync(file, 'utf8')).some((c) => /eslint-(disable|enable)/.test(c)),
    );
    expect(directives.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('cite only Markdown files the repository has', () => {
    const missing = sources.flatMap((file) =>
      commentsOf(readFileSync(file, 'utf8'))
        .flatMap((comment) => [...comment.matchAll(/[A-Za-z0-9_./-]*[A-Za-z0-9_-]\.md\b/g)].map((m) => m[0]))
        .filter((citation) => !isFound(citation))
        .map((citation) => `${relative(ROOT, file)}: ${citation}`),
    );
    expect(missing).toEqual([]);
    expect(existsSync(join(ROOT, 'DESIGN.md'))).toBe(false);
  });

  it('are read the way the checks assume', () => {
    expect(commentsOf("const a = 1; // see DESIGN.md\n/* eslint-disable-next-line */ const b = '//x';")).toEqual([
      '// see DESIGN.md',
      '/* eslint-disable-next-line */',
      "//x';",
    ]);
    expect(['DESIGN.md', 'docs/architecture.md', 'zoho-notes.md', 'report.md'].map(isFound)).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });
});
