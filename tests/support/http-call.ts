// A small loopback HTTP client for mock tests: any method (COPY too), raw or JSON bodies, parsed answers.

import { request } from 'node:http';

export interface CallResult {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The parsed body (undefined when not JSON); assert on it with toMatchObject/toEqual. */
  readonly json: unknown;
}

/** Sends one request to `base + path` and resolves with the whole answer. */
export function call(
  base: string,
  method: string,
  path: string,
  options: {
    token?: string;
    authorization?: string;
    body?: unknown;
    raw?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<CallResult> {
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['Authorization'] = `Zoho-oauthtoken ${options.token}`;
  if (options.authorization) headers['Authorization'] = options.authorization;
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}
