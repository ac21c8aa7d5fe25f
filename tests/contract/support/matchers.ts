// `expect(verdict).toHoldContract()`: passes on a passing verdict, fails with the verdict's one-line reason.

import { expect } from 'vitest';
import type { Verdict } from '../../../src/verdict/index.ts';

interface ContractMatchers<R = unknown> {
  /** Passes when the verdict is `pass`; fails with its one-line reason and findings. */
  toHoldContract(): R;
}

declare module 'vitest' {
  // vitest's Assertion<T> extends Matchers<T>: this merge adds toHoldContract to every expect().
  interface Matchers<T> extends ContractMatchers<T> {}
}

expect.extend({
  toHoldContract(received: Verdict) {
    const pass = received.outcome === 'pass';
    const prefix = received.outcome === 'error' ? 'could not check' : 'contract broken';
    const expected = received.expected;
    // The message stays one line (JUnit's failure message); expected vs actual and every finding go in the diff (its body).
    return {
      pass,
      message: () => (pass ? `${received.caseName} held its contract` : `${prefix}: ${received.reason}`),
      expected: {
        status: expected.status,
        shape: expected.shape,
        codes: expected.shape === 'records' ? expected.codes : expected.shape === 'error' ? [expected.code] : [],
      },
      actual: {
        status: received.actual?.status,
        shape: received.actual?.shape,
        codes: received.actual?.codes,
        findings: received.findings.map((f) => `${f.kind}${f.path ? ` ${f.path}` : ''}: ${f.message}`),
      },
    };
  },
});
