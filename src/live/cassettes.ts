// Record and replay: every exchange of a run saved (redacted) as a cassette, and a loopback server that plays them back.

import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors.ts';
import { startLoopbackServer } from '../loopback-server.ts';
import { redactHeaders, redactText } from '../redact.ts';
import { REPLAY_CASE_HEADER } from '../verdict/index.ts';

/** One recorded exchange, as written to `cassettes/<key>.json`. */
export interface Cassette {
  readonly key: string;
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: string;
  };
  readonly response: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
  };
}

/** Writes one cassette, every secret redacted. */
export async function writeCassette(dir: string, cassette: Cassette, secrets: readonly string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const safe: Cassette = {
    key: cassette.key,
    request: {
      ...cassette.request,
      url: redactText(cassette.request.url, secrets),
      headers: redactHeaders(cassette.request.headers, secrets),
      ...(cassette.request.body === undefined ? {} : { body: redactText(cassette.request.body, secrets) }),
    },
    response: {
      status: cassette.response.status,
      headers: redactHeaders(cassette.response.headers, secrets),
      body: redactText(cassette.response.body, secrets),
    },
  };
  await writeFile(join(dir, `${cassette.key.replace(/\//g, '__')}.json`), `${JSON.stringify(safe, null, 2)}\n`);
}

/** A loopback server answering each request with the recording of the case it names. */
export async function startReplayServer(
  dir: string,
): Promise<{ url: string; keys: string[]; close: () => Promise<void> }> {
  const names = await readdir(dir).catch((error: unknown) => {
    throw new ConfigError(`cassette folder ${dir} cannot be read`, 'give the cassettes/ folder of a --record run', {
      cause: error,
    });
  });
  const cassettes = new Map<string, Cassette>();
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const cassette = JSON.parse(await readFile(join(dir, name), 'utf8')) as Cassette;
    if (typeof cassette.key === 'string' && typeof cassette.response?.status === 'number')
      cassettes.set(cassette.key, cassette);
  }
  if (cassettes.size === 0)
    throw new ConfigError(`no cassettes in ${dir}`, 'record some first: npm run contract -- --target live --record');
  const server = await startLoopbackServer((req, res) => {
    req.resume();
    const key = req.headers[REPLAY_CASE_HEADER.toLowerCase()];
    const cassette = typeof key === 'string' ? cassettes.get(key) : undefined;
    if (!cassette)
      return void res
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end('{"code":"NO_RECORDING","details":{},"message":"no recorded exchange","status":"error"}');
    const headers = Object.fromEntries(
      Object.entries(cassette.response.headers).filter(
        ([k]) => !/^(content-length|transfer-encoding|connection|keep-alive)$/i.test(k),
      ),
    );
    res.writeHead(cassette.response.status, headers).end(cassette.response.body);
  });
  return { url: server.url, keys: [...cassettes.keys()], close: server.close };
}

/** What a --record run writes for every final exchange: one redacted cassette per case key. */
export function cassetteRecorder(dir: string, secrets: readonly string[]) {
  return (
    key: string,
    e: {
      method: string;
      url: string;
      requestHeaders: Record<string, string>;
      requestBody?: string;
      response?: { status: number; headers: Record<string, string>; body: string };
    },
  ): Promise<void> =>
    writeCassette(
      dir,
      {
        key,
        request: {
          method: e.method,
          url: e.url,
          headers: e.requestHeaders,
          ...(e.requestBody === undefined ? {} : { body: e.requestBody }),
        },
        response: { status: e.response?.status ?? 0, headers: e.response?.headers ?? {}, body: e.response?.body ?? '' },
      },
      secrets,
    );
}
