// Starts the embedded mock once per contract run (unless another target was given) and provides the target to every worker.

import type { TestProject } from 'vitest/node';
import { SECRET_VARIABLES } from '../../../src/harness/index.ts';
import { startMock } from '../../../src/mock/index.ts';
import { defaultRunOptions } from './run-options.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const options = project.getProvidedContext().contractRun ?? defaultRunOptions;
  project.provide('contractRun', options);
  if (options.target) {
    project.provide('target', options.target);
    return undefined;
  }
  const mock = await startMock();
  const secrets = SECRET_VARIABLES.map((name) => mock.variables[name])
    .filter((v): v is string => v !== undefined);
  project.provide('target', { kind: 'mock', name: 'mock', apiDomain: mock.url, variables: { ...mock.variables }, secrets });
  return () => mock.close();
}
