// Timing helpers for the benchmark: repeat a measurement and keep min / median / max.

import { spawn } from 'node:child_process';

/** min, median and max of a measurement repeated `times` times. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** min / median / max of some measurements. */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((x, y) => x - y);
  return { min: sorted[0] ?? 0, median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
}

/**
 * A measured run that did not pass: the bench is void, as a time taken over failures (or a crash) says nothing about
 * the harness. The message names the side and the exit code, and ends with the run's last output.
 */
export class BenchVoid extends Error {
  constructor(side: string, code: number | null, output: string) {
    const tail = output.trim().split('\n').slice(-3).join(' | ');
    super(
      `${side} did not pass (exit ${code ?? 'by signal'}): only passing runs are timed${tail ? `; its last output: ${tail}` : ''}`,
    );
  }
}

/** Wall-clock milliseconds of a child process that exits 0; any other exit voids the bench (BenchVoid). */
export function timeProcess(
  side: string,
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    // Both streams, kept short: the reason a run failed is at its end (newman and the CLI print failures on stdout).
    const keep = (d: Buffer): void => void (output = (output + d.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new BenchVoid(side, code, output)),
    );
  });
}

/** Runs a child process and returns its stdout (for children that report a measurement as JSON). */
export function outputOf(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}`))));
  });
}
