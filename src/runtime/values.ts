/**
 * Conversions between runtime values and text/JSON, shared by functions, operators and the API.
 * See the values table in docs/architecture.md for how each KQL type is represented.
 */
import type { KqlType } from './types.js';
import { formatDateTime, formatTimespan } from './datetime.js';

/** A JSON value as held in a dynamic column. */
export type DynamicValue = null | boolean | number | string | DynamicValue[] | { [key: string]: DynamicValue };

/** Parse JSON text from data; invalid or too deeply nested JSON gives undefined (never throws). */
export function tryParseJson(text: string): DynamicValue | undefined {
  try {
    return JSON.parse(text) as DynamicValue;
  } catch {
    return undefined;
  }
}

/** parse_json semantics: valid JSON -> its value; anything else -> the string itself as a dynamic string. */
export function parseJsonLenient(text: string): DynamicValue {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const first = trimmed[0];
  if (first === '{' || first === '[' || first === '"' || first === '-' || (first >= '0' && first <= '9') ||
      trimmed === 'true' || trimmed === 'false' || trimmed === 'null') {
    const parsed = tryParseJson(trimmed);
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
