import { ticksOfSecond, timespanParts, utcParts } from '../../runtime/datetime.js';
import type { TimeValue } from '../../runtime/ticks.js';
import type { ArgInfo, BindFailure } from '../registry-types.js';
import { constantString, defineScalar } from '../define.js';

/** Separators allowed between format specifiers (format-datetime-function.md). */
const SEPARATORS = new Set([' ', '/', '-', ':', ',', '.', '_', '[', ']']);

type Token = { spec: string } | { literal: string };

/** Split a format into runs of one letter (yyyy, MM, fff) and separators; undefined when a character is not allowed. */
function tokenize(format: string, letters: string): Token[] | undefined {
  const out: Token[] = [];
  for (let i = 0; i < format.length;) {
    const ch = format[i];
    if (letters.includes(ch)) {
      let j = i;
      while (j < format.length && format[j] === ch) j++;
      out.push({ spec: format.slice(i, j) });
      i = j;
    } else if (SEPARATORS.has(ch)) {
      out.push({ literal: ch });
      i++;
    } else {
      return undefined;
    }
  }
  return out;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** f..fffffff: the first n digits of the 7-digit tick fraction; F..: the same with trailing zeros removed. */
function fraction(spec: string, ticks7: string): string | undefined {
  if (spec.length > 7) return undefined;
  const digits = ticks7.slice(0, spec.length);
  return spec[0] === 'f' ? digits : digits.replace(/0+$/, '');
}

const DATETIME_SPECS: Record<string, (p: ReturnType<typeof utcParts>) => string> = {
  d: (p) => String(p.day), dd: (p) => pad(p.day, 2),
  h: (p) => String(p.hour % 12 || 12), hh: (p) => pad(p.hour % 12 || 12, 2),
  H: (p) => String(p.hour), HH: (p) => pad(p.hour, 2),
  m: (p) => String(p.minute), mm: (p) => pad(p.minute, 2),
  M: (p) => String(p.month), MM: (p) => pad(p.month, 2),
  s: (p) => String(p.second), ss: (p) => pad(p.second, 2),
  y: (p) => String(p.year % 100), yy: (p) => pad(p.year % 100, 2), yyyy: (p) => pad(p.year, 4),
  tt: (p) => (p.hour < 12 ? 'AM' : 'PM'),
};

function validFormat(tokens: Token[] | undefined, specs: Record<string, unknown>): boolean {
  return !!tokens && tokens.every((t) => 'literal' in t || /^[fF]{1,7}$/.test(t.spec) || Object.prototype.hasOwnProperty.call(specs, t.spec));
}

function checkFormat(letters: string, specs: Record<string, unknown>) {
  return (args: ArgInfo[]): BindFailure | undefined => {
    const f = constantString(args[1]);
    if (f === undefined || !validFormat(tokenize(f, letters), specs)) {
      return { error: `Invalid format '${f ?? ''}'.`, argIndex: 1 };
    }
    return undefined;
  };
}

export function formatDateTimeWith(v: TimeValue, format: string): string | null {
  const tokens = tokenize(format, 'dhHmMsyftF');
  if (!tokens || !validFormat(tokens, DATETIME_SPECS)) return null;
  const p = utcParts(v);
  const ticks7 = pad(ticksOfSecond(v), 7);
  return tokens.map((t) => ('literal' in t ? t.literal : DATETIME_SPECS[t.spec]?.(p) ?? fraction(t.spec, ticks7) ?? '')).join('');
}

/** format_datetime(date, format) (format-datetime-function.md); the format is a constant. */
export const format_datetime = defineScalar({
  name: 'format_datetime',
  description: 'Formats a datetime with specifiers such as yyyy-MM-dd HH:mm:ss.fff.',
  overloads: [{
    params: ['datetime', 'string'], constants: [1], check: checkFormat('dhHmMsyftF', DATETIME_SPECS), result: 'string',
    nulls: 'pass',
    kernel: ([d, f]) => (d === null || d === undefined ? '' : formatDateTimeWith(d as TimeValue, f as string) ?? ''),
  }],
});

const TIMESPAN_SPECS: Record<string, true> = { h: true, hh: true, H: true, HH: true, m: true, mm: true, s: true, ss: true };

/**
 * format_timespan(timespan, format) (format-timespan-function.md): d..dddddddd is the whole days (zero-padded
 * to the run length), h/H hours within the day, m minutes, s seconds, f/F the fraction. A negative timespan
 * gets a leading '-' (UNCERTAIN).
 */
export function formatTimespanWith(v: TimeValue, format: string): string | null {
  const tokens = tokenize(format, 'dhHmsfF');
  if (!tokens || !tokens.every((t) => 'literal' in t || /^d{1,8}$/.test(t.spec) || /^[fF]{1,7}$/.test(t.spec) || TIMESPAN_SPECS[t.spec])) return null;
  const { negative, days, hours, minutes, seconds, fraction: ticks } = timespanParts(v);
  const ticks7 = pad(ticks, 7);
  const text = tokens.map((t) => {
    if ('literal' in t) return t.literal;
    const s = t.spec;
    if (s[0] === 'd') return pad(days, s.length);
    if (s[0] === 'f' || s[0] === 'F') return fraction(s, ticks7) ?? '';
    const n = s[0] === 'h' || s[0] === 'H' ? hours : s[0] === 'm' ? minutes : seconds;
    return s.length === 2 ? pad(n, 2) : String(n);
  }).join('');
  return negative ? `-${text}` : text;
}

export const format_timespan = defineScalar({
  name: 'format_timespan',
  description: 'Formats a timespan with specifiers such as d.hh:mm:ss.fff.',
  overloads: [{
    params: ['timespan', 'string'], constants: [1], result: 'string',
    check: (args) => {
      const f = constantString(args[1]);
      return f !== undefined && formatTimespanWith(0, f) !== null ? undefined : { error: `Invalid format '${f ?? ''}'.`, argIndex: 1 };
    },
    nulls: 'pass',
    kernel: ([t, f]) => (t === null || t === undefined ? '' : formatTimespanWith(t as TimeValue, f as string) ?? ''),
  }],
});
