/**
 * Running state of a row-window function over the rows of one operator's per-row loop (the row cursor of
 * src/functions/scalar/row-window.ts, as row_number and row_window_session use it). `step` tells whether the
 * call continues the previous one: the same row set, the next row. Otherwise (a new run, or rows not visited
 * consecutively, which the row-by-row operators never do) the function starts over as on a first row.
 */
import type { Row } from '../../runtime/table.js';
import type { EvalContext } from '../registry-types.js';
import { cursorOf } from '../scalar/row-window.js';

export interface RowVisit {
  /** True when this row follows the previous call's row in the same row set. */
  continues: boolean;
}

export class RowWalk {
  private rows: Row[] | undefined;
  private index = -1;

  /** The visit of the current row, or undefined outside a row-by-row operator (the function gives null). */
  step(ctx: EvalContext): RowVisit | undefined {
    const cursor = cursorOf(ctx);
    if (!cursor) return undefined;
    const continues = cursor.rows === this.rows && cursor.index === this.index + 1;
    this.rows = cursor.rows;
    this.index = cursor.index;
    return { continues };
  }
}
