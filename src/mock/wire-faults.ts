// Faults below the API: what a broken network, proxy or server does to the bytes. Chosen by the X-Mock-Fault header.

import type { IncomingMessage, ServerResponse } from 'node:http';

const HUGE_BYTES = 5 * 1024 * 1024;
/** How long a "hang" or "slow-body" keeps the client waiting before the mock gives up on its own. */
const GIVE_UP_MS = 20_000;
/** How long the slow body takes in all. */
const SLOW_BODY_MS = 4_000;

/** The wire faults the mock can play, each a realistic way for a target to misbehave. */
export const WIRE_FAULTS = [
  'drop',
  'hang',
  'reset-mid-body',
  'slow-body',
  'html-500',
  'truncated-json',
  'empty-200',
  'huge-body',
  'redirect-loop',
  'wrong-content-type',
] as const;

export type WireFault = (typeof WIRE_FAULTS)[number];

/** True when the header names a wire fault (the API-level ones, internal-error and rate-limit, are routed). */
export function isWireFault(fault: string | undefined): fault is WireFault {
  return (WIRE_FAULTS as readonly string[]).includes(fault ?? '');
}

/** Plays a wire fault on the response; every one ends by itself, bounded in time and bytes. */
export function playWireFault(fault: WireFault, req: IncomingMessage, res: ServerResponse): void {
  const timer = (ms: number, fn: () => void): void => void setTimeout(fn, ms).unref();
  switch (fault) {
    case 'drop':
      return void req.socket.destroy();
    case 'hang':
      return timer(GIVE_UP_MS, () => req.socket.destroy());
    case 'reset-mid-body':
      res.writeHead(200, { 'Content-Type': 'application/json;charset=utf-8', 'Content-Length': '4096' });
      res.write('{"data":[{"code":"SUCCESS","details":{');
      return timer(50, () => req.socket.destroy());
    case 'slow-body':
      return trickle(res);
    case 'html-500':
      res.writeHead(500, { 'Content-Type': 'text/html' });
      return void res.end(
        '<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>',
      );
    case 'truncated-json':
      res.writeHead(200, { 'Content-Type': 'application/json;charset=utf-8' });
      return void res.end('{"data":[{"code":"SUCCESS","details":{"id":"365239700');
    case 'empty-200':
      res.writeHead(200, { 'Content-Type': 'application/json;charset=utf-8', 'Content-Length': '0' });
      return void res.end();
    case 'huge-body':
      res.writeHead(200, { 'Content-Type': 'application/json;charset=utf-8' });
      return void res.end(`{"data":[],"padding":"${'x'.repeat(HUGE_BYTES)}"}`);
    case 'redirect-loop':
      res.writeHead(302, { Location: req.url ?? '/' });
      return void res.end();
    case 'wrong-content-type':
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return void res.end('{"data":[{"code":"SUCCESS","details":{},"message":"record updated","status":"success"}]}');
  }
}

/** A valid answer sent a few bytes every 200 ms for about 4 s: never idle, always late. */
function trickle(res: ServerResponse): void {
  const chunks = [
    ...('{"data":[{"code":"SUCCESS","details":{},"message":"record updated","status":"success"}]}'.match(/.{1,5}/g) ??
      []),
  ];
  res.writeHead(200, { 'Content-Type': 'application/json;charset=utf-8' });
  const interval = Math.max(1, Math.floor(SLOW_BODY_MS / Math.max(1, chunks.length)));
  const next = (): void => {
    const chunk = chunks.shift();
    if (chunk === undefined || res.destroyed) return void res.end();
    res.write(chunk);
    setTimeout(next, interval).unref();
  };
  next();
}
