/**
 * Limits of one run: the most rows an operator may produce (`maxRows`), the most rows the result may
 * have (`maxResultRows`), the estimated bytes the run may hold (`maxMemoryBytes`) and the result may have
 * (`maxResultBytes`), a deadline (`timeoutMs`) and cancellation (an AbortSignal, runKqlAsync only).
 *
 * Besides resolveNow (exec-context.ts), this is the only module that reads the wall clock. Operators
 * call `guard.tick(units)` in their long loops: a counter, with the clock and the signal read only once
 * every CHECK_EVERY units, so the cost per row is one subtraction and one comparison.
 */
import { KqlRuntimeError, ErrorCodes } from '../errors/index.js';
import type { Span } from '../errors/span.js';

/** The default of `maxRows`: rows any single operator (join, mv-expand, union, range, ...) may produce. */
export const DEFAULT_MAX_ROWS = 10_000_000;
/** The default of `maxResultRows`: rows the query's result may have (Kusto truncates at 500,000). */
export const DEFAULT_MAX_RESULT_ROWS = 500_000;
/** The default of `maxMemoryBytes`: the estimated bytes one run may hold (1 GiB, well under Node's default heap). */
export const DEFAULT_MAX_MEMORY_BYTES = 1024 * 1024 * 1024;
/** The default of `maxResultBytes`: the estimated size of the result (64 MiB, Kusto's truncation size). */
export const DEFAULT_MAX_RESULT_BYTES = 64 * 1024 * 1024;

/**
 * The size model of the memory budget (docs/reliability.md, "Memory budget"): cheap estimates, never a
 * walk over a value per row. A row is an array: ROW_BYTES plus CELL_BYTES per cell (a pointer each; the
 * values it points to are counted where they are built). A string is STRING_BYTES plus 2 bytes per char.
 */
export const ROW_BYTES = 48;
export const CELL_BYTES = 8;
export const STRING_BYTES = 16;
/** One entry of a hash table or set (join's index, distinct's keys, a summarize group's slot): a Map entry, its key and the table's growth slack. */
export const INDEX_ENTRY_BYTES = 64;
/** A built string or array shorter than this is not charged on its own (its row's cell covers the pointer). */
export const BIG_VALUE = 1024;

/** A small object with a few fields (a summarize group). */
export const GROUP_OBJECT_BYTES = 32;
/** An aggregate's accumulator object (its state beyond that is counted when its result is built). */
export const ACCUMULATOR_BYTES = 128;

/**
 * The estimated bytes of a value held by a cell, without walking it: a string by its length, an array by
 * its length (8 bytes per element, plus 16 per element for what it holds, unseen), an object by its number
 * of keys (the same per entry, plus the key). Small values (a number, a short string) count as nothing
 * beyond their cell.
 */
export function dynamicBytes(v: unknown): number {
  if (typeof v === 'string') return v.length < BIG_VALUE ? 0 : STRING_BYTES + 2 * v.length;
  if (v === null || typeof v !== 'object') return 0;
  if (Array.isArray(v)) return ROW_BYTES + 24 * v.length;
  let n = 0;
  for (const _ in v) n++;
  return ROW_BYTES + 48 * n;
}

/** A string built by a function (strcat, strrep, ...): charged to the run when it is big (O(1)), and returned. */
export function builtString(s: string, ctx: { guard?: { allocated(bytes: number, fn: string): void } }, fn: string): string {
  if (s.length >= BIG_VALUE) ctx.guard?.allocated(STRING_BYTES + 2 * s.length, fn);
  return s;
}

/** The estimated bytes of one row of `width` cells. */
export function rowBytes(width: number): number {
  return ROW_BYTES + CELL_BYTES * width;
}

/** Work units between two reads of the clock (and of the abort signal). */
export const CHECK_EVERY = 1024;
/** runKqlAsync gives the event loop a turn at least this often (ms of work between yields). */
export const YIELD_EVERY_MS = 10;

export interface RunLimitOptions {
  /** The most rows any single operator may produce (default 10,000,000). */
  maxRows?: number;
  /** The most rows the result may have (default 500,000); more is a RUN_LIMIT_EXCEEDED error, never a silent truncation. */
  maxResultRows?: number;
  /**
   * The most bytes (estimated) the run may hold in the rows, groups, hash tables, strings and arrays its
   * operators build (default 1 GiB); more is a RUN_MEMORY_LIMIT error naming the operator.
   */
  maxMemoryBytes?: number;
  /** The largest estimated size of the result in bytes (default 64 MiB); more is a RUN_LIMIT_EXCEEDED error, never a silent truncation. */
  maxResultBytes?: number;
  /** Stop with RUN_TIMEOUT once the run has taken this many milliseconds (default: no deadline). */
  timeoutMs?: number;
}

function clock(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** Bytes in binary units: 1 GiB, 1.5 MiB, 900 bytes. */
export function fmtBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let u = 0;
  let v = n;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  if (u === 0) return `${fmt(Math.round(n))} bytes`;
  const text = Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1);
  return `${text} ${units[u]}`;
}

function positiveOption(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_OPTION, `options.${name} must be a non-negative number, not ${String(value)}`);
  }
  return value;
}

/** The operator running now, for the message of a timeout or cancellation. */
export interface RunningOperator {
  name: string;
  span: Span;
}

/** Per-run limit state: created once per runKql / runKqlAsync call, never shared between runs. */
export class RunGuard {
  readonly maxRows: number;
  readonly maxResultRows: number;
  readonly timeoutMs: number | undefined;
  readonly maxMemoryBytes: number;
  readonly maxResultBytes: number;
  /**
   * The run's estimated bytes held (a plain field: `charge` adds to it). Charges are credited back only
   * where an operator's own temporary structures die with its run (join's hash index); everything else
   * stays charged for the rest of the run, an overestimate that can only make the error come earlier.
   */
  memory = 0;
  /** Set by the pipeline around each operator run (a plain field: one assignment per operator run). */
  current: RunningOperator | undefined;
  private readonly deadline: number;
  private readonly signal: AbortSignal | undefined;
  private budget = CHECK_EVERY;
  private generatedValues = 0;
  private lastYield: number;

  constructor(options: RunLimitOptions = {}, signal?: AbortSignal) {
    this.maxRows = positiveOption('maxRows', options.maxRows, DEFAULT_MAX_ROWS);
    this.maxResultRows = positiveOption('maxResultRows', options.maxResultRows, DEFAULT_MAX_RESULT_ROWS);
    this.maxMemoryBytes = positiveOption('maxMemoryBytes', options.maxMemoryBytes, DEFAULT_MAX_MEMORY_BYTES);
    this.maxResultBytes = positiveOption('maxResultBytes', options.maxResultBytes, DEFAULT_MAX_RESULT_BYTES);
    const timeout = options.timeoutMs === undefined ? undefined : positiveOption('timeoutMs', options.timeoutMs, 0);
    this.timeoutMs = timeout;
    const start = clock();
    this.deadline = timeout === undefined ? Infinity : start + timeout;
    this.lastYield = start;
    this.signal = signal;
  }

  /**
   * One unit (or `units`) of work done: every CHECK_EVERY units, checks the deadline and the abort signal.
   * Call it in every loop whose length depends on the data.
   */
  tick(units = 1): void {
    if ((this.budget -= units) > 0) return;
    this.budget = CHECK_EVERY;
    this.check();
  }

  /**
   * `count` array values created by `fn` (range(), repeat()), which build large values from small
   * arguments: a run may create at most maxRows of them in all, so `extend r = range(1, 1000000)` over
   * many rows fails with RUN_LIMIT_EXCEEDED instead of exhausting memory.
   */
  generated(count: number, fn: string): void {
    this.generatedValues += count;
    this.tick(count);
    this.charge(ROW_BYTES + CELL_BYTES * count, fn);
    if (this.generatedValues > this.maxRows) {
      throw new KqlRuntimeError(
        ErrorCodes.RUN_LIMIT_EXCEEDED,
        `${fn} created more than ${fmt(this.maxRows)} values in this run (the maxRows limit); use smaller ranges or fewer rows, or raise options.maxRows`,
        this.current?.span,
      );
    }
  }

  /**
   * `bytes` more (estimated) held by the run, built by `operator` (default: the operator running now, at
   * its span): one addition and one comparison, cheap enough for once per row. Throws RUN_MEMORY_LIMIT
   * once the run's estimate passes maxMemoryBytes.
   */
  charge(bytes: number, operator?: string, span?: Span): void {
    if ((this.memory += bytes) > this.maxMemoryBytes) this.overMemory(operator, span);
  }

  /** `bytes` charged earlier are no longer held (an operator's temporary structure, after its run). */
  release(bytes: number): void {
    this.memory = Math.max(0, this.memory - bytes);
  }

  /** A string or array of `bytes` built by a function (strcat, strrep, ...): charged like any other value. */
  allocated(bytes: number, fn: string): void {
    this.charge(bytes, this.current ? `${fn} in ${this.current.name}` : fn);
  }

  private overMemory(operator: string | undefined, span: Span | undefined): never {
    const name = operator ?? this.current?.name ?? 'the query';
    throw new KqlRuntimeError(
      ErrorCodes.RUN_MEMORY_LIMIT,
      `${name} needed an estimated ${fmtBytes(this.memory)} (${fmt(this.memory)} bytes), more than the maxMemoryBytes limit of ${fmtBytes(this.maxMemoryBytes)}; filter its inputs first or raise options.maxMemoryBytes`,
      span ?? this.current?.span,
    );
  }

  /** Throws RUN_LIMIT_EXCEEDED when the result's estimated size passes maxResultBytes. */
  resultBytes(bytes: number): void {
    if (bytes > this.maxResultBytes) {
      throw new KqlRuntimeError(
        ErrorCodes.RUN_LIMIT_EXCEEDED,
        `The result's estimated size is more than ${fmtBytes(bytes)}, over the maxResultBytes limit of ${fmtBytes(this.maxResultBytes)}; add take/summarize/project to the query, or raise options.maxResultBytes`,
      );
    }
  }

  /** Throws RUN_CANCELLED if the signal was aborted, RUN_TIMEOUT if the deadline has passed. */
  check(): void {
    if (this.signal?.aborted) throw cancelledError(this.signal, this.current);
    if (this.deadline !== Infinity && clock() > this.deadline) {
      const where = this.current ? ` while running ${this.current.name}` : '';
      throw new KqlRuntimeError(
        ErrorCodes.RUN_TIMEOUT,
        `The query did not finish within its time limit of ${fmt(this.timeoutMs!)} ms${where}; raise options.timeoutMs to allow longer runs`,
        this.current?.span,
      );
    }
  }

  /** Throws RUN_LIMIT_EXCEEDED when `operator` (at `span`) has produced more than maxRows rows. */
  rows(count: number, operator: string, span?: Span): void {
    if (count > this.maxRows) {
      throw new KqlRuntimeError(
        ErrorCodes.RUN_LIMIT_EXCEEDED,
        `${operator} produced more than ${fmt(this.maxRows)} rows (the maxRows limit); filter or summarize its input first, or raise options.maxRows`,
        span,
      );
    }
  }

  /** Throws RUN_LIMIT_EXCEEDED when the result has more than maxResultRows rows. */
  resultRows(count: number): void {
    if (count > this.maxResultRows) {
      throw new KqlRuntimeError(
        ErrorCodes.RUN_LIMIT_EXCEEDED,
        `The result has ${fmt(count)} rows, more than the maxResultRows limit of ${fmt(this.maxResultRows)}; add take/summarize to the query, or raise options.maxResultRows`,
      );
    }
  }

  /** True when runKqlAsync should give the event loop a turn (YIELD_EVERY_MS of work since the last one). */
  shouldYield(): boolean {
    return clock() - this.lastYield >= YIELD_EVERY_MS;
  }

  /** Gives the event loop a turn (a macrotask), then checks the signal and the deadline. */
  async yieldNow(): Promise<void> {
    await macrotask();
    this.lastYield = clock();
    this.check();
  }
}

/** The RUN_CANCELLED error for an aborted signal; the signal's reason is kept as `cause`. */
export function cancelledError(signal: AbortSignal, current?: RunningOperator): KqlRuntimeError {
  const reason: unknown = signal.reason;
  const detail = reason instanceof Error && reason.name !== 'AbortError' ? `: ${reason.message}` : typeof reason === 'string' ? `: ${reason}` : '';
  const where = current ? ` while running ${current.name}` : '';
  return new KqlRuntimeError(ErrorCodes.RUN_CANCELLED, `The query was cancelled${where}${detail}`, current?.span).withCause(reason);
}

/**
 * A new macrotask: setImmediate where there is one (Node: the cheapest), else MessageChannel (browsers),
 * else setTimeout(0). Unlike a resolved promise (a microtask), this lets timers, I/O and abort() calls of
 * the caller run.
 */
function macrotask(): Promise<void> {
  const g = globalThis as unknown as { setImmediate?: (callback: () => void) => unknown; MessageChannel?: new () => { port1: MessagePortLike; port2: MessagePortLike } };
  if (typeof g.setImmediate === 'function') return new Promise((resolve) => g.setImmediate!(resolve));
  const MC = g.MessageChannel;
  if (!MC) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MC();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

interface MessagePortLike {
  onmessage: ((ev: unknown) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}
