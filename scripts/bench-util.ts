/**
 * Small helpers shared by the bench sections: medians with their spread, text tables, child processes that
 * print a "ready" line, RSS of a process, free loopback ports in the bench range (4400-4499).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';

export interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function stat(xs: readonly number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  const mid =
    s.length % 2 === 1
      ? (s[(s.length - 1) / 2] ?? NaN)
      : ((s[s.length / 2 - 1] ?? NaN) + (s[s.length / 2] ?? NaN)) / 2;
  return { median: mid, min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, n: s.length };
}

export function median(xs: readonly number[]): number {
  return stat(xs).median;
}

/** `1.23 s (1.20-1.31, N=3)`: the median and the range of the runs, so the reader sees the noise. */
export function fmtSeconds(ms: Stat): string {
  return `${(ms.median / 1000).toFixed(2)} s (${(ms.min / 1000).toFixed(2)}-${(ms.max / 1000).toFixed(2)}, N=${ms.n})`;
}

export function fmtMs(ms: Stat, digits = 1): string {
  return `${ms.median.toFixed(digits)} ms (${ms.min.toFixed(digits)}-${ms.max.toFixed(digits)}, N=${ms.n})`;
}

export function ratio(a: number, b: number, digits = 2): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return 'n/a';
  return `${(a / b).toFixed(digits)}x`;
}

/** A left-aligned first column, right-aligned figures. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '))
    .join('\n');
}

export async function timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Runs `fn` `runs` times (after `warmups` unmeasured runs) and returns the durations. */
export async function repeat(runs: number, fn: () => Promise<unknown>, warmups = 0): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < warmups + runs; i++) {
    const { ms } = await timeIt(fn);
    if (i >= warmups) out.push(ms);
  }
  return out;
}

/** What a function measured by `interleaved` may resolve to when it times itself (e.g. inside a page). */
export interface SelfTimed {
  selfTimedMs: number;
}

function isSelfTimed(x: unknown): x is SelfTimed {
  return typeof x === 'object' && x !== null && typeof (x as SelfTimed).selfTimedMs === 'number';
}

/**
 * Runs every function once per round, `rounds` times after `warmups` rounds, starting each round with the
 * next function in turn (a, b, c / b, c, a / ...), so that a drift in the machine's load falls on all of
 * them alike. Returns the times per function, in round order: `result[f][round]` (a function that
 * resolves to `SelfTimed` gives its own time instead of the wall time around it).
 */
export async function interleaved(
  rounds: number,
  fns: readonly (() => Promise<unknown>)[],
  warmups = 0,
): Promise<number[][]> {
  const out = fns.map(() => [] as number[]);
  for (let r = 0; r < warmups + rounds; r++) {
    for (let k = 0; k < fns.length; k++) {
      const f = (r + k) % fns.length;
      const { ms, value } = await timeIt(fns[f]!);
      if (r >= warmups) out[f]!.push(isSelfTimed(value) ? value.selfTimedMs : ms);
    }
  }
  return out;
}

/** The median of the per-round ratios a[i] / b[i] (both measured in the same round). */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((x, i) => x / (b[i] ?? NaN)));
}

/** One line about the machine, printed once: the reader judges the figures by it. */
export function machineLine(): string {
  const [l1, l5] = os.loadavg();
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load average ${l1?.toFixed(2)} / ${l5?.toFixed(2)} (1/5 min)`;
}

/** The first port from `from` up to 4499 that nothing listens on (127.0.0.1). */
export async function freePort(from = 4400): Promise<number> {
  for (let port = from; port <= 4499; port++) {
    const ok = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error('no free port in 4400-4499');
}

export interface Child {
  proc: ChildProcess;
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `node --import tsx <script> ...args` (so the pid is the server itself, not a tsx wrapper) and
 * resolves when a line of its stdout matches `ready`. Rejects with its output if it exits first or times out.
 */
/** The V8 flag `npm start` gives the proxy (package.json; why: src/server/main.ts), for the bench's proxies. */
export const PROXY_NODE_FLAGS: readonly string[] = ['--initial-heap-size=64'];

export function startNodeChild(
  script: string,
  args: readonly string[],
  ready: RegExp,
  opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string; nodeFlags?: readonly string[] } = {},
): Promise<Child> {
  const proc = spawn(process.execPath, [...(opts.nodeFlags ?? []), '--import', 'tsx', script, ...args], {
    cwd: opts.cwd ?? process.cwd(),
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      proc.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not get ready in time:\n${out}`));
    }, opts.timeoutMs ?? 120_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve({ proc, pid: proc.pid ?? -1, output: () => out, stop });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready:\n${out}`));
    });
  });
}

/** Runs a command to completion; resolves with its duration, exit code and output. */
export function runCommand(
  cmd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const proc = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.once('error', reject);
    proc.once('exit', (code) => resolve({ ms: performance.now() - t0, code, stdout, stderr }));
  });
}

/** Runs `fn` over `items` with at most `limit` in flight; results in input order. */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
