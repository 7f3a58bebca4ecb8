/** Engine values -> the values runKql returns: datetime -> Date, timespan -> milliseconds, dynamic -> JSON values. */
import type { ColumnSchema } from './types.js';
import type { Table } from './table.js';

export type OutputRow = Record<string, unknown>;

export function toOutputRows(table: Table): OutputRow[] {
  const columns: ColumnSchema[] = table.columns;
  return table.rows.map((row) => {
    const out: OutputRow = {};
    columns.forEach((c, i) => {
      let v = row[i];
      if (v === undefined) v = c.type === 'string' ? '' : null;
      else if (c.type === 'datetime' && typeof v === 'number') v = new Date(v);
      // defineProperty: a column named __proto__ stays plain data.
      Object.defineProperty(out, c.name, { value: v, enumerable: true, writable: true, configurable: true });
    });
    return out;
  });
}
