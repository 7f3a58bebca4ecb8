/**
 * Row-window functions of serialized row sets: row_number(), prev(), next().
 *
 * They need the row's position, which a scalar kernel does not see. The operators that evaluate
 * expressions row by row in order (extend, project, where, serialize) run their loop through
 * `mapRows` / `filterRows` below, which publish a per-run "row cursor" (the input table and the
 * current row index) in the run's ExecContext cache. prev/next read the neighbouring input row from
 * it; row_number counts from it. Limitations, by design:
 * - the first argument of prev/next must be a column of the operator's input (or a constant);
 * - Kusto's rule that these run only on serialized input (after serialize, sort, top, ...) is not
 *   checked (the analyzer does not check it either); every mini-kql row set has an order;
 * - outside those operators (e.g. in summarize) the functions return null.
 */
import type { KqlType } from '../../runtime/types.js';
import { add, type Long } from '../../runtime/int64.js';
import type { ColumnSchema } from '../../runtime/types.js';
import { emptyValue, type Row, type Table } from '../../runtime/table.js';
import type { ExecContext } from '../../runtime/exec-context.js';
import type { EvalContext, ScalarFunction } from '../registry-types.js';
import { convertTo } from '../convert.js';

/** The row-window state of an operator's per-row loop (also used by row-window-session.ts). */
export interface RowCursor {
  columns: ColumnSchema[];
  rows: Row[];
  index: number;
}

const CURSOR = Symbol('row-cursor');

export function cursorOf(ctx: EvalContext): RowCursor | undefined {
  const cache = (ctx as Partial<ExecContext>).cache;
  return cache?.get(CURSOR) as RowCursor | undefined;
}

/**
 * runKqlAsync runs row-local operators over slices of their input (src/binder/bind-tabular.ts); while a
 * slice runs, the cursor of a loop over that slice still points into the whole input, so prev/next and
 * row_number see the same rows as in one pass.
 */
interface RowSlice {
  slice: Row[];
  whole: Row[];
  offset: number;
}
const SLICE = Symbol('row-slice');

export function withRowSlice<T>(ctx: ExecContext, whole: Row[], slice: Row[], offset: number, body: () => T): T {
  const previous = ctx.cache.get(SLICE);
  ctx.cache.set(SLICE, { slice, whole, offset } satisfies RowSlice);
  try {
    return body();
  } finally {
    ctx.cache.set(SLICE, previous);
  }
}

/** Runs `body` with a row cursor over `table` published in ctx; restores the previous cursor after. */
function withCursor<T>(ctx: ExecContext, table: Table, body: (cursor: RowCursor, base: number) => T): T {
  const previous = ctx.cache.get(CURSOR);
  const slice = ctx.cache.get(SLICE) as RowSlice | undefined;
  const sliced = slice !== undefined && slice.slice === table.rows;
  const cursor: RowCursor = { columns: table.columns, rows: sliced ? slice.whole : table.rows, index: 0 };
  ctx.cache.set(CURSOR, cursor);
  try {
    return body(cursor, sliced ? slice.offset : 0);
  } finally {
    ctx.cache.set(CURSOR, previous);
  }
}

/**
 * table.rows.map(fn), with the cursor at each row (for extend, project, serialize) when `windowed`: an
 * operator whose expressions read no neighbouring rows passes false and skips the cursor's upkeep.
 */
export function mapRows(ctx: ExecContext, table: Table, fn: (row: Row) => Row, windowed = true): Row[] {
  return windowed ? withCursor(ctx, table, (cursor, base) => mapLoop(ctx, table.rows, fn, cursor, base)) : mapLoop(ctx, table.rows, fn);
}

/** table.rows.filter(test), with the cursor at each row (for where) when `windowed` (see mapRows). */
export function filterRows(ctx: ExecContext, table: Table, test: (row: Row) => boolean, windowed = true): Row[] {
  return windowed ? withCursor(ctx, table, (cursor, base) => filterLoop(ctx, table.rows, test, cursor, base)) : filterLoop(ctx, table.rows, test);
}

function mapLoop(ctx: ExecContext, rows: Row[], fn: (row: Row) => Row, cursor?: RowCursor, base = 0): Row[] {
  const out: Row[] = new Array(rows.length);
  const guard = ctx.guard;
  for (let i = 0; i < rows.length; i++) {
    guard.tick();
    if (cursor) cursor.index = base + i;
    out[i] = fn(rows[i]);
  }
  return out;
}

function filterLoop(ctx: ExecContext, rows: Row[], test: (row: Row) => boolean, cursor?: RowCursor, base = 0): Row[] {
  const out: Row[] = [];
  const guard = ctx.guard;
  for (let i = 0; i < rows.length; i++) {
    guard.tick();
    if (cursor) cursor.index = base + i;
    if (test(rows[i])) out.push(rows[i]);
  }
  return out;
}

function isInteger(t: KqlType): boolean {
  return t === 'int' || t === 'long';
}

/** prev(column[, offset[, default]]) and next(...): the column's value `offset` rows before/after. */
function neighbour(name: 'prev' | 'next', direction: -1 | 1): ScalarFunction {
  return {
    name,
    readsRowWindow: true,
    minArgs: 1,
    maxArgs: 3,
    description: `The value of a column ${direction < 0 ? 'in a previous' : 'in a following'} row of a serialized row set (default offset 1).`,
    bind(args) {
      const [col, offset, fallback] = args;
      if (!col.columnName && !col.constant) return { error: `The first argument of ${name}() must be a column`, argIndex: 0 };
      if (offset && !isInteger(offset.type)) return { error: `The offset of ${name}() must be an integer, not ${offset.type}`, argIndex: 1 };
      if (offset && !offset.constant) return { error: `The offset of ${name}() must be a constant`, argIndex: 1 };
      const type = col.type;
      const n = offset ? Number(offset.constant!.value ?? 1) : 1;
      let defaultValue: unknown = emptyValue(type);
      if (fallback) {
        if (!fallback.constant) return { error: `The default of ${name}() must be a constant`, argIndex: 2 };
        const v = fallback.constant.value;
        if (v !== null && fallback.type !== type && !(isInteger(fallback.type) && (type === 'real' || isInteger(type)))) {
          return { error: `The default of ${name}() must be of type ${type}, not ${fallback.type}`, argIndex: 2 };
        }
        defaultValue = v === null ? emptyValue(type) : convertTo(v, fallback.type, type);
      }
      const columnName = col.columnName;
      const constant = col.constant;
      let lastColumns: ColumnSchema[] | undefined;
      let lastIndex = -1;
      return {
        type,
        call: (_args, ctx) => {
          const cursor = cursorOf(ctx);
          if (!cursor) return null;
          const at = cursor.index + direction * n;
          if (at < 0 || at >= cursor.rows.length) return defaultValue;
          if (constant) return constant.value;
          if (cursor.columns !== lastColumns) {
            lastColumns = cursor.columns;
            lastIndex = cursor.columns.findIndex((c) => c.name === columnName);
          }
          if (lastIndex < 0) return emptyValue(type);
          const v = cursor.rows[at][lastIndex];
          return v === undefined ? emptyValue(type) : v;
        },
      };
    },
  };
}

export const prev = neighbour('prev', -1);
export const next = neighbour('next', 1);

/** row_number([start[, restart]]): start for the first row, +1 per row, back to start where restart is true. */
export const row_number: ScalarFunction = {
  name: 'row_number',
  readsRowWindow: true,
  minArgs: 0,
  maxArgs: 2,
  description: "The current row's index in a serialized row set, from StartingIndex (default 1), optionally restarting.",
  bind(args) {
    const [start, restart] = args;
    if (start && !isInteger(start.type)) return { error: `The starting index of row_number() must be an integer, not ${start.type}`, argIndex: 0 };
    if (restart && restart.type !== 'bool') return { error: `The restart argument of row_number() must be bool, not ${restart.type}`, argIndex: 1 };
    // The number of the previous row of the same row set, for restarts.
    let lastRows: Row[] | undefined;
    let lastIndex = -1;
    let lastValue: Long = 0;
    return {
      type: 'long',
      call: (values, ctx) => {
        const cursor = cursorOf(ctx);
        if (!cursor) return null;
        const v0 = values.length > 0 ? values[0] : undefined;
        const first: Long = typeof v0 === 'number' || typeof v0 === 'bigint' ? v0 : 1;
        let value: Long;
        // Exact longs (src/runtime/int64.ts): plain numbers while safe.
        if (values[1] === true) value = first;
        else if (cursor.rows === lastRows && cursor.index === lastIndex + 1) value = add(lastValue, 1) ?? 0;
        else value = add(first, cursor.index) ?? 0;
        lastRows = cursor.rows;
        lastIndex = cursor.index;
        lastValue = value;
        return value;
      },
    };
  },
};
