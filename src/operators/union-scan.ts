/**
 * A union of caller tables read as one scan (`union A, B | where ... | summarize ...`): each leg is
 * scanned with the pipeline's leading `where`s run on its own rows, so a leg row is converted only in
 * the columns the filters read until it passes, and only rows that pass are widened to the union's
 * columns. Without this, every row of every leg was converted and widened before the filter ran.
 */
import type { FusedFilter, TabularPlan } from '../binder/compiled.js';
import type { ExecContext } from '../runtime/exec-context.js';
import type { RowBatches } from '../runtime/scan.js';
import type { Row } from '../runtime/table.js';
import type { UnionShape } from './union.js';

type Scan = NonNullable<TabularPlan['scan']>;

export function unionScan(shape: UnionShape, legs: Scan[]): Scan {
  return (ctx, needed, fused, capacity = shape.columns.length) => {
    const passed = fused.map(() => ({ rowsIn: 0, rowsOut: 0 }));
    let leg = 0;
    let batches: RowBatches | undefined;
    const recordFilters = () => fused.forEach((f, i) => f.record(ctx, passed[i].rowsIn, passed[i].rowsOut));
    return {
      // A take after the union is satisfied: the leg being read records what it read, and so do the filters.
      stop() {
        batches?.stop?.();
        batches = undefined;
        leg = legs.length;
        recordFilters();
      },
      next() {
        for (;;) {
          if (batches === undefined) {
            if (leg >= legs.length) {
              recordFilters();
              return undefined;
            }
            batches = legs[leg](ctx, legNeeds(shape, leg, needed, fused), legFilters(shape, leg, fused, passed), shape.mappings[leg].length);
          }
          const batch = batches.next();
          if (batch === undefined) {
            batches = undefined;
            leg++;
            continue;
          }
          return batch.map((row) => shape.widen(leg, row, capacity));
        }
      },
    };
  };
}

/** The leg's columns that feed needed union columns or that a filter reads. */
function legNeeds(shape: UnionShape, leg: number, needed: boolean[], fused: FusedFilter[]): boolean[] {
  const reads = new Set(fused.flatMap((f) => f.reads));
  return shape.mappings[leg].map((to) => to >= 0 && (needed[to] === true || reads.has(to)));
}

/**
 * The union's filters as tests on the leg's rows: the cells a filter reads are copied into a row of the
 * union's shape (the columns the leg lacks stay empty there), and the filter runs on that. Their counts
 * add up over the legs, and go in the trace once, as the filter's.
 */
function legFilters(shape: UnionShape, leg: number, fused: FusedFilter[], passed: { rowsIn: number; rowsOut: number }[]): FusedFilter[] {
  const map = shape.mappings[leg];
  return fused.map((f, i) => {
    const scratch: Row = shape.emptyRow(leg);
    const reads = new Set(f.reads);
    const from = map.flatMap((to, k) => (to >= 0 && reads.has(to) ? [k] : []));
    const to = from.map((k) => map[k]);
    return {
      reads: from,
      running: f.running,
      test: (row: Row, ctx: ExecContext) => {
        for (let j = 0; j < from.length; j++) scratch[to[j]] = row[from[j]];
        return f.test(scratch, ctx);
      },
      record: (_ctx: ExecContext, rowsIn: number, rowsOut: number) => {
        passed[i].rowsIn += rowsIn;
        passed[i].rowsOut += rowsOut;
      },
    };
  });
}
