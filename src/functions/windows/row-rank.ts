/**
 * row_rank_dense(term[, restart]) and row_rank_min(term[, restart]) of a serialized row set
 * (row-rank-dense-function.md, row-rank-min-function.md). Rows are ranked by runs of equal consecutive terms:
 * the first row (and every row where restart is true) has rank 1; a row whose term equals the previous row's
 * keeps its rank; otherwise row_rank_dense adds 1 and row_rank_min takes the row's own number (1-based, counted
 * from the last restart). Nulls are equal to each other and differ from every value. Like row_number, the
 * functions read the operator's rows through the row cursor (row-state.ts); outside the row-by-row operators
 * they give null, and serialized input is not checked.
 */
import { resolve, type Overload } from '../define.js';
import { numericEquals } from '../../runtime/int64.js';
import { compareTime, type TimeValue } from '../../runtime/ticks.js';
import type { KqlType } from '../../runtime/types.js';
import type { ScalarFunction } from '../registry-types.js';
import { RowWalk } from './row-state.js';

/** Equality of two non-null values of a type (datetimes and timespans may be ms numbers or tick bigints). */
function equality(type: KqlType): (a: unknown, b: unknown) => boolean {
  if (type === 'datetime' || type === 'timespan') return (a, b) => compareTime(a as TimeValue, b as TimeValue) === 0;
  if (type === 'int' || type === 'long' || type === 'real' || type === 'decimal') return numericEquals;
  return (a, b) => a === b;
}

function overloads(name: string): Overload[] {
  return [{
    params: ['any', 'bool'],
    optional: 1,
    result: 'long',
    nulls: 'pass',
    check: (args) =>
      args[0].type === 'dynamic' ? { error: `The term of ${name}() cannot be dynamic (a scalar type is required).`, argIndex: 0 } : undefined,
    kernel: () => null,
  }];
}

function rank(name: 'row_rank_dense' | 'row_rank_min', dense: boolean): ScalarFunction {
  const os = overloads(name);
  return {
    name,
    readsRowWindow: true,
    minArgs: 1,
    maxArgs: 2,
    description: dense
      ? "The current row's dense rank in a serialized row set: 1, plus 1 each time the term changes (optionally restarting)."
      : "The current row's minimal rank in a serialized row set: the row number where the current run of equal terms began (optionally restarting).",
    bind(args) {
      const o = resolve(name, os, args);
      if ('error' in o) return o;
      const equal = equality(args[0].type);
      const walk = new RowWalk();
      let previous: unknown = null;
      let current = 0;
      let rowNumber = 0;
      return {
        type: 'long',
        call: (values, ctx) => {
          const visit = walk.step(ctx);
          if (!visit) return null;
          const v = values[0] ?? null;
          if (!visit.continues || values[1] === true) {
            rowNumber = 1;
            current = 1;
          } else {
            rowNumber++;
            const same = v === null || previous === null ? v === previous : equal(v, previous);
            if (!same) current = dense ? current + 1 : rowNumber;
          }
          previous = v;
          return current;
        },
      };
    },
  };
}

export const row_rank_dense = rank('row_rank_dense', true);
export const row_rank_min = rank('row_rank_min', false);
