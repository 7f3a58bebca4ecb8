/**
 * Shared by mv-expand and mv-apply: the expanded schema and the per-row expansion.
 * Arrays expand to one row per element; property bags to one row per property ({key: value});
 * several columns expand in parallel (shorter ones padded with null); an empty array yields no rows.
 */
import { CELL_BYTES, rowBytes } from '../runtime/limits.js';
import type { MvExpandItem, OperatorParam } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { Span } from '../errors/span.js';
import type { ColumnSchema, KqlType } from '../runtime/types.js';
import { newRow, type Row } from '../runtime/table.js';
import type { ExecContext } from '../runtime/exec-context.js';
import { isPlainObject } from '../runtime/values.js';
import { convertTo } from '../functions/convert.js';
import type { BindTools } from './operator-def.js';

export interface Expansion {
  columns: ColumnSchema[];
  /** Positions in `columns` of the expanded columns (and of the item index column). */
  expandedIndexes: number[];
  /**
   * Appends the expanded rows of one input row to `into` and gives the number of elements. With `keep`,
   * an element's row is kept only when keep(row) is true; a dropped row's array is reused for the next
   * element, so a selective filter allocates little. With `reuseRow` (the caller owns `row` and gives it
   * up), the input row itself becomes the last kept element's row when the layout allows, so an expansion
   * that keeps one element per row copies nothing.
   */
  expand(row: Row, ctx: ExecContext, into: Row[], keep?: (row: Row) => boolean, capacity?: number, reuseRow?: boolean): number;
  /** For each column: the input column it copies, or -1 for the expanded and item index columns. */
  sourceOf: number[];
  /** Input columns needed, given the expanded columns needed (the item expressions' reads come on top). */
  needs(expandedNeeded: boolean[]): boolean[];
}

function elementsOf(value: unknown, bagAsArray: boolean): unknown[] {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    return bagAsArray ? keys.map((k) => [k, value[k]]) : keys.map((k) => ({ [k]: value[k] }));
  }
  return [value];
}

export function bindExpansion(
  items: MvExpandItem[],
  itemIndex: string | undefined,
  limit: number | undefined,
  params: OperatorParam[],
  input: ColumnSchema[],
  tools: BindTools,
  /** mv-apply moves an expanded column that keeps its own name to the end (mv-expand keeps it in place). */
  moveUnrenamedToEnd = false,
): Expansion {
  const columns: ColumnSchema[] = [...input];
  // source[i]: the input column feeding output column i (-1 for new columns).
  const source: number[] = input.map((_, i) => i);
  const bagAsArray = params.some((p) => (p.name === 'bagexpansion' || p.name === 'kind') && p.value === 'array');
  const targets = items.map((item) => {
    const expr = tools.expr(item.expr, input);
    if (expr.type !== 'dynamic') {
      throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `Only dynamic values (arrays or property bags) can be expanded, but this is ${expr.type}`, item.expr.span);
    }
    const name = item.name ?? expr.derivedName;
    if (name === undefined) {
      throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'Give the expanded expression a name: Name = expression', item.expr.span);
    }
    const type: KqlType = item.toType ?? 'dynamic';
    let index = columns.findIndex((c) => c.name === name);
    if (index >= 0 && moveUnrenamedToEnd && item.name === undefined) {
      columns.splice(index, 1);
      source.splice(index, 1);
      index = -1;
    }
    if (index < 0) {
      index = columns.length;
      columns.push({ name, type });
      source.push(-1);
    } else {
      columns[index] = { name, type };
    }
    return { evaluate: expr.evaluate, name, type };
  }).map((t) => ({ ...t, index: columns.findIndex((c) => c.name === t.name) }));
  let indexColumn = -1;
  if (itemIndex !== undefined) {
    indexColumn = columns.push({ name: itemIndex, type: 'long' }) - 1;
    source.push(-1);
  }
  const width = columns.length;
  // Every input column stays where it was (new columns come after): an input row can be extended in place.
  const inPlaceLayout = input.every((_, c) => source[c] === c);
  /** Writes element `i`'s expanded values (and item index) into `into`. */
  const setElement = (into: Row, lists: unknown[][], i: number): void => {
    for (let k = 0; k < targets.length; k++) {
      const t = targets[k];
      const v = i < lists[k].length ? lists[k][i] : null;
      into[t.index] = t.type === 'dynamic' ? (v === undefined ? null : v) : convertTo(v, 'dynamic', t.type);
    }
    if (indexColumn >= 0) into[indexColumn] = i;
  };
  /**
   * The input row is the scratch row each element is tested on, and then the last kept element's row;
   * only the earlier kept elements get copies.
   */
  const expandInPlace = (row: Row, lists: unknown[][], count: number, out: Row[], keep: ((row: Row) => boolean) | undefined, capacity: number, ctx: ExecContext) => {
    if (row.length > width) row.length = width;
    let earlier: number[] | undefined;
    let last = -1;
    for (let i = 0; i < count; i++) {
      ctx.guard.tick();
      setElement(row, lists, i);
      if (keep && !keep(row)) continue;
      if (last >= 0) (earlier ??= []).push(last);
      last = i;
    }
    if (earlier) {
      for (const i of earlier) {
        const copy = newRow(width, capacity);
        for (let c = 0; c < input.length; c++) copy[c] = row[c];
        setElement(copy, lists, i);
        out.push(copy);
      }
    }
    if (last >= 0) {
      setElement(row, lists, last);
      out.push(row);
    }
    return count;
  };
  // The elements of each item of the row being expanded (one array, refilled per row).
  const lists: unknown[][] = targets.map(() => []);
  // The last rejected row's array, reused by the next input row's first element.
  let spare: Row | undefined;
  return {
    columns,
    expandedIndexes: [...targets.map((t) => t.index), ...(indexColumn >= 0 ? [indexColumn] : [])],
    sourceOf: source,
    expand(row, ctx, out, keep, capacity = width, reuseRow = false) {
      let count = 0;
      for (let k = 0; k < targets.length; k++) {
        lists[k] = elementsOf(targets[k].evaluate(row, ctx), bagAsArray);
        count = Math.max(count, lists[k].length);
      }
      if (limit !== undefined) count = Math.min(count, limit);
      if (reuseRow && inPlaceLayout) return expandInPlace(row, lists, count, out, keep, capacity, ctx);
      let next: Row | undefined = spare !== undefined && spare.length === width ? spare : undefined;
      spare = undefined;
      for (let i = 0; i < count; i++) {
        // A tick per element: one row can hold a million of them (deadline and cancellation hold inside it).
        ctx.guard.tick();
        next ??= newRow(width, capacity);
        for (let c = 0; c < width; c++) next[c] = source[c] >= 0 ? row[source[c]] : null;
        setElement(next, lists, i);
        if (keep && !keep(next)) continue;
        out.push(next);
        next = undefined;
      }
      spare = next;
      return count;
    },
    needs(expandedNeeded) {
      const needed = input.map(() => false);
      source.forEach((from, c) => {
        if (from >= 0 && expandedNeeded[c]) needed[from] = true;
      });
      return needed;
    },
  };
}

/**
 * Runs an expansion over a table: `each` turns one input row's expanded rows into output rows (mv-apply
 * runs its subquery on them); without it they are the output as they are. Ticks the run guard, enforces
 * maxRows, and counts the input rows that had elements (`runs`: one subquery run each).
 */
export function expandTable(
  table: { rows: Row[] },
  ctx: ExecContext,
  expansion: Expansion,
  operator: string,
  span: Span,
  each: ((expanded: Row[], row: Row) => Row[]) | undefined,
  keep?: (row: Row) => boolean,
  capacity?: number,
  /** The caller owns the input rows and gives them up: each may become one of its own expanded rows. */
  reuseRows = false,
): { rows: Row[]; runs: number } {
  const rows: Row[] = [];
  const guard = ctx.guard;
  let runs = 0;
  for (const row of table.rows) {
    const into = each ? [] : rows;
    const before = into.length;
    const elements = expansion.expand(row, ctx, into, keep, capacity, reuseRows);
    const kept = into.length - before;
    guard.tick(1); // (and one per element, inside expand)
    // The new rows (one of the input row's width each) and their slots: charged as each input row expands.
    if (kept > 0) guard.charge(kept * (rowBytes(row.length) + CELL_BYTES), operator, span);
    if (kept > guard.maxRows) guard.rows(kept, operator, span);
    // A row with no elements disappears; one whose elements were all filtered out still runs `each` (mv-apply's subquery).
    if (elements === 0) continue;
    runs++;
    if (each) for (const r of each(into, row)) rows.push(r);
    if (rows.length > guard.maxRows) guard.rows(rows.length, operator, span);
  }
  return { rows, runs };
}
