// A case's contract: its endpoint's, plus the echo rules the case adds (what its own request and fixtures decide, e.g.
// Upsert's `update` for the record its fixture holds). Compiled once per case, kept for the life of the catalog object.

import type { Case, Endpoint } from '../catalog/index.ts';
import { compileContract, compileEcho, type CompiledContract, type CompiledEcho } from './compile-contract.ts';

const cache = new WeakMap<Case, CompiledContract>();

/** The endpoint's compiled contract when the case adds no rule; else that contract with the case's rules appended. */
export function caseContract(endpoint: Endpoint, testCase: Case): CompiledContract {
  const base = compileContract(endpoint);
  if (!testCase.echoes?.length) return base;
  const known = cache.get(testCase);
  if (known) return known;
  const added = testCase.echoes.map(compileEcho);
  const merged = (
    map: ReadonlyMap<string, readonly CompiledEcho[]>,
    shape: 'records' | 'error',
  ): Map<string, readonly CompiledEcho[]> => {
    const out = new Map(map);
    for (const echo of added.filter((e) => e.rule.shape === shape))
      for (const code of echo.rule.codes) out.set(code, [...(out.get(code) ?? []), echo]);
    return out;
  };
  const compiled: CompiledContract = {
    ...base,
    recordEchoes: merged(base.recordEchoes, 'records'),
    errorEchoes: merged(base.errorEchoes, 'error'),
    objectEchoes: [...base.objectEchoes, ...added.filter((e) => e.rule.shape === 'object')],
  };
  cache.set(testCase, compiled);
  return compiled;
}
