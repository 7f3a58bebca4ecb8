/**
 * parse / parse-where: extract columns from a string with a pattern of `*`, string constants and
 * `Column[:type]` items. Every mode is compiled once into one RE2 pattern (re2js, never JS RegExp):
 *
 * - simple (default): constants are literal text; the pattern must match the whole value
 *   (anchored at both ends; `.` matches newlines). `*` and string columns are lazy (`.*?`), so a
 *   column ends at the first occurrence of the next constant and a column at the end takes the rest.
 *   Typed columns match their type's shape (long/int: `-?\d+`, real: a decimal number, bool:
 *   true/false, guid: 8-4-4-4-12 hex; datetime/timespan/dynamic: lazy `.*?`). Strict: when the
 *   pattern does not match, or a typed value does not convert, every parsed column of the row is
 *   null ("" for strings).
 * - relaxed: like simple, but a typed column falls back to any text when its shape does not match
 *   there, and a value that does not convert makes only that column null.
 * - regex: constants are RE2 fragments; `*` and string columns are greedy (`.*`), typed columns as
 *   above; not anchored; `flags=` (i, m, s, U) apply to the whole pattern. Columns are named groups,
 *   so groups written in the constants do not shift them.
 * parse-where drops the rows that parse would have filled with nulls (no match or, in simple and
 * regex mode, a failed conversion).
 * A parsed column with the name of an existing column is added next to it with a numeric suffix
 * (the analyzer reports a second column of that name, which the next operator names k1); the
 * existing column is unchanged. A source that is not a string is converted with tostring().
 */
import type { EvalContext } from '../functions/registry-types.js';
import type { ParseOp, ParsePatternItem } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { NameAllocator } from '../binder/naming.js';
import type { ColumnSchema, KqlType } from '../runtime/types.js';
import type { Row } from '../runtime/table.js';
import { valueToString, parseJsonLenient } from '../runtime/values.js';
import { toBoolValue, toDateTimeValue, toIntegerValue, toRealValue, toTimespanValue } from '../functions/convert.js';
import { compileRegex, regexError, searchMatcher } from '../functions/regex.js';
import type { OperatorDef } from './operator-def.js';
import { literalMatcher } from './parse-literal.js';

type Mode = 'simple' | 'relaxed' | 'regex';

const GUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
const REAL = '[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?';

/** The RE2 shape of a typed column, or undefined when any text may be converted. */
function typeShape(type: KqlType): string | undefined {
  switch (type) {
    case 'int': case 'long': return '-?\\d+';
    case 'real': case 'decimal': return REAL;
    case 'bool': return '(?i:true|false)';
    case 'guid': return GUID;
    default: return undefined;
  }
}

/** RE2 escaping of literal text (QuoteMeta). */
function quote(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** Text -> value of the column type; undefined when it does not convert (string never fails). */
export function convertText(text: string, type: KqlType): unknown {
  let v: unknown;
  switch (type) {
    case 'string': return text;
    case 'int': v = toIntegerValue(text, 'string', 32); break;
    case 'long': v = toIntegerValue(text, 'string', 64); break;
    case 'real': case 'decimal': v = toRealValue(text, 'string'); break;
    case 'bool': v = toBoolValue(text, 'string'); break;
    case 'datetime': v = toDateTimeValue(text, 'string'); break;
    case 'timespan': v = toTimespanValue(text, 'string'); break;
    case 'guid': v = new RegExp(`^${GUID}$`).test(text) ? text.toLowerCase() : null; break;
    case 'dynamic': return parseJsonLenient(text);
  }
  return v === null ? undefined : v;
}

export const parse: OperatorDef<ParseOp> = {
  op: 'parse',
  description: 'Extracts columns from a string expression with a pattern (kind=simple, regex or relaxed).',
  bind(node, input, tools) {
    return bindParse(node, input, tools.expr(node.source, input));
  },
};

export const parseWhere: OperatorDef<ParseOp> = {
  op: 'parse-where',
  description: 'Like parse, but drops the rows whose value does not match the pattern.',
  bind: parse.bind,
};

function bindParse(node: ParseOp, input: ColumnSchema[], source: ReturnType<Parameters<OperatorDef['bind']>[2]['expr']>) {
  let mode: Mode = 'simple';
  let flags = '';
  for (const p of node.params) {
    if (p.name === 'kind') {
      if (p.value !== 'simple' && p.value !== 'regex' && p.value !== 'relaxed') {
        throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `'${String(p.value)}' is not a parse kind; use simple, regex or relaxed`, p.span);
      }
      mode = p.value;
    } else if (p.name === 'flags') {
      flags = String(p.value);
      if (!/^[imsU]*$/.test(flags)) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `'${flags}' are not regex flags; use i, m, s and U`, p.span);
    } else {
      throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `'${p.name}' is not a parameter of parse`, p.span);
    }
  }
  if (flags && mode !== 'regex') {
    const p = node.params.find((x) => x.name === 'flags')!;
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'flags= is only allowed with kind=regex', p.span);
  }

  const items = node.pattern;
  const targets: { name: string; type: KqlType; group: string }[] = [];
  let regex = '';
  items.forEach((item: ParsePatternItem, i) => {
    const prev = items[i - 1];
    if (item.kind === 'star') {
      if (prev?.kind === 'column' && (prev.type ?? 'string') === 'string') {
        throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, "Using '*' after a string column is ambiguous", item.span);
      }
      const next = items[i + 1];
      if (next?.kind === 'column') throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, "A string constant must follow '*'", next.span);
      regex += mode === 'regex' ? '.*' : '.*?';
    } else if (item.kind === 'literal') {
      if (mode === 'regex') {
        const err = regexError(item.value);
        if (err) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, err, item.span);
        regex += `(?:${item.value})`;
      } else {
        regex += quote(item.value);
      }
    } else {
      if (prev?.kind === 'column') {
        throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'A string constant must separate two parsed columns', item.span);
      }
      if (targets.some((t) => t.name === item.name)) {
        throw new KqlSemanticError(ErrorCodes.SEM_DUPLICATE_COLUMN, `The column '${item.name}' is already declared in this parse pattern`, item.span);
      }
      const type = item.type ?? 'string';
      const group = `p${targets.length}`;
      const any = mode === 'regex' ? '.*' : '.*?';
      const shape = typeShape(type);
      const body = shape === undefined ? any : mode === 'relaxed' ? `${shape}|${any}` : shape;
      regex += `(?P<${group}>${body})`;
      targets.push({ name: item.name, type, group });
    }
  });
  if (targets.length === 0) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'The parse pattern must name at least one column', node.span);
  }
  const pattern = mode === 'regex' ? (flags ? `(?${flags})` : '') + regex : `(?s)^${regex}$`;
  const error = regexError(pattern);
  if (error) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The parse pattern does not compile. ${error}`, node.span);
  const re = compileRegex(pattern)!;

  const columns: ColumnSchema[] = [...input];
  const names = new NameAllocator(input.map((c) => c.name));
  const indexes = targets.map((t) => columns.push({ name: names.unique(t.name), type: t.type }) - 1);
  const empties = targets.map((t) => (t.type === 'string' ? '' : null));
  const get = source.evaluate;
  const sourceType = source.type;
  const dropUnmatched = node.op === 'parse-where';
  const strict = mode !== 'relaxed';

  // In simple and relaxed mode the constants must occur in order; checking that with indexOf first
  // spares the regex the rows that cannot match.
  const constants = mode === 'regex' ? [] : items.flatMap((item) => (item.kind === 'literal' && item.value !== '' ? [item.value] : []));
  const mayMatch = (text: string): boolean => {
    let at = 0;
    for (const c of constants) {
      const found = text.indexOf(c, at);
      if (found < 0) return false;
      at = found + c.length;
    }
    return true;
  };

  // Constants and columns of any text need no regex: indexOf finds the same captures (parse-literal.ts).
  const literal = mode === 'regex' ? undefined : literalMatcher(items, (type) => typeShape(type) === undefined);
  const captures = (text: string, ctx: EvalContext): string[] | undefined => {
    if (literal) return literal(text);
    const m = searchMatcher(re, text, { fn: 'parse', ctx });
    return m.find() ? targets.map((t) => m.group(t.group) ?? '') : undefined;
  };

  /** The parsed values of one text, or undefined when the row gets no values. */
  const parseText = (text: string, ctx: EvalContext): unknown[] | undefined => {
    if (!mayMatch(text)) return undefined;
    const found = captures(text, ctx);
    if (!found) return undefined;
    const values: unknown[] = [];
    for (let k = 0; k < targets.length; k++) {
      const t = targets[k];
      const raw = found[k];
      const v = convertText(raw, t.type);
      if (v === undefined) {
        if (strict) return undefined;
        values.push(null);
      } else values.push(v);
    }
    return values;
  };

  return {
    columns,
    run: (table: { rows: Row[] }, ctx: Parameters<typeof get>[1]) => {
      const rows: Row[] = [];
      for (const row of table.rows) {
        const value = get(row, ctx);
        const text = sourceType === 'string' ? (value as string) ?? '' : value === null || value === undefined ? '' : valueToString(value, sourceType);
        const values = parseText(text, ctx);
        if (!values && dropUnmatched) continue;
        const out = row.slice();
        out.length = columns.length;
        indexes.forEach((ix, k) => { out[ix] = values ? values[k] : empties[k]; });
        rows.push(out);
      }
      return { columns, rows };
    },
  };
}
