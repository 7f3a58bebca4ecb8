/** Appending rows to a table (streaming ingestion, `.ingest inline`): written to the store before memory. */
import { ErrorCodes, KqlSemanticError } from '../errors/index.js';
import type { ServeCatalog } from './catalog.js';
import { commitChange, type ChangeSink } from './changes.js';

/** Appends rows, given as arrays in the table's column order (parseIngestBody's output); returns how many. */
export function ingestRows(catalog: ServeCatalog, dbName: string | undefined, tableName: string, rows: unknown[][], store?: ChangeSink): number {
  const db = catalog.database(dbName);
  if (!db) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_DATABASE, `Database '${dbName}' does not exist; databases: ${[...catalog.databases.keys()].join(', ')}`);
  const table = db.tables.get(tableName);
  if (!table) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_TABLE, `Table '${tableName}' does not exist in database '${db.name}'`);
  if (rows.length > 0) commitChange(catalog, { op: 'append', db: db.name, table: tableName, columns: table.schema.map((c) => c.name), rows }, store);
  return rows.length;
}
