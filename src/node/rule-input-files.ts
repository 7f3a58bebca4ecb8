/**
 * Node-only: the files of rule inputs other than tables, read by the table loader (load-table-file.ts)
 * with the typing each input needs:
 * - a watchlist from CSV keeps every cell as text, as Sentinel stores an uploaded watchlist's values;
 * - externaldata rows from CSV keep their cells as text too: the query's `externaldata(Col:type, ...)`
 *   declares the types, and runKql converts the text to them.
 * JSON and NDJSON rows are taken as written. Problems are FileErrors naming the file and line.
 */
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { TableInput } from '../run-kql.js';
import type { InputRow } from '../runtime/load-table.js';
import { loadTableFile, tableFileFormat } from './load-table-file.js';

/** The header of a CSV file (its first record), or [] when it cannot be read (loading the file reports why). */
function csvHeader(path: string): string[] {
  try {
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const [header] = parseCsv(text, { to_line: 1, skip_empty_lines: true }) as string[][];
    return header ?? [];
  } catch {
    return [];
  }
}

/** A watchlist file: JSON/NDJSON rows as written; CSV as `{ schema, rows }` with every column a string. */
export function readWatchlistFile(path: string): TableInput {
  if (tableFileFormat(path) !== 'csv') return loadTableFile(path);
  const schema = csvHeader(path).map((name) => ({ name, type: 'string' as const }));
  return { schema, rows: loadTableFile(path, { schema }) };
}

/** Rows for `externaldata(...)[url]`: CSV cells as text (converted to the declared column types by runKql). */
export function readExternalDataFile(path: string): InputRow[] {
  return loadTableFile(path, { schema: [] });
}
