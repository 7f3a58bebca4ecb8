/** Turning literal tokens into typed values. */
import type { Literal } from './ast.js';
import type { KqlType } from '../runtime/types.js';
import { NO_SPAN, type Span } from '../errors/span.js';
import { KqlSyntaxError, ErrorCodes } from '../errors/index.js';
import { parseDateTime, parseTimespan, parseTimespanLiteral } from '../runtime/datetime.js';
import { parseTypeName } from '../runtime/types.js';

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

/** A plain literal token: string, number, timespan, bool. */
export function parseLiteralToken(image: string, span: Span = NO_SPAN): ParsedLiteral {
  const first = image[0];
  if (first === '"' || first === "'" || first === '@' || first === 'h' || first === 'H' || first === '`' || first === '~') {
    return { type: 'string', value: parseStringLiteral(image) };
  }
  const lower = image.toLowerCase();
  if (lower === 'true' || lower === 'false') return { type: 'bool', value: lower === 'true' };
  if (/^0[xX]/.test(image)) return { type: 'long', value: parseInt(image.slice(2), 16) };
  if (/^\d+$/.test(image)) return { type: 'long', value: Number(image) };
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
      const v = parseDateTime(body);
      return v === null ? fail() : { type, value: v };
    }
    case 'timespan': {
      const v = parseTimespan(body);
      return v === null ? fail() : { type, value: v };
    }
    case 'int':
    case 'long': {
      if (!/^[+-]?(\d+|0[xX][0-9a-fA-F]+)$/.test(body)) return fail();
      return { type, value: Number(body) };
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
  if (typeof lit.value !== 'number') return undefined;
  if (lit.type === 'long' || lit.type === 'int' || lit.type === 'real' || lit.type === 'timespan' || lit.type === 'decimal') {
    return { ...lit, value: -lit.value };
  }
  return undefined;
}
