/** Loads the tables of `run`: --table Name=path, --data dir, and --schema file. */
import type { TableInput } from '../run-kql.js';
import type { ColumnSchema } from '../runtime/types.js';
import { FileError } from '../node/format-error.js';
import { listDataDir, loadTableFile, tableFileFormat, tableNameOfFile } from '../node/load-table-file.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import { startProgress } from './progress.js';

/**
 * A record keyed by untrusted names (file names, JSON keys): no prototype, so `__proto__`, `constructor`
 * or `hasOwnProperty` are ordinary own keys and no name reads an inherited value.
 */
export function ownRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** Reads one --schema file (any of the forms of src/node/load-schemas.ts). */
export { loadSchemaFile } from '../node/load-schemas.js';

export interface LoadedTables {
  /** By table name (a Map: a file may be named `__proto__.json` or `constructor.csv`). */
  tables: Map<string, TableInput>;
  /** Where each table came from. */
  files: Map<string, string>;
  /** Tables named with --table (not --data), for the "not used by the query" warning. */
  explicit: string[];
}

/** Splits `Name=path` (or a bare path, named by its file name). */
export function parseTableArg(arg: string): { name: string; path: string } {
  const eq = arg.indexOf('=');
  // A bare path whose name part would contain a path separator is a path (`--table ./data/x=y.csv` is odd but legal).
  if (eq > 0 && !/[\\/]/.test(arg.slice(0, eq))) {
    const name = arg.slice(0, eq);
    const path = arg.slice(eq + 1);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`--table ${arg}: '${name}' is not a table name`);
    if (path === '') throw new UsageError(`--table ${arg}: no file after '='`);
    return { name, path };
  }
  if (!tableFileFormat(arg)) throw new UsageError(`--table ${arg}: expected Name=path.(json|ndjson|jsonl|csv)`);
  return { name: tableNameOfFile(arg), path: arg };
}

export function loadTables(opts: { tableArgs: string[]; dataDirs: string[]; schemas: Record<string, ColumnSchema[]> }, io: Io): LoadedTables {
  const sources: { name: string; file: string; explicit: boolean }[] = [];
  for (const dir of opts.dataDirs) for (const t of listDataDir(dir)) sources.push({ ...t, explicit: false });
  for (const arg of opts.tableArgs) {
    const { name, path } = parseTableArg(arg);
    sources.push({ name, file: path, explicit: true });
  }
  const tables = new Map<string, TableInput>();
  const files = new Map<string, string>();
  const explicit: string[] = [];
  const progress = startProgress(io);
  try {
    let total = 0;
    for (const [i, src] of sources.entries()) {
      if (src.explicit && files.has(src.name) && explicit.includes(src.name)) {
        throw new UsageError(`table ${src.name} is given twice (${files.get(src.name)} and ${src.file})`);
      }
      // --table wins over a file of the same name in --data.
      const rows = loadTableFile(src.file, {
        tableName: src.name,
        schema: Object.prototype.hasOwnProperty.call(opts.schemas, src.name) ? opts.schemas[src.name] : undefined,
        onProgress: (n) => progress.update(`loading ${src.file}: ${n.toLocaleString('en-US')} rows (table ${i + 1} of ${sources.length})`),
      });
      total += rows.length;
      progress.update(`loaded ${i + 1} of ${sources.length} tables, ${total.toLocaleString('en-US')} rows`);
      tables.set(src.name, rows);
      files.set(src.name, src.file);
      if (src.explicit) explicit.push(src.name);
    }
  } finally {
    progress.done();
  }
  return { tables, files, explicit };
}

/** The tables as runKql's `tables` argument: a record without prototype, every name an own key. */
export function tablesRecord(tables: Map<string, TableInput>): Record<string, TableInput> {
  return ownRecord(tables);
}

/** Whether the query text mentions a name as a whole word (a cheap test of "does the query read this table"). */
export function mentions(queryText: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_])${escaped}($|[^A-Za-z0-9_])`).test(queryText);
}
