/**
 * Process plumbing shared by the bench scripts (scripts/bench.ts, scripts/bench-rules.ts):
 * the peak-RSS sampler, spawning one child process per measurement and reading
 * its result line, medians and plain-text tables.
 */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RESULT_TAG = 'BENCH_RESULT ';
export const MB = 1024 * 1024;
export const round1 = (x: number) => Math.round(x * 10) / 10;

export interface RssSampler {
  /** Starts a new window: windowPeakMB() reports the peak since this call. */
  markWindow: () => void;
  windowPeakMB: () => number;
  /** Stops sampling; the peak RSS since the sampler started, in MB. */
  stop: () => Promise<number>;
}

/**
 * Samples process RSS every intervalMs from a worker thread, so it keeps
 * sampling while the main thread is busy in synchronous code (runKql). Peaks
 * are kept in KB in shared memory: [0] since start, [1] since markWindow().
 */
export function startRssSampler(intervalMs = 5): RssSampler {
  const shared = new SharedArrayBuffer(12);
  const peaks = new Int32Array(shared, 0, 2);
  const flags = new Int32Array(shared, 8, 1);
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peaks = new Int32Array(workerData.shared, 0, 2);
     const flags = new Int32Array(workerData.shared, 8, 1);
     const tick = () => {
       const kb = Math.round(process.memoryUsage.rss() / 1024);
       if (kb > Atomics.load(peaks, 0)) Atomics.store(peaks, 0, kb);
       if (kb > Atomics.load(peaks, 1)) Atomics.store(peaks, 1, kb);
       if (Atomics.load(flags, 0) === 1) { Atomics.store(flags, 0, 2); return; }
       setTimeout(tick, ${intervalMs});
     };
     tick();`,
    { eval: true, workerData: { shared } },
  );
  const nowKB = () => Math.round(process.memoryUsage.rss() / 1024);
  return {
    markWindow: () => Atomics.store(peaks, 1, nowKB()),
    windowPeakMB: () => round1(Math.max(Atomics.load(peaks, 1), nowKB()) / 1024),
    stop: async () => {
      Atomics.store(flags, 0, 1);
      await new Promise<void>((res) => worker.once('exit', () => res()));
      return round1(Math.max(Atomics.load(peaks, 0), nowKB()) / 1024);
    },
  };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Forces a full GC twice (the child runs with --expose-gc). */
/** The fields every bench child reports about its timed runs (ms, rounded). */
export function runTimes(runMs: readonly number[]): { runMs: number[]; medianMs: number; minMs: number; maxMs: number } {
  return {
    runMs: runMs.map((x) => Math.round(x)),
    medianMs: Math.round(median(runMs)),
    minMs: Math.round(Math.min(...runMs)),
    maxMs: Math.round(Math.max(...runMs)),
  };
}

export function fullGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('bench child needs --expose-gc');
  gc();
  gc();
}

/** Writes the child's result line on stdout (read by runChild). */
export function reportResult(result: unknown): void {
  process.stdout.write(`${RESULT_TAG}${JSON.stringify(result)}\n`);
}

/**
 * Runs `node --expose-gc --max-old-space-size=N --import tsx <script> <args>`
 * from the repo root (so tsx resolves from this repo) and returns the JSON of
 * its BENCH_RESULT line. Its stderr (progress) passes through; other stdout
 * lines are printed with the label.
 */
export function runChild<T>(script: string, args: readonly string[], label: string, maxOldSpaceMB: number): Promise<T> {
  const nodeArgs = ['--expose-gc', `--max-old-space-size=${maxOldSpaceMB}`, '--import', 'tsx', script, ...args];
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, nodeArgs, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.on('error', rej);
    child.on('exit', (code, signal) => {
      const lines = stdout.split('\n');
      const line = lines.find((l) => l.startsWith(RESULT_TAG));
      const other = lines.filter((l) => l && !l.startsWith(RESULT_TAG));
      if (other.length) process.stdout.write(other.map((l) => `[${label}] ${l}\n`).join(''));
      if (code !== 0 || !line) rej(new Error(`bench child ${label} failed (exit ${code}${signal ? `, signal ${signal}` : ''})`));
      else res(JSON.parse(line.slice(RESULT_TAG.length)) as T);
    });
  });
}

/** A plain-text table; columns listed in `left` are left-aligned, the rest right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], left: readonly number[] = [0]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: readonly string[]) =>
    cells.map((c, i) => (left.includes(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [fmt(header), ...rows.map(fmt)].join('\n');
}

export function timestampForFile(d = new Date()): string {
  return d.toISOString().replace(/[:.]/g, '-');
}
