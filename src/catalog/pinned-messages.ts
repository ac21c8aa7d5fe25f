// The printed messages a case holds an answer's code to: what a verdict checks, what coverage counts and what the
// page tests look up. Pure.

import type { Case, Endpoint, PrintedMessage } from './types.ts';

/**
 * The messages a case accepts for one code of its answer: the one it pins itself (`expect.message`, cited by the
 * case's own doc), else every variant the endpoint's pages print for that code and envelope. None when no page prints
 * one, when the case excuses it (`messageNotPrinted`), or for a plain-object answer, which carries no message.
 */
export function pinnedMessages(endpoint: Endpoint, testCase: Case, code: string): readonly PrintedMessage[] {
  if (testCase.messageNotPrinted?.[code] !== undefined) return [];
  const expect = testCase.expect;
  if (expect.shape === 'records') return expect.codes.includes(code) ? (endpoint.messages?.records[code] ?? []) : [];
  if (expect.shape !== 'error' || expect.code !== code) return [];
  if (expect.message !== undefined) return [{ text: expect.message, source: testCase.doc }];
  return endpoint.messages?.errors[code] ?? [];
}
