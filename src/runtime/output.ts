/**
 * Engine values -> the values runKql returns: datetime -> Date, timespan -> milliseconds, dynamic -> JSON values.
 * Longs pass as they are: a number while safe, a bigint beyond 2^53 (src/runtime/int64.ts), inside dynamic
 * values too (docs/architecture.md, "Values").
 *
 * Datetimes and timespans are exact 100 ns ticks inside the engine (src/runtime/ticks.ts). By default a datetime
 * becomes a `Date` of its whole millisecond (the sub-millisecond ticks are dropped: the Date at or before the
 * value) and a timespan a number of milliseconds (exact for whole milliseconds; sub-millisecond ticks are its
 * fraction, as the nearest double). With `timeAsText` both come back as Kusto's text with all 7 fractional
 * digits (`2024-05-01T10:00:00.1234567Z`, `1.02:03:04.0000001`), exactly, as tostring() gives them.
 */
import type { ColumnSchema } from './types.js';
import type { Table } from './table.js';
import { formatDateTime, formatTimespan } from './datetime.js';
import { toMs, wholeMs, type TimeValue } from './ticks.js';

export type OutputRow = Record<string, unknown>;

export interface OutputOptions {
  /** Datetimes and timespans as Kusto's text (7 fractional digits, exact) instead of Date and milliseconds. */
  timeAsText?: boolean;
}

const PLAIN = 0, DATETIME = 1, TIMESPAN = 2, TEXT = 3;

export function toOutputRows(table: Table, options: OutputOptions = {}): OutputRow[] {
  const columns: ColumnSchema[] = table.columns;
  const width = columns.length;
  const names = columns.map((c) => c.name);
  const types = columns.map((c) => c.type);
  const kinds = types.map((t) => (t === 'datetime' ? (options.timeAsText ? TEXT : DATETIME) : t === 'timespan' ? (options.timeAsText ? TEXT : TIMESPAN) : PLAIN));
  // Plain assignment is faster, but would set the prototype for a column named __proto__.
  const plain = names.map((n) => n !== '__proto__');
  return table.rows.map((row) => {
    const out: OutputRow = {};
    for (let i = 0; i < width; i++) {
      let v = row[i];
      if (v === undefined) v = types[i] === 'string' ? '' : null;
      else if (v !== null && kinds[i] !== PLAIN) v = timeOutput(v as TimeValue, kinds[i], types[i]);
      if (plain[i]) out[names[i]] = v;
      else Object.defineProperty(out, names[i], { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  });
}

function timeOutput(v: TimeValue, kind: number, type: string): unknown {
  if (kind === DATETIME) return new Date(typeof v === 'number' ? v : wholeMs(v));
  if (kind === TIMESPAN) return typeof v === 'number' ? v : toMs(v);
  return type === 'datetime' ? formatDateTime(v) : formatTimespan(v);
}
