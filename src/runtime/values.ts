/**
 * Conversions between runtime values and text/JSON, shared by functions, operators and the API.
 * See the values table in docs/architecture.md for how each KQL type is represented.
 */
import type { KqlType } from './types.js';
import { formatDateTime, formatTimespan } from './datetime.js';
import type { TimeValue } from './ticks.js';
import { INT64_MAX, INT64_MIN, MAX_SAFE } from './int64.js';

/**
 * A JSON value as held in a dynamic column. An integer outside the safe range (|n| > 2^53 - 1) that is
 * within int64 is a `bigint`, as a long is (src/runtime/int64.ts): from JSON text, from a long put into a
 * dynamic value, or from the caller's data. Every other number is a double.
 */
export type DynamicValue = null | boolean | number | bigint | string | DynamicValue[] | { [key: string]: DynamicValue };

/**
 * The deepest nesting of arrays and objects accepted in JSON from data (parse_json, todynamic, dynamic
 * columns, extract_json, the parse operator). Deeper text is treated as not JSON: parse_json gives null.
 * Every dynamic value enters the engine through here, through parse_xml (MAX_XML_DEPTH) or through
 * load-table (which re-reads deep caller objects as text), so the recursive helpers that walk dynamic
 * values (JSON.stringify for keys and text, comparisons, formatting) never meet a value deeper than this.
 */
export const MAX_JSON_DEPTH = 1000;
/**
 * The longest JSON text read from data (parse_json, todynamic, dynamic cells given as text): 2^20
 * characters, Kusto's documented size limit of one dynamic value ("limited to 1MB"); longer text gives
 * null. It also bounds one JSON.parse call, which cannot check a deadline while it runs (about 50 ms
 * per MB): docs/reliability.md.
 */
export const MAX_JSON_TEXT = 2 ** 20;

/** True when JSON-like text nests arrays/objects deeper than `limit` (strings are skipped; O(n), no recursion). */
export function jsonNestedDeeperThan(text: string, limit: number = MAX_JSON_DEPTH): boolean {
  if (text.length <= limit) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * Parse JSON text from data; invalid or too deeply nested JSON (over MAX_JSON_DEPTH) gives undefined
 * (never throws). JSON.parse makes keys such as __proto__ own data properties, so it cannot pollute prototypes.
 */
export function tryParseJson(text: string): DynamicValue | undefined {
  return text.length > MAX_JSON_TEXT || jsonNestedDeeperThan(text) ? undefined : parseUnchecked(text);
}

function parseUnchecked(text: string): DynamicValue | undefined {
  try {
    const value = JSON.parse(text) as DynamicValue;
    // A run of 16+ digits may be an integer beyond 2^53 that JSON.parse rounded: read the text again, exactly.
    return MAY_HOLD_BIG_INTEGER.test(text) ? parseExactJson(text) : value;
  } catch {
    // SyntaxError, or RangeError from an engine whose JSON.parse recurses.
    return undefined;
  }
}

const MAY_HOLD_BIG_INTEGER = /\d{16}/;

/**
 * JSON text already known to be valid (JSON.parse accepted it) and not nested deeper than MAX_JSON_DEPTH,
 * read again with integers kept exact: an integer token (no fraction or exponent) beyond the safe range and
 * within int64 becomes a bigint; every other number is JSON.parse's double. Strings go through JSON.parse
 * (same escapes), and keys such as __proto__ become own data properties, as JSON.parse makes them.
 */
export function parseExactJson(text: string): DynamicValue {
  let i = 0;
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else return;
    }
  };
  const str = (): string => {
    const start = i++;
    for (;;) {
      const c = text.charCodeAt(i++);
      if (c === 0x5c) i++;
      else if (c === 0x22) break;
    }
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): DynamicValue => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: { [key: string]: DynamicValue } = {};
      ws();
      if (text[i] === '}') { i++; return obj; }
      for (;;) {
        ws();
        const key = str();
        ws();
        i++; // ':'
        const v = value();
        if (key === '__proto__') Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        else obj[key] = v;
        ws();
        if (text[i++] === '}') return obj; // else ','
      }
    }
    if (c === '[') {
      i++;
      const arr: DynamicValue[] = [];
      ws();
      if (text[i] === ']') { i++; return arr; }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i++] === ']') return arr; // else ','
      }
    }
    if (c === '"') return str();
    if (c === 't') { i += 4; return true; }
    if (c === 'f') { i += 5; return false; }
    if (c === 'n') { i += 4; return null; }
    const start = i;
    let integer = true;
    for (;;) {
      const d = text[i];
      if (d === '.' || d === 'e' || d === 'E') integer = false;
      else if (!(d === '-' || d === '+' || (d >= '0' && d <= '9'))) break;
      i++;
    }
    const token = text.slice(start, i);
    const n = Number(token);
    if (integer && !(n <= MAX_SAFE && n >= -MAX_SAFE)) {
      const b = BigInt(token);
      if (b >= INT64_MIN && b <= INT64_MAX) return b;
    }
    return n;
  };
  return value();
}

/**
 * parse_json semantics: valid JSON -> its value; JSON nested deeper than MAX_JSON_DEPTH -> null; anything
 * else -> the string itself as a dynamic string.
 */
export function parseJsonLenient(text: string): DynamicValue {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const first = trimmed[0];
  if (first === '{' || first === '[' || first === '"' || first === '-' || (first >= '0' && first <= '9') ||
      trimmed === 'true' || trimmed === 'false' || trimmed === 'null') {
    if (trimmed.length > MAX_JSON_TEXT || jsonNestedDeeperThan(trimmed)) return null;
    const parsed = parseUnchecked(trimmed);
    if (parsed !== undefined) return parsed;
  }
  return text;
}

/** Format a real the way Kusto prints it in text: integers without a fraction, otherwise shortest round-trip. */
export function formatReal(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  const s = String(n);
  // JS prints 1e+21; Kusto prints 1E+21.
  return s.includes('e') ? s.replace('e', 'E') : s;
}

/** tostring(): the text of a value of the given static type. Null becomes "". */
export function valueToString(value: unknown, type: KqlType): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'string':
    case 'guid':
      return String(value);
    case 'bool':
      return value ? 'true' : 'false';
    case 'int':
    case 'long':
      return String(value);
    case 'real':
    case 'decimal':
      return formatReal(value as number);
    case 'datetime':
      return formatDateTime(value as TimeValue);
    case 'timespan':
      return formatTimespan(value as TimeValue);
    case 'dynamic':
      return dynamicToString(value as DynamicValue);
  }
}

/** A dynamic value as text: strings unquoted, everything else as compact JSON. */
export function dynamicToString(value: DynamicValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatReal(value);
  if (typeof value === 'bigint') return String(value);
  return jsonText(value) ?? '';
}

/** A typed scalar put into a dynamic value (make_set, pack_array, ...): datetimes and timespans become text. */
export function toDynamic(value: unknown, type: KqlType): DynamicValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'datetime':
      return formatDateTime(value as TimeValue);
    case 'timespan':
      return formatTimespan(value as TimeValue);
    case 'real':
    case 'decimal':
      return Number.isFinite(value as number) ? (value as number) : formatReal(value as number);
    default:
      return value as DynamicValue;
  }
}

/** Canonical text of a dynamic value, used to compare and hash dynamic values by content. */
export function dynamicKey(value: DynamicValue): string {
  return jsonText(value) ?? 'null';
}

/**
 * JSON.stringify that also writes bigints (exact digits, no quotes), for dynamic values and results. The
 * common case is JSON.stringify itself; only a value holding a bigint (JSON.stringify throws a TypeError)
 * takes the slower writer below, which follows JSON.stringify's rules for plain data: toJSON is called,
 * non-finite numbers are null, undefined/functions/symbols are left out of objects and null in arrays.
 */
export function jsonText(value: unknown, indent?: number): string | undefined {
  if (typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value, null, indent);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return writeJson(value, '', indent ? ' '.repeat(indent) : '', '', 0, e);
  }
}

function writeJson(value: unknown, key: string, step: string, indent: string, depth: number, cause: TypeError): string | undefined {
  if (depth > MAX_JSON_DEPTH * 4) throw cause; // a cycle: JSON.stringify's own error
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(k: string): unknown }).toJSON(key);
  }
  switch (typeof value) {
    case 'bigint': return String(value);
    case 'string': return JSON.stringify(value);
    case 'number': return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean': return value ? 'true' : 'false';
    case 'object': break;
    default: return undefined;
  }
  if (value === null) return 'null';
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return JSON.stringify(value);
  const inner = indent + step;
  const open = step ? '\n' + inner : '';
  const sep = step ? ',\n' + inner : ',';
  const close = step ? '\n' + indent : '';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const parts = value.map((v, i) => writeJson(v, String(i), step, inner, depth + 1, cause) ?? 'null');
    return '[' + open + parts.join(sep) + close + ']';
  }
  const parts: string[] = [];
  for (const k of Object.keys(value)) {
    const text = writeJson((value as Record<string, unknown>)[k], k, step, inner, depth + 1, cause);
    if (text !== undefined) parts.push(JSON.stringify(k) + (step ? ': ' : ':') + text);
  }
  return parts.length === 0 ? '{}' : '{' + open + parts.join(sep) + close + '}';
}

export function isPlainObject(value: unknown): value is { [key: string]: DynamicValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
