/** Result printing for `run`: an aligned table, JSON, NDJSON or CSV. */
import { formatCell, formatTable } from '../format/format-table.js';
import type { KqlColumn } from '../run-kql.js';
import { UsageError } from './errors.js';
import { jsonText } from '../runtime/values.js';

export type OutputFormat = 'table' | 'json' | 'ndjson' | 'csv';
export const OUTPUT_FORMATS: OutputFormat[] = ['table', 'json', 'ndjson', 'csv'];

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

/** The result in the chosen format, without a trailing newline. `extra` is merged into the JSON object. */
export function formatResult(result: Result, format: OutputFormat, extra: Record<string, unknown> = {}): string {
  const { columns, rows } = result;
  switch (format) {
    case 'table':
      return formatTable({ columns, rows });
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
