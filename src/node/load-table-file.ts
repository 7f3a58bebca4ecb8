/**
 * Node-only: read a table from a file (.json array of rows, .ndjson/.jsonl one row per line, .csv with
 * a header row), or every `TableName.(json|ndjson|jsonl|csv)` in a directory. Problems are FileErrors
 * naming the file and, for line-based formats, the line.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ColumnSchema } from '../runtime/types.js';
import type { InputRow } from '../runtime/load-table.js';
import { FileError } from './format-error.js';
import { parseTableText, TableTextError, type TableTextFormat, type TableTextOptions } from '../tables/table-text.js';

export type TableFileFormat = TableTextFormat;

export type LoadTableFileOptions = TableTextOptions;

export interface TableFile {
  name: string;
  file: string;
  rows: InputRow[];
}

const FORMATS: Record<string, TableFileFormat> = { '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.csv': 'csv' };

/** The format of a table file from its extension, or undefined. */
export function tableFileFormat(path: string): TableFileFormat | undefined {
  return FORMATS[extname(path).toLowerCase()];
}

/** The table name a file stands for: its base name without the extension (`data/SigninLogs.csv` -> SigninLogs). */
export function tableNameOfFile(path: string): string {
  return basename(path, extname(path));
}

/** A table file's text (a byte-order mark dropped); a FileError when it cannot be read. */
export function readText(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new FileError(path, 'no such file');
    if (code === 'EISDIR') throw new FileError(path, 'is a directory, expected a table file');
    throw new FileError(path, `cannot read: ${(err as Error).message}`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads one table file; the format comes from the extension (.json, .ndjson, .jsonl, .csv). */
export function loadTableFile(path: string, options: LoadTableFileOptions = {}): InputRow[] {
  const format = tableFileFormat(path);
  if (!format) throw new FileError(path, 'unknown table file type: use .json, .ndjson, .jsonl or .csv');
  const text = readText(path);
  try {
    return parseTableText(text, format, options);
  } catch (err) {
    if (err instanceof TableTextError) throw new FileError(path, err.message, err.line);
    throw err;
  }
}

/** The table files directly inside a directory, by table name (`SigninLogs.csv` -> SigninLogs). */
export function listDataDir(dir: string): { name: string; file: string }[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new FileError(dir, 'is not a directory');
    entries = readdirSync(dir).sort();
  } catch (err) {
    if (err instanceof FileError) throw err;
    throw new FileError(dir, (err as { code?: string }).code === 'ENOENT' ? 'no such directory' : `cannot read: ${(err as Error).message}`);
  }
  const out: { name: string; file: string }[] = [];
  const byName = new Map<string, string>();
  for (const entry of entries) {
    const file = join(dir, entry);
    if (!tableFileFormat(entry) || !statSync(file).isFile()) continue;
    const name = tableNameOfFile(entry);
    const other = byName.get(name);
    if (other) throw new FileError(dir, `table ${name} is given twice: ${basename(other)} and ${entry}`);
    byName.set(name, file);
    out.push({ name, file });
  }
  return out;
}

/** Reads every table file in a directory. */
export function loadDataDir(dir: string, options: { schemas?: Record<string, ColumnSchema[]>; onProgress?: (file: string, rows: number) => void } = {}): TableFile[] {
  return listDataDir(dir).map(({ name, file }) => ({
    name,
    file,
    rows: loadTableFile(file, {
      tableName: name,
      schema: options.schemas && Object.prototype.hasOwnProperty.call(options.schemas, name) ? options.schemas[name] : undefined,
      onProgress: options.onProgress && ((n) => options.onProgress!(file, n)),
    }),
  }));
}
