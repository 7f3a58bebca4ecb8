/** Turning literal tokens into typed values. */
import type { Literal } from './ast.js';
import type { KqlType } from '../runtime/types.js';
import { NO_SPAN, type Span } from '../errors/span.js';
import { KqlSyntaxError, ErrorCodes } from '../errors/index.js';
import { parseDateTime, parseTimespan, parseTimespanLiteral } from '../runtime/datetime.js';
import { parseTypeName } from '../runtime/types.js';
import { INT64_MAX, canonical, neg, type Long } from '../runtime/int64.js';
import { negTime } from '../runtime/ticks.js';

export interface ParsedLiteral { type: KqlType; value: unknown }

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** The text of a string literal token: quotes removed, escapes resolved. */
export function parseStringLiteral(image: string): string {
  let text = image;
  if (text[0] === 'h' || text[0] === 'H') text = text.slice(1);
  if (text.startsWith('```') || text.startsWith('~~~')) return text.slice(3, -3);
  if (text[0] === '@') {
    const quote = text[1];
    return text.slice(2, -1).split(quote + quote).join(quote);
  }
  const body = text.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ESCAPES[e] ?? e;
  });
}

/**
 * A decimal long literal, exact (src/runtime/int64.ts). 9223372036854775808 (2^63) is returned as a bigint
 * outside the range: it is valid only negated (`-9223372036854775808`, long's minimum), which the parser folds;
 * the binder rejects it anywhere else. Larger literals are a syntax error.
 */
function decimalLong(digits: string, span: Span): Long {
  if (digits.length <= 15) return Number(digits);
  const b = BigInt(digits);
  if (b > INT64_MAX + 1n) throw new KqlSyntaxError(ErrorCodes.SYN_BAD_LITERAL, `'${digits}' is not a valid long literal (outside -9223372036854775808 .. 9223372036854775807)`, span);
  return b > INT64_MAX ? b : canonical(b);
}

/**
 * A hex long literal: up to 64 bits, read as two's complement like .NET's hex parsing (0xffffffffffffffff is -1);
 * more bits are a syntax error.
 */
function hexLong(hex: string, span: Span): Long {
  const b = BigInt('0x' + hex);
  if (b >> 64n !== 0n) throw new KqlSyntaxError(ErrorCodes.SYN_BAD_LITERAL, `'0x${hex}' is not a valid long literal (outside -9223372036854775808 .. 9223372036854775807)`, span);
  return canonical(BigInt.asIntN(64, b));
}

/** A plain literal token: string, number, timespan, bool. */
export function parseLiteralToken(image: string, span: Span = NO_SPAN): ParsedLiteral {
  const first = image[0];
  if (first === '"' || first === "'" || first === '@' || first === 'h' || first === 'H' || first === '`' || first === '~') {
    return { type: 'string', value: parseStringLiteral(image) };
  }
  const lower = image.toLowerCase();
  if (lower === 'true' || lower === 'false') return { type: 'bool', value: lower === 'true' };
  if (/^0[xX]/.test(image)) return { type: 'long', value: hexLong(image.slice(2), span) };
  if (/^\d+$/.test(image)) return { type: 'long', value: decimalLong(image, span) };
  if (/^[\d.]+(?:[eE][+-]?\d+)?$/.test(image)) return { type: 'real', value: Number(image) };
  const ts = parseTimespanLiteral(image);
  if (ts !== null) return { type: 'timespan', value: ts };
  throw new KqlSyntaxError(ErrorCodes.SYN_BAD_LITERAL, `'${image}' is not a valid literal`, span);
}

/** datetime(...), timespan(...), int(...), long(...), real(...), bool(...), guid(...), decimal(...). */
export function parseTypedLiteral(image: string, span: Span): ParsedLiteral {
  const open = image.indexOf('(');
  const typeWord = image.slice(0, open);
  let body = image.slice(open + 1, -1).trim();
  // datetime("2024-01-01") and guid('...'): a quoted body is accepted too.
  if (/^(["']).*\1$/s.test(body)) body = body.slice(1, -1).trim();
  const type = parseTypeName(typeWord)!;
  const fail = (): never => {
    throw new KqlSyntaxError(ErrorCodes.SYN_BAD_LITERAL, `'${image}' is not a valid ${type} literal`, span);
  };
  if (body === 'null') return { type, value: null };
  switch (type) {
    case 'datetime': {
      // `datetime(2017 - 08 - 01)`: the analyzer accepts spaces around the separators; they are dropped
      // (only when the text does not parse as written, so `2017-08-01 10:00` keeps its date/time space).
      const v = parseDateTime(body) ?? parseDateTime(body.replace(/\s*([-/:.])\s*/g, '$1'));
      return v === null ? fail() : { type, value: v };
    }
    case 'timespan': {
      const v = parseTimespan(body);
      return v === null ? fail() : { type, value: v };
    }
    case 'int':
    case 'long': {
      const m = /^([+-]?)(?:(\d+)|0[xX]([0-9a-fA-F]+))$/.exec(body);
      if (!m) return fail();
      let b = m[2] !== undefined ? BigInt(m[2]) : BigInt('0x' + m[3]);
      // Hex is two's complement of the type's width, as .NET parses it: int(0xf090013d) is -258997955
      // (a corpus rule compares with it; the analyzer accepts it).
      const bits = type === 'int' ? 32n : 64n;
      if (m[3] !== undefined && b >> bits === 0n) b = BigInt.asIntN(Number(bits), b);
      if (m[1] === '-') b = -b;
      // Exact (src/runtime/int64.ts); outside the type's range is not a literal.
      const [lo, hi] = type === 'int' ? [-(2n ** 31n), 2n ** 31n - 1n] : [-(2n ** 63n), INT64_MAX];
      if (b < lo || b > hi) return fail();
      return { type, value: canonical(b) };
    }
    case 'real':
    case 'decimal': {
      const lower = body.toLowerCase();
      if (lower === 'nan') return { type, value: NaN };
      if (lower === '+inf' || lower === 'inf') return { type, value: Infinity };
      if (lower === '-inf') return { type, value: -Infinity };
      const v = Number(body);
      return body === '' || Number.isNaN(v) ? fail() : { type, value: v };
    }
    case 'bool': {
      const lower = body.toLowerCase();
      if (lower === 'true' || lower === '1') return { type, value: true };
      if (lower === 'false' || lower === '0') return { type, value: false };
      return fail();
    }
    case 'guid': {
      if (!/^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/.test(body)) return fail();
      return { type, value: body.toLowerCase() };
    }
    default:
      return fail();
  }
}

/** -5, -1.5, -1d as literals (so that `split(x, "/")[-1]` indexes with a constant). */
export function negateLiteral(lit: Literal): Literal | undefined {
  if (lit.type === 'long' || lit.type === 'int') {
    // Exact; 2^63 (only valid here) becomes long's minimum.
    if (typeof lit.value === 'bigint') return { ...lit, value: lit.value > INT64_MAX ? canonical(-lit.value) : neg(lit.value) };
    if (typeof lit.value === 'number') return { ...lit, value: lit.value === 0 ? 0 : -lit.value };
    return undefined;
  }
  // A timespan is exact ticks (src/runtime/ticks.ts): a number of milliseconds or a bigint of ticks.
  if (lit.type === 'timespan' && (typeof lit.value === 'number' || typeof lit.value === 'bigint')) return { ...lit, value: negTime(lit.value) };
  if (typeof lit.value !== 'number') return undefined;
  if (lit.type === 'real' || lit.type === 'decimal') {
    return { ...lit, value: -lit.value };
  }
  return undefined;
}
