/**
 * Limits of one run: the most rows an operator may produce (`maxRows`), the most rows the result may
 * have (`maxResultRows`), a deadline (`timeoutMs`) and cancellation (an AbortSignal, runKqlAsync only).
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
/** Work units between two reads of the clock (and of the abort signal). */
export const CHECK_EVERY = 1024;
/** runKqlAsync gives the event loop a turn at least this often (ms of work between yields). */
export const YIELD_EVERY_MS = 10;

export interface RunLimitOptions {
  /** The most rows any single operator may produce (default 10,000,000). */
  maxRows?: number;
  /** The most rows the result may have (default 500,000); more is a RUN_LIMIT_EXCEEDED error, never a silent truncation. */
  maxResultRows?: number;
  /** Stop with RUN_TIMEOUT once the run has taken this many milliseconds (default: no deadline). */
  timeoutMs?: number;
}

function clock(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
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
    if (this.generatedValues > this.maxRows) {
      throw new KqlRuntimeError(
        ErrorCodes.RUN_LIMIT_EXCEEDED,
        `${fn} created more than ${fmt(this.maxRows)} values in this run (the maxRows limit); use smaller ranges or fewer rows, or raise options.maxRows`,
        this.current?.span,
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
 * A new macrotask: MessageChannel where there is one (browsers, Node), else setTimeout(0). Unlike a
 * resolved promise (a microtask), this lets timers, I/O and abort() calls of the caller run.
 */
function macrotask(): Promise<void> {
  const MC = (globalThis as unknown as { MessageChannel?: new () => { port1: MessagePortLike; port2: MessagePortLike } }).MessageChannel;
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
