// The module a live verdict names where the case's path gives it by a run variable (the org's lockable custom
// module, `{{locking_custom_module}}`): the value the run gave that variable. Pure.

import type { Case } from '../catalog/index.ts';
import type { Verdict } from '../verdict/index.ts';
import type { Target } from './target.ts';

/** A verdict whose request names its module by a run variable (the org's lockable custom module) carries its value. */
export function withModuleVariable(verdict: Verdict, testCase: Case, target: Target): Verdict {
  if (verdict.module) return verdict;
  const variable = /^\/\w+\/\{version\}\/\{\{([A-Za-z0-9_]+)\}\}/.exec(testCase.request.path)?.[1];
  const module = variable ? target.variables[variable] : undefined;
  return module ? { ...verdict, module } : verdict;
}
