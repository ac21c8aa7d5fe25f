// Provides the target and a verdict service to every worker: the CLI's when it started them, else the embedded mock and
// a service of this process (a bare `vitest --project contract`).

import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Target } from '../../../src/harness/index.ts';
import { defaultRunOptions } from './run-options.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const options = project.getProvidedContext().contractRun ?? defaultRunOptions;
  project.provide('contractRun', options);
  if (options.target && options.serviceUrl) {
    project.provide('target', options.target);
    project.provide('verdictService', options.serviceUrl);
    return undefined;
  }
  // Loaded only here: a CLI run (the common case) needs none of them in vitest's process.
  const [{ mockTarget }, { startServiceFor }, { startMock }] = await Promise.all([
    import('../../../src/harness/index.ts'),
    import('../../../src/cli/verdict-thread.ts'),
    import('../../../src/mock/index.ts'),
  ]);
  const mock = options.target ? undefined : await startMock();
  const target: Target = options.target ?? mockTarget(mock ?? { url: '', variables: {} });
  // The same service the CLI runs on its thread, here in this process; no prefetch: each harness file asks for its own.
  const { recordDir, concurrency, timeoutMs, sandboxTests } = options;
  const service = await startServiceFor({ root: join(import.meta.dirname, '..', '..', '..'), target, concurrency, timeoutMs, sandboxTests, ...(recordDir ? { recordDir } : {}), prefetch: [] });
  project.provide('target', target);
  project.provide('verdictService', service.url);
  return async () => {
    await service.close();
    await mock?.close();
  };
}
