// D's subject: the CLI itself over a synthetic catalog of N cases. A folder of its own holds the CLI bundled as
// bin/contract.mjs bundles it, with the catalog swapped for the synthetic one, and its generated collections, schemas
// and harness files; `node <folder>/dist/cli/main.mjs` is then `npm run contract` over it.

import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { generateFiles, harnessPath } from '../src/generate/index.ts';
import { syntheticEndpoints } from './synthetic-endpoint.ts';

/**
 * Lays out `dir` as a project root for the CLI and returns its entry. The endpoints are built by one small module that
 * both the bundle and the harness files import, so the CLI's catalog and vitest's are the same N cases.
 */
export async function prepareSyntheticCli(root: string, dir: string, size: number): Promise<string> {
  const module = join(dir, 'synthetic-endpoint.ts');
  const source = join(root, 'bench', 'synthetic-endpoint.ts');
  await writeFile(
    module,
    `// ${size} synthetic cases for the bench's D.\nimport { syntheticEndpoints } from ${JSON.stringify(source)};\nexport const synthetic = syntheticEndpoints(${size});\n`,
  );
  const endpoints = syntheticEndpoints(size);
  const harnesses = new Map(endpoints.map((endpoint, k) => [harnessPath(endpoint, 'v8'), k]));
  for (const file of generateFiles(endpoints)) {
    const k = harnesses.get(file.path);
    const content =
      k === undefined
        ? file.content
        : `import { synthetic } from ${JSON.stringify(module)};\nimport { defineCollectionSuite } from './support/collection-suite.ts';\n\ndefineCollectionSuite(synthetic[${k}]!, 'v8');\n`;
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), content);
  }
  await writeFile(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  // The rest is the project's own: its dependencies, its newman bundle and code caches, the harness files' support.
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
  await mkdir(join(dir, 'dist'), { recursive: true });
  await symlink(join(root, 'dist', 'newman'), join(dir, 'dist', 'newman'));
  await symlink(join(root, 'tests', 'contract', 'support'), join(dir, 'tests', 'contract', 'support'));
  const entry = join(dir, 'dist', 'cli', 'main.mjs');
  await build({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: entry,
    logLevel: 'error',
    plugins: [swapCatalog(module)],
  });
  return entry;
}

/** The catalog module as written, but for its list of endpoints, which becomes the synthetic ones. */
function swapCatalog(module: string): Plugin {
  return {
    name: 'synthetic-catalog',
    setup(bundle) {
      bundle.onLoad({ filter: /[\\/]src[\\/]catalog[\\/]catalog\.ts$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        const list = /export const catalog: readonly Endpoint\[\] = \[[^\]]*\];/;
        if (!list.test(text))
          throw new Error(
            `bench: ${args.path} no longer declares its catalog as one list; adjust bench/synthetic-cli.ts`,
          );
        return {
          contents: text.replace(
            list,
            `import { synthetic } from ${JSON.stringify(module)};\nexport const catalog: readonly Endpoint[] = synthetic;`,
          ),
          loader: 'ts',
        };
      });
    },
  };
}
