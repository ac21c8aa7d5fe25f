// Messages against what the pages print: any printed variant passes, a code no page prints a message for is named. Pure.

import type { Case, ResponseShape } from '../catalog/index.ts';
import { normaliseMessage, type CompiledContract } from './compile-contract.ts';
import { isObject } from '../is-object.ts';
import type { Finding } from '../verdict/index.ts';

/** Message findings, and what could not be checked because no page prints it (the verdict lists those). */
export interface MessageCheck {
  readonly findings: Finding[];
  readonly unpinned: string[];
}

/**
 * Checks each message the answer carries. With a case, only where the answer has the code the case expects (a wrong
 * code is already a finding); without one (saved examples), every code the answer carries.
 */
export function checkMessages(
  contract: CompiledContract,
  shape: ResponseShape,
  body: unknown,
  testCase?: Pick<Case, 'expect' | 'messageNotPrinted'>,
): MessageCheck {
  const result: MessageCheck = { findings: [], unpinned: [] };
  // A plain object, a read's records and a 204 carry no code, so no message either.
  if (!isObject(body) || shape === 'object' || shape === 'list' || shape === 'empty') return result;
  const expect = testCase?.expect;
  if (shape === 'error') {
    const code = typeof body['code'] === 'string' ? body['code'] : '';
    // A case that pins one of its code's variants checks it itself (judgeResponse), more narrowly than any printed one.
    if (expect && (expect.shape !== 'error' || expect.code !== code || expect.message !== undefined)) return result;
    check(
      result,
      contract.errorMessages.get(code),
      code,
      body['message'],
      '/message',
      testCase?.messageNotPrinted?.[code],
    );
    return result;
  }
  const entries = Array.isArray(body['data']) ? body['data'] : [];
  entries.forEach((entry: unknown, i) => {
    if (!isObject(entry) || typeof entry['code'] !== 'string') return;
    const code = entry['code'];
    if (expect && (expect.shape !== 'records' || expect.codes[i] !== code)) return;
    check(
      result,
      contract.recordMessages.get(code),
      code,
      entry['message'],
      `/data/${i}/message`,
      testCase?.messageNotPrinted?.[code],
    );
  });
  return result;
}

function check(
  result: MessageCheck,
  printed: readonly string[] | undefined,
  code: string,
  message: unknown,
  path: string,
  notPrinted: string | undefined,
): void {
  // No colon right after the code: the report writer's redaction reads `TOKEN: x` as a secret key and its value.
  const note = notPrinted
    ? `message of ${code} not checked (${notPrinted})`
    : printed
      ? undefined
      : `message of ${code} not checked (no page prints one)`;
  if (note) {
    if (!result.unpinned.includes(note)) result.unpinned.push(note);
    return;
  }
  if (!printed || (typeof message === 'string' && printed.includes(normaliseMessage(message)))) return;
  const expected = printed.map((m) => JSON.stringify(m)).join(' or ');
  result.findings.push({
    kind: 'message',
    path,
    message: `${path}: expected the printed message of ${code} (${expected}), got ${JSON.stringify(message)}`,
    expected,
    got: typeof message === 'string' ? message : (JSON.stringify(message) ?? 'none'),
  });
}
