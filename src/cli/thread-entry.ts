// The CLI's entry file, which the run's verdict thread is started from: src/run is given it, and never names the CLI.

/** This bundle when bundled (dist/cli/main.mjs), else main.ts beside this file (run from source under tsx). */
export function threadEntry(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./main.ts', import.meta.url) : new URL(import.meta.url);
}
