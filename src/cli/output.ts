/** Result printing for `run`: an aligned table, one field per line (vertical), JSON, NDJSON or CSV. */
import { formatCell, formatTable } from '../format/format-table.js';
import type { KqlColumn } from '../run-kql.js';
import { PLAIN, type Paint } from './color.js';
import { didYouMean } from '../runtime/closest-name.js';
import { UsageError } from './errors.js';
import { formatVertical } from './vertical.js';
import { jsonText } from '../runtime/values.js';

export type OutputFormat = 'table' | 'vertical' | 'json' | 'ndjson' | 'csv';
export const OUTPUT_FORMATS: OutputFormat[] = ['table', 'vertical', 'json', 'ndjson', 'csv'];

/** The formats meant for people: the only ones with colour, notes on stdout and the width hint. */
export function isHumanFormat(format: OutputFormat): boolean {
  return format === 'table' || format === 'vertical';
}

export function parseFormat(text: string | undefined): OutputFormat {
  if (text === undefined) return 'table';
  if ((OUTPUT_FORMATS as string[]).includes(text)) return text as OutputFormat;
  throw new UsageError(`--format ${text}: use one of ${OUTPUT_FORMATS.join(', ')}`);
}

export function parseLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--limit ${text}: expected a whole number of rows`);
  return Number(text);
}

interface Result {
  columns: KqlColumn[];
  rows: Record<string, unknown>[];
}

/** `--columns a,b,c`: the names, trimmed, in order. */
export function parseColumnList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const names = text.split(',').map((n) => n.trim());
  if (names.some((n) => n === '')) throw new UsageError(`--columns ${text}: expected column names separated by commas`);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new UsageError(`--columns: ${twice} is named twice`);
  return names;
}

/** Only the named result columns, in the given order (rows keep their values; formats read the columns). */
export function selectColumns(columns: KqlColumn[], names: string[] | undefined): KqlColumn[] {
  if (names === undefined) return columns;
  const byName = new Map(columns.map((c) => [c.name, c]));
  return names.map((name) => {
    const column = byName.get(name);
    if (column) return column;
    const all = columns.map((c) => c.name);
    throw new UsageError(`--columns: the result has no column '${name}'${didYouMean(name, all)}; its ${all.length} columns: ${all.join(', ')}`);
  });
}

/** A row with datetimes as Kusto's ISO text and timespans as `d.hh:mm:ss` text, for the JSON formats. */
function jsonRow(row: Record<string, unknown>, columns: KqlColumn[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    const v = Object.prototype.hasOwnProperty.call(row, c.name) ? row[c.name] : undefined;
    // defineProperty: a column may be named `__proto__`, which plain assignment would not store.
    Object.defineProperty(out, c.name, {
      value: v === null || v === undefined ? null : c.type === 'datetime' || c.type === 'timespan' ? formatCell(v, c.type) : v,
      writable: true, enumerable: true, configurable: true,
    });
  }
  return out;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The result in the chosen format, without a trailing newline. `extra` is merged into the JSON object;
 * `paint` colours the table and vertical views only.
 */
export function formatResult(result: Result, format: OutputFormat, extra: Record<string, unknown> = {}, paint: Paint = PLAIN): string {
  const { columns, rows } = result;
  switch (format) {
    case 'table':
      if (paint === PLAIN) return formatTable({ columns, rows });
      return formatTable({ columns, rows }, { nullText: 'null', style: { header: paint.bold, rule: paint.dim, nullCell: paint.dim } });
    case 'vertical':
      return formatVertical({ columns, rows }, paint);
    case 'json':
      // jsonText writes longs beyond 2^53 (bigints) as their exact digits: JSON numbers, not strings.
      return jsonText({ ...extra, columns, rows: rows.map((r) => jsonRow(r, columns)) }, 2)!;
    case 'ndjson':
      return rows.map((r) => jsonText(jsonRow(r, columns))!).join('\n');
    case 'csv':
      return [
        columns.map((c) => csvField(c.name)).join(','),
        ...rows.map((r) => columns.map((c) => csvField(formatCell(Object.prototype.hasOwnProperty.call(r, c.name) ? r[c.name] : undefined, c.type))).join(',')),
      ].join('\n');
  }
}

/**
 * On a terminal, a table wider than it (one very long line per row) gets a hint on stderr; the output
 * itself stays a table, so what a command prints does not depend on the window's size.
 */
export function widthHint(text: string, columnCount: number, terminalColumns: number | undefined): string | undefined {
  if (terminalColumns === undefined || terminalColumns <= 0) return undefined;
  // The rule under the header spans the whole table; without colour codes.
  const width = (text.split('\n', 2)[1] ?? '').replace(/\x1b\[[0-9;]*m/g, '').length;
  if (width <= terminalColumns) return undefined;
  return `hint: ${columnCount} columns, ${width} characters wide (the terminal has ${terminalColumns}); use --columns a,b,... or --vertical`;
}
