/**
 * Conversions between runtime values and text/JSON, shared by functions, operators and the API.
 * See the values table in docs/architecture.md for how each KQL type is represented.
 */
import type { KqlType } from './types.js';
import { formatDateTime, formatTimespan } from './datetime.js';

/** A JSON value as held in a dynamic column. */
export type DynamicValue = null | boolean | number | string | DynamicValue[] | { [key: string]: DynamicValue };

/**
 * The deepest nesting of arrays and objects accepted in JSON from data (parse_json, todynamic, dynamic
 * columns, extract_json, the parse operator). Deeper text is treated as not JSON: parse_json gives null.
 * Every dynamic value enters the engine through here, through parse_xml (MAX_XML_DEPTH) or through
 * load-table (which re-reads deep caller objects as text), so the recursive helpers that walk dynamic
 * values (JSON.stringify for keys and text, comparisons, formatting) never meet a value deeper than this.
 */
export const MAX_JSON_DEPTH = 1000;

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
  return jsonNestedDeeperThan(text) ? undefined : parseUnchecked(text);
}

function parseUnchecked(text: string): DynamicValue | undefined {
  try {
    return JSON.parse(text) as DynamicValue;
  } catch {
    // SyntaxError, or RangeError from an engine whose JSON.parse recurses.
    return undefined;
  }
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
    if (jsonNestedDeeperThan(trimmed)) return null;
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
      return formatDateTime(value as number);
    case 'timespan':
      return formatTimespan(value as number);
    case 'dynamic':
      return dynamicToString(value as DynamicValue);
  }
}

/** A dynamic value as text: strings unquoted, everything else as compact JSON. */
export function dynamicToString(value: DynamicValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatReal(value);
  return JSON.stringify(value);
}

/** A typed scalar put into a dynamic value (make_set, pack_array, ...): datetimes and timespans become text. */
export function toDynamic(value: unknown, type: KqlType): DynamicValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'datetime':
      return formatDateTime(value as number);
    case 'timespan':
      return formatTimespan(value as number);
    case 'real':
    case 'decimal':
      return Number.isFinite(value as number) ? (value as number) : formatReal(value as number);
    default:
      return value as DynamicValue;
  }
}

/** Canonical text of a dynamic value, used to compare and hash dynamic values by content. */
export function dynamicKey(value: DynamicValue): string {
  return JSON.stringify(value) ?? 'null';
}

export function isPlainObject(value: unknown): value is { [key: string]: DynamicValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
