/**
 * `run --vertical` (`--format vertical`): one field per line, each row under a `-[ RECORD n ]` banner,
 * like psql's expanded display; for rows too wide for a terminal. Values are shown whole (the table
 * view cuts them at 60 characters), with line breaks as spaces.
 */
import { formatCell } from '../format/format-table.js';
import type { ColumnSchema } from '../runtime/types.js';
import { PLAIN, type Paint } from './color.js';

/** The dashes after a banner stop here, however long the values. */
const MAX_RULE = 80;

export function formatVertical(result: { columns: ColumnSchema[]; rows: Record<string, unknown>[] }, paint: Paint = PLAIN): string {
  const nameWidth = Math.max(0, ...result.columns.map((c) => c.name.length));
  const out: string[] = [];
  result.rows.forEach((row, i) => {
    const fields = result.columns.map((c) => {
      const v = Object.prototype.hasOwnProperty.call(row, c.name) ? row[c.name] : undefined;
      return { name: c.name, value: v === null || v === undefined ? undefined : formatCell(v, c.type).replace(/\s+/g, ' ') };
    });
    const valueWidth = Math.max(0, ...fields.map((f) => f.value?.length ?? 0));
    const banner = `-[ RECORD ${i + 1} ]`.padEnd(nameWidth + 1, '-');
    out.push(paint.dim(`${banner}+${'-'.repeat(Math.max(1, Math.min(valueWidth + 1, MAX_RULE - banner.length - 1)))}`));
    // A null shows as nothing, as in the table view; dimmed 'null' when colour can tell it apart.
    for (const f of fields) out.push(`${paint.bold(f.name.padEnd(nameWidth))} | ${f.value ?? (paint === PLAIN ? '' : paint.dim('null'))}`.trimEnd());
  });
  return out.join('\n');
}
