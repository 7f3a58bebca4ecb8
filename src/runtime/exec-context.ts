/** Per-run state shared by every operator: the injected clock, the input tables, caches. */
import type { EvalContext } from '../functions/registry-types.js';
import type { Table } from './table.js';
import { KqlRuntimeError, ErrorCodes } from '../errors/index.js';
import type { ColumnSchema } from './types.js';
import type { TraceCollector } from './trace.js';
import type { RunGuard } from './limits.js';
import type { RowBatches, ScanFilter } from './scan.js';
import { fromMs, type TimeValue } from './ticks.js';
import { seededRandom, type RandomSource } from './random.js';

export interface ExecContext extends EvalContext {
  /** The caller's tables, converted to the engine's representation on first use. */
  table(name: string): Table;
  /** Fresh rows of a caller's table, in batches, with only the `needed` columns converted, after the fused filters (scan.ts). */
  scan(name: string, needed: boolean[], filters: ScanFilter[], capacity: number): RowBatches;
  /** Rows the caller supplied for an externaldata URL, typed by the given columns (or a KqlRuntimeError). */
  externalTable(url: string, columns: ColumnSchema[]): Table;
  /** A supplied watchlist's rows, typed by its own columns. */
  watchlist(alias: string): Table;
  /** Set when the caller asked for a trace of rows in and out of each operator. */
  readonly trace?: TraceCollector;
  /** Results of expressions evaluated once per query (toscalar, let-bound scalars, in (subquery)). */
  readonly cache: Map<unknown, unknown>;
  /** This run's limits, deadline and cancellation: `guard.tick()` in long loops, `guard.rows(n, op, span)` for row caps. */
  readonly guard: RunGuard;
  /** rand() and new_guid()'s generator when the caller passed `randomSeed` (runRandom); else they use the platform's. */
  readonly random?: RandomSource;
}

/** The seeded generator for the caller's `randomSeed` option, or undefined without one. */
export function runRandom(seed: number | undefined): RandomSource | undefined {
  if (seed === undefined) return undefined;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_OPTION, `options.randomSeed must be a finite number, not ${String(seed)}`);
  }
  return seededRandom(seed);
}

/** The generator a function should use in this context: the run's seeded one, if any. */
export function randomOf(ctx: EvalContext): RandomSource | undefined {
  return (ctx as Partial<ExecContext>).random;
}

/**
 * The query's clock: the caller's `now` (a Date, ISO text or ms number), or else the wall clock read once,
 * here and nowhere else, when the run starts. now() and ago() only ever see this value. In milliseconds; a
 * fraction (from a number) is kept, and the run reads it to the nearest tick (runNow).
 */
export function resolveNow(now: Date | string | number | undefined): number {
  if (now === undefined) return Date.now();
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_OPTION, `options.now is not a valid date: ${String(now)}`);
  return ms;
}

/** resolveNow as the datetime now() returns (src/runtime/ticks.ts): whole milliseconds stay a number. */
export function runNow(now: Date | string | number | undefined): TimeValue {
  return fromMs(resolveNow(now))!;
}
