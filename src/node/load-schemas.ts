/**
 * Table schema files for tables without a built-in schema (custom `_CL` tables, a team's own tables): a
 * file or a directory of `.json` files, each in one of three forms:
 *   { "Table": [{ "name": "Col", "type": "string" }, ...], ... }   several tables, columns as a list
 *   { "Table": { "Col": "string", ... }, ... }                        several tables, columns as a record
 *   { "Name": "Table_CL", "Properties": [{ "Name": "Col", "Type": "String" }, ...] }
 *                                                                      one table: the custom table files of the
 *                                                                      Azure-Sentinel repository's KQL validation
 * Type names in any case, with Kusto's aliases (`String`, `DateTime`, `Int64`, `Boolean`, `Double`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { normalizeSchemas } from '../runtime/schema-input.js';
import { KQL_TYPES, type ColumnSchema } from '../runtime/types.js';
import { FileError } from './format-error.js';

const FORMS =
  'expected { "Table": [{ "name": "Col", "type": "string" }] }, { "Table": { "Col": "string" } } ' +
  'or { "Name": "Table", "Properties": [{ "Name": "Col", "Type": "string" }] }';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new FileError(path, (err as { code?: string }).code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new FileError(path, `malformed JSON: ${(err as Error).message.replace(/, ".*" is not valid JSON$/s, '')}`);
  }
}

/** The Azure-Sentinel custom table form as the `{ Table: [{ name, type }] }` form. */
function fromSentinelTable(path: string, data: Record<string, unknown>): Record<string, unknown> {
  const { Name: table, Properties: props } = data;
  if (typeof table !== 'string' || !Array.isArray(props)) throw new FileError(path, FORMS);
  const columns = props.map((p: unknown, i) => {
    if (!isRecord(p) || typeof p.Name !== 'string' || typeof p.Type !== 'string') {
      throw new FileError(path, `table ${table}, column ${i + 1}: expected { "Name": ..., "Type": ... }`);
    }
    return { name: p.Name, type: p.Type };
  });
  const out = Object.create(null) as Record<string, unknown>;
  out[table] = columns;
  return out;
}

/** Reads one schema file: its tables (a record without prototype), every column type checked. */
export function loadSchemaFile(path: string): Record<string, ColumnSchema[]> {
  const data = readJson(path);
  if (!isRecord(data)) throw new FileError(path, FORMS);
  const isSentinelTable = typeof data.Name === 'string' && Array.isArray(data.Properties);
  const raw = isSentinelTable ? fromSentinelTable(path, data) : data;
  for (const table of Object.keys(raw)) {
    const cols = raw[table];
    if (!Array.isArray(cols) && !isRecord(cols)) throw new FileError(path, `table ${table}: ${FORMS}`);
    if (Array.isArray(cols)) {
      cols.forEach((c: unknown, i) => {
        if (!isRecord(c) || typeof c.name !== 'string' || typeof c.type !== 'string') {
          throw new FileError(path, `table ${table}, column ${i + 1}: expected { "name": ..., "type": ... }`);
        }
      });
    }
  }
  const schemas = normalizeSchemas(raw as Record<string, never>);
  for (const table of Object.keys(schemas)) {
    for (const c of schemas[table]) {
      if (typeof c.type !== 'string' || !KQL_TYPES.includes(c.type)) {
        throw new FileError(path, `table ${table}, column ${c.name}: unknown type ${JSON.stringify(c.type)} (use ${KQL_TYPES.join(', ')})`);
      }
    }
    // Only name and type: a column's other properties in the file are not part of a schema.
    schemas[table] = schemas[table].map((c) => ({ name: c.name, type: c.type }));
  }
  return schemas;
}

/** Every .json file under a directory, recursively and sorted (dot directories skipped). */
function jsonFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) out.push(...jsonFilesUnder(path));
    else if (entry.isFile() && extname(entry.name).toLowerCase() === '.json') out.push(path);
  }
  return out;
}

/**
 * Reads schema files and directories of them (see the module comment for the forms) into one
 * `{ Table: [{ name, type }] }` record without prototype, for `options.schemas`. A table defined in two
 * files is an error naming both.
 */
export function loadSchemas(paths: string | readonly string[]): Record<string, ColumnSchema[]> {
  const out = Object.create(null) as Record<string, ColumnSchema[]>;
  const from = new Map<string, string>();
  for (const path of typeof paths === 'string' ? [paths] : paths) {
    let files: string[];
    try {
      files = statSync(path).isDirectory() ? jsonFilesUnder(path) : [path];
    } catch (err) {
      throw new FileError(path, (err as { code?: string }).code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${(err as Error).message}`);
    }
    for (const file of files) {
      const tables = loadSchemaFile(file);
      for (const table of Object.keys(tables)) {
        if (from.has(table)) throw new FileError(file, `table ${table} is also defined in ${from.get(table)}`);
        from.set(table, file);
        out[table] = tables[table];
      }
    }
  }
  return out;
}
