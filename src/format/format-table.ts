/** Renders a result as an aligned text table with Kusto-style headers, for terminals and logs. */
import type { ColumnSchema } from '../runtime/types.js';
import { formatDateTime, formatTimespan } from '../runtime/datetime.js';
import type { TimeValue } from '../runtime/ticks.js';
import { formatReal, jsonText } from '../runtime/values.js';

export interface FormatTableOptions {
  /** Cells longer than this are cut with an ellipsis (default 60). */
  maxCellWidth?: number;
  /** The text of a null cell (default ''). */
  nullText?: string;
  /** Decorations applied after padding, so they take no width (the CLI's terminal colours). */
  style?: { header?(text: string): string; rule?(text: string): string; nullCell?(text: string): string };
}

/**
 * The text of one cell as Kusto shows it: datetimes in ISO form, timespans as d.hh:mm:ss, dynamic as JSON.
 * A datetime may be a Date or milliseconds, a timespan milliseconds (a fraction is read to the nearest tick),
 * and either may be the exact text runKql returns with `timeAsText`, which is shown as it is.
 */
export function formatCell(value: unknown, type: ColumnSchema['type']): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'datetime':
      if (typeof value === 'string') return value;
      return formatDateTime(value instanceof Date ? value.getTime() : (value as TimeValue));
    case 'timespan':
      if (typeof value === 'string') return value;
      return formatTimespan(value as TimeValue);
    case 'real':
    case 'decimal':
      return formatReal(value as number);
    case 'dynamic':
      return jsonText(value) ?? '';
    default:
      return String(value); // a long beyond 2^53 is a bigint: its exact digits
  }
}

export function formatTable(result: { columns: ColumnSchema[]; rows: Record<string, unknown>[] }, options: FormatTableOptions = {}): string {
  const max = options.maxCellWidth ?? 60;
  const { header: paintHeader = same, rule: paintRule = same, nullCell: paintNull = same } = options.style ?? {};
  const clip = (s: string) => (s.length > max ? s.slice(0, max - 1) + '…' : s);
  const header = result.columns.map((c) => `${c.name}:${c.type}`);
  const cells = result.rows.map((row) =>
    result.columns.map((c) => {
      const v = row[c.name];
      return v === null || v === undefined ? { text: options.nullText ?? '', paint: paintNull } : { text: clip(formatCell(v, c.type).replace(/\s+/g, ' ')), paint: same };
    }),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].text.length)));
  const line = (parts: { text: string; paint: (t: string) => string }[]) => parts.map((p, i) => p.paint(p.text.padEnd(widths[i]))).join(' | ').trimEnd();
  return [
    line(header.map((text) => ({ text, paint: paintHeader }))),
    paintRule(widths.map((w) => '-'.repeat(w)).join('-+-')),
    ...cells.map(line),
  ].join('\n');
}

const same = (text: string) => text;
