/**
 * Table text to rows, the same way wherever it comes from: a .json array of row objects (or `{ rows }`),
 * NDJSON (one object per line), or CSV with a header row. Used by the file loaders (src/node/) and by the
 * playground for pasted or dropped tables, so both read a table alike. Browser-safe. Problems are
 * TableTextErrors with the line, when the format has lines.
 */
import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import type { ColumnSchema } from '../runtime/types.js';
import type { InputRow } from '../runtime/load-table.js';
import { getBuiltinSchema } from '../schemas/index.js';
import { jsonNestedDeeperThan, parseExactJson } from '../runtime/values.js';
import { parseLong } from '../runtime/int64.js';

export type TableTextFormat = 'json' | 'ndjson' | 'csv';

export interface TableTextOptions {
  /** The table's name: used to find its built-in schema for typing CSV text. */
  tableName?: string;
  /** Column types for CSV text (else the built-in schema of tableName, else inferred from the text). */
  schema?: ColumnSchema[];
  /** Called now and then while rows are read (every 10,000 rows), with the count so far. */
  onProgress?: (rows: number) => void;
}

/** A problem with table text: the message, and the 1-based line it is on when known. */
export class TableTextError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
    this.name = 'TableTextError';
  }
}

const PROGRESS_EVERY = 10_000;

/** The rows of table text in the given format. */
export function parseTableText(text: string, format: TableTextFormat, options: TableTextOptions = {}): InputRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  switch (format) {
    case 'json':
      return parseJsonRows(body);
    case 'ndjson':
      return parseNdjsonRows(body, options.onProgress);
    case 'csv':
      return parseCsvRows(body, options);
  }
}

/**
 * The format of pasted text: a JSON array (or a single JSON document) is json; lines that each start
 * with `{` are ndjson; anything else is CSV.
 */
export function guessTableTextFormat(text: string): TableTextFormat {
  const t = text.trim();
  if (t.startsWith('[')) return 'json';
  if (t.startsWith('{')) {
    const lines = t.split('\n').filter((l) => l.trim() !== '');
    return lines.length > 1 && lines.every((l) => l.trim().startsWith('{') && l.trim().endsWith('}')) ? 'ndjson' : 'json';
  }
  return 'csv';
}

function isRow(v: unknown): v is InputRow {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** JSON.parse's complaint without V8's echo of the input, and the line it points at when it says. */
function jsonProblem(err: unknown, text: string): { message: string; line?: number } {
  const raw = err instanceof Error ? err.message : String(err);
  const pos = /at position (\d+)/.exec(raw);
  const message = raw.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
  return { message, line: pos ? lineAt(text, Number(pos[1])) : undefined };
}

/**
 * Integers beyond 2^53 in the file keep every digit (bigints, as runKql's long values): JSON text that may
 * hold one (a run of 16 digits) is read again exactly once JSON.parse has accepted it.
 */
function exactJson(parsed: unknown, text: string): unknown {
  return /\d{16}/.test(text) && !jsonNestedDeeperThan(text) ? parseExactJson(text) : parsed;
}

function parseJsonRows(text: string): InputRow[] {
  let data: unknown;
  try {
    data = exactJson(JSON.parse(text), text);
  } catch (err) {
    const { message, line } = jsonProblem(err, text);
    throw new TableTextError(`malformed JSON: ${message}`, line);
  }
  // Also accept { rows: [...] } (the shape of a golden case's expected.json, or an exported result).
  if (isRow(data) && Array.isArray(data.rows)) data = data.rows;
  if (!Array.isArray(data)) throw new TableTextError('expected a JSON array of row objects');
  data.forEach((row, i) => {
    if (!isRow(row)) throw new TableTextError(`row ${i + 1} is not a JSON object`);
  });
  return data as InputRow[];
}

function parseNdjsonRows(text: string, onProgress?: (rows: number) => void): InputRow[] {
  const rows: InputRow[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let row: unknown;
    try {
      row = exactJson(JSON.parse(line), line);
    } catch (err) {
      throw new TableTextError(`malformed JSON on this line: ${jsonProblem(err, line).message}`, i + 1);
    }
    if (!isRow(row)) throw new TableTextError('expected one JSON object per line', i + 1);
    rows.push(row);
    if (onProgress && rows.length % PROGRESS_EVERY === 0) onProgress(rows.length);
  }
  return rows;
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A CSV number: an integer beyond 2^53 (within int64) exactly, as a bigint; others as doubles. */
function csvNumber(v: string): number | bigint {
  const n = Number(v);
  if (!Number.isInteger(n) || Number.isSafeInteger(n)) return n;
  const exact = parseLong(v);
  return typeof exact === 'bigint' ? exact : n;
}

/**
 * Stores a cell under a column name taken from the file: `__proto__` needs defineProperty (plain
 * assignment would set the prototype instead); any other name is an own key by plain assignment.
 */
function setCell(row: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(row, name, { value, writable: true, enumerable: true, configurable: true });
  else row[name] = value;
}

/** Without a schema, CSV text is typed per column: all numbers -> numbers, all true/false -> bool, else text. */
function typeUntypedCsv(rows: Record<string, string>[], columns: string[]): InputRow[] {
  const kinds = new Map<string, 'number' | 'bool' | 'string'>();
  for (const c of columns) {
    let kind: 'number' | 'bool' | 'string' | undefined;
    for (const r of rows) {
      const v = r[c];
      if (v === undefined || v === '') continue;
      const k = NUMBER_TEXT.test(v.trim()) ? 'number' : /^(true|false)$/i.test(v) ? 'bool' : 'string';
      if (kind === undefined) kind = k;
      else if (kind !== k) {
        kind = 'string';
        break;
      }
    }
    kinds.set(c, kind ?? 'string');
  }
  return rows.map((r) => {
    const out: InputRow = {};
    for (const c of columns) {
      const v = r[c];
      const kind = kinds.get(c);
      if (kind !== 'string' && (v === undefined || v === '')) continue;
      setCell(out, c, kind === 'number' ? csvNumber(v) : kind === 'bool' ? v.toLowerCase() === 'true' : v);
    }
    return out;
  });
}

function parseCsvRows(text: string, options: TableTextOptions): InputRow[] {
  let records: string[][];
  try {
    records = parseCsv(text, { skip_empty_lines: true, relax_quotes: false });
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      const message = err.message.replace(/^Invalid Record Length: /, 'wrong number of fields: ').replace(/ on line \d+$/, '');
      throw new TableTextError(`malformed CSV: ${message}`, line);
    }
    throw err;
  }
  if (records.length === 0) return [];
  const [header, ...body] = records;
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name.trim() === '') throw new TableTextError(`malformed CSV: header column ${i + 1} has no name`, 1);
    if (seen.has(name)) throw new TableTextError(`malformed CSV: header names column '${name}' twice`, 1);
    seen.add(name);
  });
  const rows = body.map((rec, i) => {
    if (rec.length !== header.length) {
      throw new TableTextError(`malformed CSV: ${rec.length} fields where the header has ${header.length}`, i + 2);
    }
    const row: Record<string, string> = {};
    header.forEach((name, j) => setCell(row, name, rec[j]));
    if (options.onProgress && (i + 1) % PROGRESS_EVERY === 0) options.onProgress(i + 1);
    return row;
  });
  const schema = options.schema ?? (options.tableName ? getBuiltinSchema(options.tableName) : undefined);
  if (!schema) return typeUntypedCsv(rows, header);
  // Typed by the schema: the engine converts text as Sentinel ingests it; an empty cell is a missing value.
  const types = new Map(schema.map((c) => [c.name, c.type]));
  return rows.map((r) => {
    const out: InputRow = {};
    for (const name of header) {
      const v = r[name];
      if (v === '' && types.get(name) !== 'string') continue;
      setCell(out, name, v);
    }
    return out;
  });
}
