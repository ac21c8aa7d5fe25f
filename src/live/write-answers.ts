// The answers of the record writes live mode makes itself (fixture inserts, locks, deletes), narrowed once: each
// `data[]` entry's status, code, id, message and the field it names, and one line that says what came back. Pure.

import { answerCode, type OrgAnswer } from './org-client.ts';

/** One entry of a record-write answer, as far as a fixture needs it; `httpStatus` is the answer's. */
export interface WriteEntry {
  readonly status: string;
  readonly code: string;
  readonly id?: string;
  readonly message?: string;
  /** details.api_name: the field an INVALID_DATA or MANDATORY_NOT_FOUND is about. */
  readonly field?: string;
  readonly httpStatus?: number;
}

/** `HTTP 500 INTERNAL_ERROR "internal server error"`. */
export function described(entry: WriteEntry): string {
  const status = entry.httpStatus === undefined ? '' : `HTTP ${entry.httpStatus} `;
  return `${status}${entry.code || 'no code'}${entry.message ? ` ${JSON.stringify(entry.message)}` : ''}`;
}

/** An answer without entries (a top-level error, a body that is not Zoho's) read as one entry. */
export function topLevel(answer: OrgAnswer): WriteEntry {
  const body = typeof answer.body === 'object' && answer.body !== null ? (answer.body as Record<string, unknown>) : {};
  const message = typeof body['message'] === 'string' ? body['message'] : undefined;
  return {
    status: 'error',
    code: answerCode(answer),
    httpStatus: answer.status,
    ...(message ? { message } : {}),
  };
}

/** The `data[]` entries of a record-write answer, narrowed to status, id, code, message and the field named. */
export function entries(answer: OrgAnswer): WriteEntry[] {
  const data =
    typeof answer.body === 'object' && answer.body !== null
      ? (answer.body as Record<string, unknown>)['data']
      : undefined;
  if (!Array.isArray(data)) return [];
  return data.map((entry: unknown) => {
    const e = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const details =
      typeof e['details'] === 'object' && e['details'] !== null ? (e['details'] as Record<string, unknown>) : {};
    return {
      status: String(e['status'] ?? ''),
      code: String(e['code'] ?? ''),
      httpStatus: answer.status,
      ...(typeof details['id'] === 'string' ? { id: details['id'] } : {}),
      ...(typeof e['message'] === 'string' ? { message: e['message'] } : {}),
      ...(typeof details['api_name'] === 'string' ? { field: details['api_name'] } : {}),
    };
  });
}
