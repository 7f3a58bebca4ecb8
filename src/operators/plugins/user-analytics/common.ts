/**
 * Shared argument handling and time-axis arithmetic for the user analytics plugins.
 *
 * - Column arguments (IdColumn, TimelineColumn, dimensions) are input columns, named.
 * - Scalar arguments (Start, End, Bin, ...) are bound against no columns (a column there is an error) and
 *   evaluated once per run.
 * - The timeline is datetime (its steps are timespans) or a number (its steps are numbers). Bins are counted
 *   from the analysis Start (bin_at(t, step, Start), as the sliding-window technique the docs point to does);
 *   datetime arithmetic is exact (src/runtime/ticks.ts).
 * - Work and output sizes are capped: more than MAX_BINS bins, or more than MAX_WORK elementary steps, is a
 *   KqlRuntimeError RUN_LIMIT_EXCEEDED.
 */
import type { EvaluateOp } from '../../../parser/ast.js';
import type * as A from '../../../parser/ast.js';
import { KqlSemanticError, KqlRuntimeError, ErrorCodes } from '../../../errors/index.js';
import type { ColumnSchema, KqlType } from '../../../runtime/types.js';
import { isNumericType } from '../../../runtime/types.js';
import type { Row } from '../../../runtime/table.js';
import type { ExecContext } from '../../../runtime/exec-context.js';
import type { CompiledExpr } from '../../../binder/compiled.js';
import type { BindTools } from '../../operator-def.js';
import { keyOfValues, keyOfValue, timeColumns } from '../../../runtime/hash-key.js';
import { addTime, compareTime, floorTime, wholeMs, isTimeValue, mulTime, ratioTime, stepsBetween, subTime, type TimeValue } from '../../../runtime/ticks.js';
import type { Span } from '../../../errors/span.js';

/** The most bins (time windows) one run may produce per group, as make-series. */
export const MAX_BINS = 1_000_000;
/** The most elementary steps (window cells, comparisons) one run may take. */
export const MAX_WORK = 20_000_000;

/** One plugin call being bound. */
export class Call {
  readonly args: A.Expr[];
  constructor(readonly node: EvaluateOp, readonly input: ColumnSchema[], readonly tools: BindTools) {
    this.args = node.plugin.args;
  }

  get name(): string {
    return this.node.plugin.name;
  }

  get span(): Span {
    return this.node.plugin.span;
  }

  fail(message: string, span: Span = this.span, code: string = ErrorCodes.SEM_INVALID_ARGUMENT): never {
    throw new KqlSemanticError(code, `${this.name}: ${message}`, span);
  }

  count(min: number, max = Infinity): void {
    const n = this.args.length;
    if (n < min || n > max) {
      const want = max === Infinity ? `at least ${min}` : min === max ? `${min}` : `${min} to ${max}`;
      this.fail(`expects ${want} arguments but got ${n}`, this.span, ErrorCodes.SEM_WRONG_ARGUMENT_COUNT);
    }
  }

  /** True when argument i is a plain reference to an input column (['name'] parses as a Name too). */
  isColumn(i: number): boolean {
    const arg = this.args[i];
    return !!arg && arg.kind === 'Name' && this.input.some((c) => c.name === arg.name);
  }

  /** Argument i as an input column: its position and schema. */
  column(i: number, what: string, types?: (t: KqlType) => boolean): { index: number; column: ColumnSchema } {
    const arg = this.args[i];
    if (!arg) this.fail(`missing the ${what}`);
    const c = this.tools.expr(arg, this.input);
    if (!c.isColumn || c.derivedName === undefined) this.fail(`the ${what} must be a column`, arg.span);
    const index = this.input.findIndex((col) => col.name === c.derivedName);
    if (index < 0) this.fail(`the ${what} must be a column`, arg.span);
    const column = this.input[index];
    if (types && !types(column.type)) {
      this.fail(`the ${what} '${column.name}' cannot be of type ${column.type}`, arg.span, ErrorCodes.SEM_TYPE_MISMATCH);
    }
    return { index, column };
  }

  /** Argument i as a scalar that reads no column (evaluated once per run with `value`). */
  scalar(i: number, what: string, types?: (t: KqlType) => boolean): CompiledExpr {
    const arg = this.args[i];
    if (!arg) this.fail(`missing the ${what}`);
    const c = this.tools.expr(arg, []);
    if (types && !types(c.type)) {
      this.fail(`the ${what} cannot be of type ${c.type}`, arg.span, ErrorCodes.SEM_TYPE_MISMATCH);
    }
    return c;
  }

  /** Arguments from..to-1 as dimension columns. */
  dims(from: number, to = this.args.length): { index: number; column: ColumnSchema }[] {
    const out = [];
    for (let i = from; i < to; i++) out.push(this.column(i, 'dimension'));
    return out;
  }
}

export const value = (c: CompiledExpr, ctx: ExecContext): unknown => c.evaluate([], ctx);

/** The timeline types, and the types of a step along each. */
export const isTimelineType = (t: KqlType): boolean => t === 'datetime' || isNumericType(t);
export function stepTypeOk(timeline: KqlType): (t: KqlType) => boolean {
  return timeline === 'datetime' ? (t) => t === 'timespan' : (t) => isNumericType(t) && t !== 'decimal';
}
export function pointTypeOk(timeline: KqlType): (t: KqlType) => boolean {
  return timeline === 'datetime' ? (t) => t === 'datetime' : (t) => isNumericType(t) && t !== 'decimal';
}

/** Steps of `step` from an origin: which bin a value falls in, and where bin i starts. */
export interface Axis {
  /** The bin of a value (floor), or undefined for a null or unusable value. */
  index(v: unknown): number | undefined;
  at(i: number): unknown;
  /** How many whole steps fit in a length (floor). */
  steps(length: unknown): number;
}

export function makeAxis(timeline: KqlType, origin: unknown, step: unknown, span: Span): Axis {
  if (timeline === 'datetime') {
    if (!isTimeValue(origin)) throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_VALUE, 'The analysis start must not be null', span);
    if (!isTimeValue(step) || !(step > 0)) throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_VALUE, 'The step must be a positive timespan', span);
    const o = origin as TimeValue, s = step as TimeValue;
    return {
      index: (v) => (isTimeValue(v) ? stepsBetween(o, v, s) : undefined),
      at: (i) => addTime(o, mulTime(s, i)!),
      steps: (len) => (isTimeValue(len) ? Math.floor(ratioTime(len, s)) : 0),
    };
  }
  const o = toNumber(origin), s = toNumber(step);
  if (o === undefined) throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_VALUE, 'The analysis start must not be null', span);
  if (s === undefined || !(s > 0)) throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_VALUE, 'The step must be positive', span);
  const integral = Number.isInteger(o) && Number.isInteger(s);
  return {
    index: (v) => {
      const n = toNumber(v);
      return n === undefined ? undefined : Math.floor((n - o) / s);
    },
    at: (i) => (integral ? o + i * s : o + i * s),
    steps: (len) => {
      const n = toNumber(len);
      return n === undefined ? 0 : Math.floor(n / s);
    },
  };
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

/** A length argument's value (a timespan, or a number on a numeric timeline); null or unusable is an error. */
export function lengthValue(v: unknown, timeline: KqlType, what: string, span: Span): unknown {
  const ok = timeline === 'datetime' ? isTimeValue(v) : toNumber(v) !== undefined;
  if (!ok) throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_VALUE, `The ${what} must not be null`, span);
  return v;
}

/** The same axis with bin `first` as bin 0. */
export function shifted(axis: Axis, first: number): Axis {
  return { index: (v) => { const i = axis.index(v); return i === undefined ? undefined : i - first; }, at: (i) => axis.at(i + first), steps: axis.steps };
}

/** Bins 0..n-1 from Start to End (End's bin included); refuses more than MAX_BINS. */
export function binCount(axis: Axis, end: unknown, span: Span): number {
  const last = axis.index(end);
  if (last === undefined) throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_VALUE, 'The analysis end must not be null', span);
  if (last < 0) return 0;
  if (last + 1 > MAX_BINS) throw new KqlRuntimeError(ErrorCodes.RUN_LIMIT_EXCEEDED, `the analysis would create ${last + 1} bins (at most ${MAX_BINS})`, span);
  return last + 1;
}

/**
 * Counts elementary steps against MAX_WORK (ticking the run's guard, for time limits and cancellation), and
 * output rows against the run's maxRows.
 */
export class Budget {
  private used = 0;
  constructor(private readonly span: Span, private readonly ctx: ExecContext, private readonly name: string, private readonly limit = MAX_WORK) {}
  spend(n: number): void {
    this.used += n;
    this.ctx.guard.tick(n);
    if (this.used > this.limit) {
      throw new KqlRuntimeError(ErrorCodes.RUN_LIMIT_EXCEEDED, `${this.name}: the plugin would take more than ${this.limit} steps on this input`, this.span);
    }
  }
  /** An output array whose push checks the row count. */
  output(): Row[] {
    const out: Row[] = [];
    const { guard } = this.ctx;
    const push = out.push.bind(out);
    out.push = (...items: Row[]) => {
      const n = push(...items);
      guard.rows(n, this.name, this.span);
      return n;
    };
    return out;
  }
  /** Checks a row count known in advance. */
  rows(n: number): void {
    this.ctx.guard.rows(n, this.name, this.span);
  }
}

/** Groups rows by their dimension values (first-seen order). */
export class Groups<G> {
  private readonly map = new Map<string, { dims: unknown[]; state: G }>();
  private readonly time: boolean[] | undefined;
  constructor(private readonly dims: { index: number; column: ColumnSchema }[], private readonly make: () => G) {
    this.time = timeColumns(dims.map((d) => d.column.type));
  }
  of(row: Row): G {
    const values = this.dims.map((d) => row[d.index]);
    const key = values.length === 0 ? '' : keyOfValues(values, this.time);
    let g = this.map.get(key);
    if (!g) this.map.set(key, (g = { dims: values, state: this.make() }));
    return g.state;
  }
  entries(): { dims: unknown[]; state: G }[] {
    return [...this.map.values()];
  }
}

/** The key of an id value (null ids are skipped by the callers). */
export function idKey(v: unknown, type: KqlType): string {
  return keyOfValue(v, type === 'datetime' || type === 'timespan');
}

export const isNull = (v: unknown): boolean => v === null || v === undefined;

/** Order and shifting of timeline values (datetimes exactly, numbers as doubles). */
export interface Line {
  cmp(a: unknown, b: unknown): number;
  /** a - length (length a timespan or a number). */
  minus(a: unknown, length: unknown): unknown;
  /** a + length. */
  plus(a: unknown, length: unknown): unknown;
}

export function lineOf(timeline: KqlType): Line {
  if (timeline === 'datetime') {
    return {
      cmp: (a, b) => compareTime(a as TimeValue, b as TimeValue),
      minus: (a, l) => subTime(a as TimeValue, l as TimeValue),
      plus: (a, l) => addTime(a as TimeValue, l as TimeValue),
    };
  }
  return {
    cmp: (a, b) => Number(a) - Number(b),
    minus: (a, l) => Number(a) - Number(l),
    plus: (a, l) => Number(a) + Number(l),
  };
}

const DAY_MS = 86_400_000;

/**
 * Calendar windows ('week', 'month', 'year': the windows of startofweek / startofmonth / startofyear) from the
 * window holding Start; a datetime timeline only. Weeks start on Sunday (1970-01-04 was one).
 */
export function calendarAxis(unit: unknown, origin: unknown, span: Span): Axis {
  if (!isTimeValue(origin)) throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_VALUE, 'The analysis start must not be null', span);
  if (unit === 'week') {
    const start = floorTime(origin, 7 * DAY_MS, 3 * DAY_MS)!;
    return makeAxis('datetime', start, 7 * DAY_MS, span);
  }
  if (unit !== 'month' && unit !== 'year') {
    throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_VALUE, `'${String(unit)}' is not a window: use a timespan, 'week', 'month' or 'year'`, span);
  }
  const per = unit === 'month' ? 1 : 12;
  const months = (v: TimeValue) => {
    const d = new Date(wholeMs(v));
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  const o = months(origin);
  const first = o - (o % per);
  return {
    index: (v) => (isTimeValue(v) ? Math.floor((months(v) - first) / per) : undefined),
    at: (i) => {
      const m = first + i * per;
      const d = new Date(0);
      d.setUTCFullYear(Math.floor(m / 12), m % 12, 1);
      return d.getTime();
    },
    steps: () => 0,
  };
}
