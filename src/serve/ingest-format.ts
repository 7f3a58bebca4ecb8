/**
 * Bodies of ingestion (streaming ingestion's `streamFormat`, `.ingest inline`) -> rows in a table's column
 * order. Without an ingestion mapping Kusto maps JSON properties to columns by name and CSV values by position.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { ErrorCodes, KqlSemanticError, KqlSyntaxError } from '../errors/index.js';
import type { ColumnSchema } from '../runtime/types.js';
import { matchingBracket } from '../rules/function-definitions.js';
import { toStoredValue } from './changes.js';

export type IngestFormat = 'csv' | 'json' | 'multijson';

export const INGEST_FORMATS: readonly IngestFormat[] = ['csv', 'json', 'multijson'];

function badBody(message: string): KqlSyntaxError {
  return new KqlSyntaxError(ErrorCodes.SYN_BAD_COMMAND, message);
}

/** A JSON object's values in the schema's column order (properties that are no column are ignored, as Kusto does). */
export function objectToRow(obj: unknown, schema: ColumnSchema[], where: string): unknown[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new KqlSemanticError(ErrorCodes.SEM_SCHEMA_MISMATCH, `${where} is not a JSON object: each record must be an object of column values`);
  }
  return schema.map((c) => (Object.prototype.hasOwnProperty.call(obj, c.name) ? toStoredValue((obj as Record<string, unknown>)[c.name]) : null));
}

/** CSV records in column order; a record with more values than the table has columns is an error. */
export function csvRows(text: string, schema: ColumnSchema[]): unknown[][] {
  let records: string[][];
  try {
    records = parseCsv(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw badBody(`Malformed CSV: ${(err as Error).message}`);
  }
  return records.map((values, i) => {
    if (values.length > schema.length) {
      throw new KqlSemanticError(ErrorCodes.SEM_SCHEMA_MISMATCH, `CSV record ${i + 1} has ${values.length} values but the table has ${schema.length} columns`);
    }
    return schema.map((_, j) => values[j] ?? null);
  });
}

function parseJsonText(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badBody(`Malformed JSON in ${where}: ${(err as Error).message.replace(/, ".*" is not valid JSON$/s, '')}`);
  }
}

/** `json`: one object per line. */
function jsonLines(text: string, schema: ColumnSchema[]): unknown[][] {
  const rows: unknown[][] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    rows.push(objectToRow(parseJsonText(line, `line ${i + 1}`), schema, `Line ${i + 1}`));
  });
  return rows;
}

/** `multijson`: objects one after another, each over any number of lines, or one array of objects. */
function multiJson(text: string, schema: ColumnSchema[]): unknown[][] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    const data = parseJsonText(trimmed, 'the body');
    if (!Array.isArray(data)) throw badBody('Malformed JSON: expected an array of objects');
    return data.map((obj, i) => objectToRow(obj, schema, `Record ${i + 1}`));
  }
  const rows: unknown[][] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    if (text[i] !== '{') throw badBody(`Malformed multi-JSON: expected '{' at offset ${i}`);
    const end = matchingBracket(text, i);
    if (end < 0) throw badBody(`Malformed multi-JSON: the object at offset ${i} is never closed`);
    rows.push(objectToRow(parseJsonText(text.slice(i, end + 1), `record ${rows.length + 1}`), schema, `Record ${rows.length + 1}`));
    i = end + 1;
  }
  return rows;
}

const PARSERS: Record<IngestFormat, (text: string, schema: ColumnSchema[]) => unknown[][]> = {
  csv: csvRows,
  json: jsonLines,
  multijson: multiJson,
};

/** The format named by a request (`streamFormat=Json`, case-insensitive), or undefined. */
export function ingestFormat(name: string): IngestFormat | undefined {
  const lower = name.toLowerCase();
  return (INGEST_FORMATS as readonly string[]).includes(lower) ? (lower as IngestFormat) : undefined;
}

/** The rows of an ingestion body, in the schema's column order. */
export function parseIngestBody(text: string, format: IngestFormat, schema: ColumnSchema[]): unknown[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return PARSERS[format](body, schema);
}
