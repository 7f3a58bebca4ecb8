/**
 * Engine values -> the values runKql returns: datetime -> Date, timespan -> milliseconds, dynamic -> JSON values.
 * Longs pass as they are: a number while safe, a bigint beyond 2^53 (src/runtime/int64.ts), inside dynamic
 * values too (docs/architecture.md, "Values").
 */
import type { ColumnSchema } from './types.js';
import type { Table } from './table.js';

export type OutputRow = Record<string, unknown>;

export function toOutputRows(table: Table): OutputRow[] {
  const columns: ColumnSchema[] = table.columns;
  const width = columns.length;
  const names = columns.map((c) => c.name);
  const types = columns.map((c) => c.type);
  // Plain assignment is faster, but would set the prototype for a column named __proto__.
  const plain = names.map((n) => n !== '__proto__');
  return table.rows.map((row) => {
    const out: OutputRow = {};
    for (let i = 0; i < width; i++) {
      let v = row[i];
      if (v === undefined) v = types[i] === 'string' ? '' : null;
      else if (types[i] === 'datetime' && typeof v === 'number') v = new Date(v);
      if (plain[i]) out[names[i]] = v;
      else Object.defineProperty(out, names[i], { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  });
}
