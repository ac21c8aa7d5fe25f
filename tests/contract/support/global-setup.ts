// A bare `vitest --project contract`: starts the embedded mock (unless a target is provided) and a verdict service in
// this process, and provides both to every worker. The CLI does not load this file: it provides its own thread's.

import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { mockTarget, startVerdictService, type Target } from '../../../src/harness/index.ts';
import { startMock } from '../../../src/mock/index.ts';
import { defaultRunOptions } from './run-options.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const options = project.getProvidedContext().contractRun ?? defaultRunOptions;
  const mock = options.target ? undefined : await startMock();
  const target: Target = options.target ?? mockTarget(mock ?? { url: '', variables: {} });
  // The same service the CLI runs on its thread, here in this process; no prefetch: each harness file asks for its own.
  const { recordDir, concurrency, timeoutMs, sandboxTests } = options;
  const service = await startVerdictService({
    root: join(import.meta.dirname, '..', '..', '..'),
    target,
    concurrency,
    timeoutMs,
    sandboxTests,
    ...(recordDir ? { recordDir } : {}),
  });
  project.provide('target', target);
  project.provide('verdictService', service.url);
  return async () => {
    await service.close();
    await mock?.close();
  };
}
