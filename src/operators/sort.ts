/**
 * sort / order by: stable multi-key sort. Kusto sorts descending by default; nulls come last when
 * descending and first when ascending, unless `nulls first|last` says otherwise.
 */
import { CELL_BYTES, rowBytes } from '../runtime/limits.js';
import type { SortKey, SortOp } from '../parser/ast.js';
import type { Row } from '../runtime/table.js';
import type { ExecContext } from '../runtime/exec-context.js';
import { compareTimeValues, compareValues } from '../runtime/compare.js';
import type { ColumnSchema } from '../runtime/types.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { BindTools, OperatorDef } from './operator-def.js';

export type RowComparator = (rows: Row[], ctx: ExecContext) => Row[];

function orderableKey(key: SortKey, input: ColumnSchema[], tools: BindTools) {
  const expr = tools.expr(key.expr, input);
  if (expr.type === 'dynamic') {
    throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, 'A dynamic value cannot be a sort key: convert it first, e.g. tostring(...)', key.expr.span);
  }
  return expr;
}

/** Binds sort keys into a function that returns the rows sorted (a new array). */
export function bindSorter(keys: SortKey[], input: ColumnSchema[], tools: BindTools): RowComparator {
  const bound = keys.map((k) => {
    const expr = orderableKey(k, input, tools);
    // Datetimes and timespans are milliseconds or ticks (src/runtime/ticks.ts): ordered by compareTimeValues.
    const time = expr.type === 'datetime' || expr.type === 'timespan';
    return { evaluate: expr.evaluate, time, direction: k.descending ? -1 : 1, nullsFirst: k.nullsFirst ?? !k.descending };
  });
  return (rows, ctx) => {
    // Evaluate each key once per row, then sort indexes.
    const guard = ctx.guard;
    // The keys of each row (an array each) and the order live during the sort; the sorted array stays.
    const temporary = rows.length * (rowBytes(bound.length) + CELL_BYTES);
    guard.charge(temporary + rows.length * CELL_BYTES);
    const values = rows.map((row) => {
      guard.tick();
      return bound.map((k) => k.evaluate(row, ctx));
    });
    const order = rows.map((_, i) => i);
    order.sort((i, j) => {
      guard.tick();
      for (let k = 0; k < bound.length; k++) {
        const a = values[i][k], b = values[j][k];
        const aNull = a === null || a === undefined, bNull = b === null || b === undefined;
        if (aNull || bNull) {
          if (aNull && bNull) continue;
          return (aNull ? -1 : 1) * (bound[k].nullsFirst ? 1 : -1);
        }
        const c = bound[k].time ? compareTimeValues(a, b) : compareValues(a, b);
        if (c !== 0) return c * bound[k].direction;
      }
      return i - j;
    });
    guard.release(temporary);
    return order.map((i) => rows[i]);
  };
}

export const sort: OperatorDef<SortOp> = {
  op: 'sort',
  description: 'Sorts rows by one or more keys (descending by default).',
  bind(node, input, tools) {
    const sorter = bindSorter(node.keys, input, tools);
    return { columns: input, flow: 'passthrough', run: (table, ctx) => ({ columns: input, rows: sorter(table.rows, ctx), owned: table.owned }) };
  },
};
