/**
 * A table read that converts only what the query uses (docs/architecture.md, "Read only what is used").
 * The leading `where` operators of the pipeline run during the scan: each converts just the columns its
 * predicate reads, and a row they drop is never converted further. Rows that pass get the other needed
 * columns; columns nobody reads keep their empty value and are never converted. Rows come out in
 * batches, so the operators after the scan can work on a batch while it is still young in the heap.
 */
import type { ColumnSchema } from './types.js';
import type { Row } from './table.js';
import type { ExecContext } from './exec-context.js';
import { convertInputValue, objectPrototypeIsClean, type InputRow } from './load-table.js';
import { emptyValue, newRow } from './table.js';

/** One fused `where`: its test, the columns it reads, and the rows it let through (for the trace). */
export interface ScanFilter {
  test: (row: Row, ctx: ExecContext) => boolean;
  reads: number[];
  rowsIn: number;
  rowsOut: number;
}

/** Converted rows, a batch at a time; `next()` gives undefined at the end. */
export interface RowBatches {
  next(): Row[] | undefined;
  /**
   * The consumer wants no more rows (a `take` after the scan is satisfied): record in the trace what was
   * read so far, as the end would have. Optional: a source without it is simply not asked again.
   */
  stop?(): void;
}

/**
 * Caller rows per batch: small enough that a batch and what operators make of it die young (measured on
 * the seed rule at 400k alerts: 256 rows ran about 10% faster than 1,024, and 64 no faster than 256).
 */
export const SCAN_BATCH_ROWS = 256;

const hasOwn = Object.prototype.hasOwnProperty;

export function scanBatches(
  rows: InputRow[],
  schema: ColumnSchema[],
  needed: boolean[],
  filters: ScanFilter[],
  ctx: ExecContext,
  onRow?: () => void,
  /** Cells to reserve per row: the widest row the operators after the scan make of it. */
  capacity = schema.length,
  batchRows = SCAN_BATCH_ROWS,
): RowBatches {
  const names = schema.map((c) => c.name);
  const types = schema.map((c) => c.type);
  const template: Row = schema.map((c) => emptyValue(c.type));
  // Each filter converts the columns it reads that earlier filters did not; the rest come after the filters.
  const done = new Set<number>();
  const filterColumns = filters.map((f) => {
    const fresh = f.reads.filter((i) => !done.has(i));
    fresh.forEach((i) => done.add(i));
    return fresh;
  });
  const rest = needed.flatMap((n, i) => (n && !done.has(i) ? [i] : []));
  const converted = [...done];
  // Only a row's own properties are its cells. A plain object whose prototype has no property of a
  // column's name needs no own-property test: reading the name can only find its own property.
  const namesShadowNothing = names.every((n) => !(n in Object.prototype));
  const ownKeysOnly = objectPrototypeIsClean();
  const ownCell = (input: InputRow, c: number) => convertInputValue(hasOwn.call(input, names[c]) ? input[names[c]] : undefined, types[c], ownKeysOnly);
  const plainCell = (input: InputRow, c: number) => convertInputValue(input[names[c]], types[c], ownKeysOnly);
  const cellReader = (input: InputRow) => {
    const proto: unknown = Object.getPrototypeOf(input);
    return namesShadowNothing && (proto === Object.prototype || proto === null) ? plainCell : ownCell;
  };
  let position = 0;
  const width = template.length;
  // Only the needed cells are ever read (column pruning), and each is written before a filter or a
  // later operator reads it: a new row is left without values in the others. On a wide schema
  // (SecurityEvent's 237 columns) filling them with empty values was most of the scan's time.
  const fresh = (): Row => newRow(width, capacity);
  let row = fresh();
  return {
    next() {
      if (position >= rows.length) return undefined;
      const end = Math.min(rows.length, position + batchRows);
      const out: Row[] = [];
      rows: for (let r = position; r < end; r++) {
        const input = rows[r];
        const cell = cellReader(input);
        onRow?.();
        for (let f = 0; f < filters.length; f++) {
          const columns = filterColumns[f];
          for (let k = 0; k < columns.length; k++) row[columns[k]] = cell(input, columns[k]);
          const filter = filters[f];
          filter.rowsIn++;
          if (!filter.test(row, ctx)) {
            // Reuse the array for the next row: only the filter columns were written.
            for (let k = 0; k < converted.length; k++) row[converted[k]] = template[converted[k]];
            continue rows;
          }
          filter.rowsOut++;
        }
        for (let k = 0; k < rest.length; k++) row[rest[k]] = cell(input, rest[k]);
        out.push(row);
        row = fresh();
      }
      position = end;
      return out;
    },
  };
}
