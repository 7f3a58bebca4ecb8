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

const PLAIN = 0, DATETIME = 1, TIMESPAN = 2, TEXT = 3, DYNAMIC = 4;

export function toOutputRows(table: Table, options: OutputOptions = {}): OutputRow[] {
  const columns: ColumnSchema[] = table.columns;
  const width = columns.length;
  const names = columns.map((c) => c.name);
  const types = columns.map((c) => c.type);
  const kinds = types.map((t) => (t === 'datetime' ? (options.timeAsText ? TEXT : DATETIME) : t === 'timespan' ? (options.timeAsText ? TEXT : TIMESPAN) : t === 'dynamic' ? DYNAMIC : PLAIN));
  // Plain assignment is faster, but would set the prototype for a column named __proto__.
  const plain = names.map((n) => n !== '__proto__');
  return table.rows.map((row) => {
    const out: OutputRow = {};
    for (let i = 0; i < width; i++) {
      let v = row[i];
      if (v === undefined) v = types[i] === 'string' ? '' : null;
      else if (v !== null && kinds[i] !== PLAIN) v = kinds[i] === DYNAMIC ? (typeof v === 'object' ? copyJson(v) : v) : timeOutput(v as TimeValue, kinds[i], types[i]);
      if (plain[i]) out[names[i]] = v;
      else Object.defineProperty(out, names[i], { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  });
}

/**
 * A fresh copy of a dynamic object or array, so that nothing in a result is shared with the caller's
 * input (dynamic cells are used as they are when they are already plain JSON: load-table.ts), with
 * constants of the query, or with another cell or result. Strings, numbers and bigints are immutable
 * and kept. Iterative, so no nesting depth can overflow the stack.
 */
export function copyJson(root: unknown): unknown {
  if (typeof root !== 'object' || root === null) return root;
  const top = shell(root);
  const from: object[] = [root];
  const into: object[] = [top];
  while (from.length > 0) {
    const src = from.pop()!;
    const dst = into.pop()!;
    if (Array.isArray(src)) {
      const out = dst as unknown[];
      for (let i = 0; i < src.length; i++) {
        const x: unknown = src[i];
        if (typeof x === 'object' && x !== null) {
          const c = shell(x);
          out[i] = c;
          from.push(x);
          into.push(c);
        } else out[i] = x;
      }
      continue;
    }
    const out = dst as Record<string, unknown>;
    for (const key of Object.keys(src)) {
      let x: unknown = (src as Record<string, unknown>)[key];
      if (typeof x === 'object' && x !== null) {
        const c = shell(x);
        from.push(x);
        into.push(c);
        x = c;
      }
      // A key named __proto__ (JSON.parse makes it an own property) stays plain data.
      if (key === '__proto__') Object.defineProperty(out, key, { value: x, enumerable: true, writable: true, configurable: true });
      else out[key] = x;
    }
  }
  return top;
}

function shell(v: object): object {
  return Array.isArray(v) ? new Array(v.length) : {};
}

function timeOutput(v: TimeValue, kind: number, type: string): unknown {
  if (kind === DATETIME) return new Date(typeof v === 'number' ? v : wholeMs(v));
  if (kind === TIMESPAN) return typeof v === 'number' ? v : toMs(v);
  return type === 'datetime' ? formatDateTime(v) : formatTimespan(v);
}
