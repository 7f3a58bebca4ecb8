/**
 * The contracts every scalar function and aggregate implements.
 * The binder resolves a call by name, hands the definition the argument types (and literal values),
 * and gets back the result type plus an implementation it compiles into a closure once.
 */
import type { Span } from '../errors/span.js';
import type { KqlType } from '../runtime/types.js';
import type { TimeValue } from '../runtime/ticks.js';

/** What the binder knows about one argument at bind time. */
export interface ArgInfo {
  type: KqlType;
  /** Present when the argument is a constant (a literal or a let-bound constant). */
  constant?: { value: unknown };
  /** The argument's own column name when it is a plain column reference (used for output naming). */
  columnName?: string;
  /** The name Kusto derives for the argument (a column, a let name, `a.b` -> a_b), when it has one. */
  derivedName?: string;
  /** Set when the argument is `typeof(T)`: the type T. */
  typeLiteral?: KqlType;
  /** Set for a subquery item of `in (T | ...)`: its value is the list of the first column's values, of this type. */
  elementType?: KqlType;
  span: Span;
}

/** Values the running query provides to implementations. */
export interface EvalContext {
  /** now() for the whole query: a datetime (src/runtime/ticks.ts), whole milliseconds unless the caller's was finer. */
  readonly now: TimeValue;
  /**
   * The run's limits, for functions that build large values from small arguments (range(), repeat()):
   * `generated(n, fn)` counts the values they create against the run's maxRows. `tick(units)` reports work
   * done inside one call (a long string built, a large JSON text parsed, a costly regex search) so the
   * run's deadline is checked in proportion to it (src/functions/work.ts).
   */
  readonly guard?: { generated(count: number, fn: string): void; allocated(bytes: number, fn: string): void; tick(units?: number): void };
}

export interface ScalarImpl {
  type: KqlType;
  /**
   * Compute the result from already evaluated argument values. `args` is valid only during the call: the
   * binder refills one array per call site, so keep (or return) none of it.
   */
  call(args: unknown[], ctx: EvalContext): unknown;
  /**
   * For functions returning a dynamic array: the element at a constant `index` (negative counts from the
   * end) of what `call` returns, made without building the array; null where `call(...)[index]` is.
   * `split(s, "/")[-1]` uses it (src/binder/bind-expr.ts, bindIndex).
   */
  element?(args: unknown[], index: number, ctx: EvalContext): unknown;
  /**
   * For functions that produce several columns (series_fit_line, series_decompose_anomalies, series_stats):
   * one entry per column, in order; `call` then returns an array with one value per entry, and `type` is the
   * first column's type. `extend (a, b) = f(x)` names them; unnamed ones are `<function>_<argument>_<suffix>`.
   */
  columns?: { suffix: string; type: KqlType; name?: string }[];
  /**
   * The column name of an unnamed call when Kusto derives one from the arguments (array_sort_asc(x) is
   * x_sorted); for `columns`, an entry's `name` replaces `<function>_<argument>_<suffix>`.
   */
  name?: string;
}

/** Returned by bind when the arguments do not fit; the binder turns it into a KqlSemanticError. */
export interface BindFailure {
  error: string;
  /** Index of the argument at fault, when one is (the error then points at it). */
  argIndex?: number;
  /** The error code when the failure is not a type mismatch (e.g. SEM_INVALID_ARGUMENT for a bad pattern). */
  code?: string;
}

export interface ScalarFunction {
  name: string;
  aliases?: string[];
  minArgs: number;
  maxArgs: number;
  /** One-line description for the generated reference. */
  description: string;
  /** True for prev/next/row_number/row_window_session: they read the operator's input around the row. */
  readsRowWindow?: boolean;
  bind(args: ArgInfo[]): ScalarImpl | BindFailure;
}

/** Running state of one aggregate over one group. */
export interface Accumulator {
  /** `args` is valid only during the call: summarize reuses the array for the next row (copy what you keep). */
  add(args: unknown[]): void;
  /** One value per output column of the aggregate. */
  result(): unknown[];
}

export interface AggregateImpl {
  /** Output columns. `name` undefined means "use the default name" from defaultName. */
  outputs: { name?: string; type: KqlType }[];
  create(): Accumulator;
}

export interface AggregateFunction {
  name: string;
  aliases?: string[];
  minArgs: number;
  maxArgs: number;
  description: string;
  /** Default output column name for `summarize f(args)` without an explicit name, e.g. set_x, count_. */
  defaultName(args: ArgInfo[]): string;
  bind(args: ArgInfo[]): AggregateImpl | BindFailure;
}

export function isBindFailure(x: unknown): x is BindFailure {
  return typeof x === 'object' && x !== null && 'error' in x;
}
