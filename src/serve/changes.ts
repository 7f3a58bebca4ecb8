/**
 * Every change to a ServeCatalog, as a plain JSON record: management commands and ingestion build one, the
 * durable store (src/serve/store.ts) writes it before it is applied, and replays the same records on restart,
 * so what a restart sees is exactly what was acknowledged.
 */
import type { ColumnSchema } from '../runtime/types.js';
import type { ServeCatalog, ServeFunction } from './catalog.js';

/** Rows are arrays in the table schema's column order, of JSON values (see toStoredValue). */
export type ServeChange =
  | { op: 'putSchema'; db: string; table: string; schema: ColumnSchema[] }
  /** `columns` names the values of each row (the table's columns when written), so a replay over tables loaded again from `--data` maps them by name. */
  | { op: 'append'; db: string; table: string; columns: string[]; rows: unknown[][] }
  | { op: 'replace'; db: string; table: string; schema: ColumnSchema[]; rows: unknown[][] }
  | { op: 'dropTable'; db: string; table: string }
  | { op: 'putFunction'; db: string; name: string; fn: ServeFunction }
  | { op: 'dropFunction'; db: string; name: string };

const BIG = '\u0000bigint:';

/**
 * A dynamic value holding bigints (integers beyond 2^53, as runKql returns them) as JSON text with their exact
 * digits, which a dynamic column reads back exactly; other values as they are.
 */
function withExactBigInts(v: object): unknown {
  let found = false;
  const json = JSON.stringify(v, (_key, x: unknown) => {
    if (typeof x !== 'bigint') return x;
    found = true;
    return BIG + x.toString();
  });
  return found ? json.replace(/"\\u0000bigint:(-?\d+)"/g, '$1') : v;
}

/**
 * A value as the catalog keeps it: JSON data the engine's input conversion reads back exactly (a Date as ISO
 * text, a bigint as its digits, which a long column reads exactly).
 */
export function toStoredValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'object' && v !== null) return withExactBigInts(v);
  return v;
}

function rowObjects(columns: string[], rows: unknown[][]): Record<string, unknown>[] {
  return rows.map((values) => {
    const row = Object.create(null) as Record<string, unknown>;
    columns.forEach((name, i) => {
      row[name] = values[i] ?? null;
    });
    return row;
  });
}

/** Applies one change to the catalog (the database is created when missing: the store replays into an empty catalog). */
export function applyChange(catalog: ServeCatalog, change: ServeChange): void {
  const db = catalog.ensureDatabase(change.db);
  switch (change.op) {
    case 'putSchema': {
      const old = db.tables.get(change.table);
      db.tables.set(change.table, { schema: change.schema.map((c) => ({ ...c })), rows: old?.rows ?? [] });
      return;
    }
    case 'append': {
      const table = db.tables.get(change.table);
      if (!table) return; // written only for existing tables; a replayed log never gets here
      // A caller may have frozen the array it was given by queryInputs() (the test suite freezes runKql's inputs).
      if (!Object.isExtensible(table.rows)) table.rows = table.rows.slice();
      for (const row of rowObjects(change.columns, change.rows)) table.rows.push(row);
      return;
    }
    case 'replace':
      db.tables.set(change.table, { schema: change.schema.map((c) => ({ ...c })), rows: rowObjects(change.schema.map((c) => c.name), change.rows) });
      return;
    case 'dropTable':
      db.tables.delete(change.table);
      return;
    case 'putFunction':
      db.functions.set(change.name, { ...change.fn });
      return;
    case 'dropFunction':
      db.functions.delete(change.name);
      return;
  }
}

/** Anything that keeps changes durably (ServeStore); commit() writes there first, then changes memory. */
export interface ChangeSink {
  write(change: ServeChange): void;
}

export function commitChange(catalog: ServeCatalog, change: ServeChange, store?: ChangeSink): void {
  store?.write(change);
  applyChange(catalog, change);
}
