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
  const [{ mockTarget, startVerdictService }, { cassetteRecorder }, { startMock }] = await Promise.all([
    import('../../../src/harness/index.ts'),
    import('../../../src/live/index.ts'),
    import('../../../src/mock/index.ts'),
  ]);
  const mock = options.target ? undefined : await startMock();
  const target: Target = options.target ?? mockTarget(mock ?? { url: '', variables: {} });
  const service = await startVerdictService({
    root: join(import.meta.dirname, '..', '..', '..'), target, concurrency: options.concurrency, timeoutMs: options.timeoutMs, sandboxTests: options.sandboxTests,
    ...(options.recordDir ? { onExchange: cassetteRecorder(options.recordDir, target.secrets) } : {}),
  });
  project.provide('target', target);
  project.provide('verdictService', service.url);
  return async () => {
    await service.close();
    await mock?.close();
  };
}
