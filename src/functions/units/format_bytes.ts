import { defineScalar } from '../define.js';
import { roundTo } from '../scalar/round.js';

const UNITS = ['Bytes', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];

/**
 * size in binary units (1 KB = 1024 bytes), rounded half away from zero to `precision` decimals (default 0)
 * and printed without trailing zeros ("19.08 MB", "1 KB"). Without units (or with ""), the largest unit the
 * size reaches is used. A null or non-finite size and unknown units give "" (see docs/differences-from-kusto.md).
 */
function formatBytes(size: unknown, precision: unknown, units: unknown): string {
  if (typeof size !== 'number' || !Number.isFinite(size)) return '';
  const digits = typeof precision === 'number' && Number.isFinite(precision) ? Math.min(15, Math.max(0, Math.trunc(precision))) : 0;
  let i: number;
  if (units === undefined || units === null || units === '') {
    i = 0;
    while (i < UNITS.length - 1 && Math.abs(size) >= 1024 ** (i + 1)) i++;
  } else {
    i = UNITS.indexOf(units as string);
    if (i < 0) return '';
  }
  const v = roundTo(size / 1024 ** i, digits);
  return `${v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })} ${UNITS[i]}`;
}

export const format_bytes = defineScalar({
  name: 'format_bytes',
  description: 'Formats a number of bytes as text with a data-size unit (Bytes, KB, MB, GB, TB, PB, EB; binary multiples).',
  overloads: [{
    params: ['number', 'number', 'string'],
    optional: 2,
    result: 'string',
    nulls: 'pass',
    kernel: ([size, precision, units]) => formatBytes(size, precision, units),
  }],
});
