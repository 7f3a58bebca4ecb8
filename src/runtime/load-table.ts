/**
 * Caller tables -> engine tables. Values are converted the way Sentinel ingests them:
 * ISO-8601 text into datetime, JSON text or objects into dynamic, numeric text into numbers;
 * what cannot be converted becomes null ("" for strings). The caller's rows are never modified.
 */
import { KqlRuntimeError, ErrorCodes } from '../errors/index.js';
import type { ColumnSchema, KqlType } from './types.js';
import type { Row, Table } from './table.js';
import { parseDateTime, parseTimespan } from './datetime.js';
import { fromMs } from './ticks.js';
import { parseJsonLenient, tryParseJson, type DynamicValue } from './values.js';
import { checked, fromDouble, parseIntegerText, type Long } from './int64.js';

export type InputRow = Record<string, unknown>;
export type TableInput = InputRow[] | { schema: ColumnSchema[]; rows: InputRow[] };

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isNaN(n) ? null : n;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/**
 * An input value for an int/long column, exact (src/runtime/int64.ts): a bigint or integer text keeps every
 * digit (null outside int64); a number keeps its double's integer value (truncated toward zero).
 */
function toLong(v: unknown): Long | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : fromDouble(v);
  if (typeof v === 'bigint') return checked(v);
  if (typeof v === 'string') {
    const exact = parseIntegerText(v);
    if (exact !== undefined) return exact;
    const n = toNumber(v);
    return n === null ? null : fromDouble(n);
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/** Converts one input value to the engine's representation of `type`. */
/**
 * `ownKeysOnly`: Object.prototype has no enumerable property (objectPrototypeIsClean, checked once by the
 * caller for a whole table), so a dynamic object's keys need no own-property test.
 */
export function convertInputValue(v: unknown, type: KqlType, ownKeysOnly = false): unknown {
  if (v === undefined || v === null) return type === 'string' ? '' : null;
  switch (type) {
    case 'string':
      return typeof v === 'string' ? v : typeof v === 'object' ? safeStringify(v) : String(v);
    case 'int': {
      // 32 bits (scalar-data-types/int.md): a value outside that range is null, as toint() gives.
      const n = toLong(v);
      return typeof n === 'number' && n >= -2147483648 && n <= 2147483647 ? n : null;
    }
    case 'long':
      return toLong(v);
    case 'real':
    case 'decimal':
      return toNumber(v);
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (v === 1 || v === 0) return v === 1;
      if (typeof v === 'string') {
        const s = v.trim().toLowerCase();
        return s === 'true' || s === '1' ? true : s === 'false' || s === '0' ? false : null;
      }
      return null;
    // Datetimes and timespans hold exact ticks (src/runtime/ticks.ts): whole milliseconds (every Date, nearly
    // all text) stay numbers; text with more than 3 fractional digits keeps them to the tick, and a number of
    // milliseconds with a fraction is read to the nearest tick.
    case 'datetime':
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getTime();
      if (typeof v === 'string') return parseDateTime(v);
      if (typeof v === 'number') return Number.isInteger(v) ? v || 0 : fromMs(v);
      return null;
    case 'timespan':
      if (typeof v === 'number') return Number.isInteger(v) ? v || 0 : fromMs(v);
      if (typeof v === 'string') return parseTimespan(v);
      return null;
    case 'guid':
      return typeof v === 'string' ? v : null;
    case 'dynamic':
      if (typeof v === 'string') return parseJsonLenient(v);
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
      if (typeof v === 'number' || typeof v === 'boolean') return v;
      if (typeof v === 'bigint') return isEngineBigInt(v) ? v : null;
      if (typeof v === 'object') return toJsonValue(v, ownKeysOnly);
      return null;
  }
}

/** Text of an object in a string column: its JSON, else its own text, else "" (bigints, cycles, odd toString). */
function safeStringify(v: object): string {
  try {
    return JSON.stringify(v, (_key, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) ?? '';
  } catch {
    try {
      return String(v);
    } catch {
      return '';
    }
  }
}

/**
 * A bigint in a dynamic value is kept when it is one the engine itself holds, as runKql returns them: an
 * integer beyond 2^53 within int64 (src/runtime/int64.ts). Any other bigint (a small one, or one beyond
 * int64) is not JSON data: the whole value is null, as JSON.stringify refuses it.
 */
function isEngineBigInt(v: bigint): boolean {
  return checked(v) !== null && !Number.isSafeInteger(Number(v));
}

/**
 * True when v is already plain JSON data (plain objects, arrays, finite numbers, strings, booleans, null),
 * so it can be used as is: the engine never modifies dynamic values, it always builds new ones.
 */
function isPlainJson(v: unknown, depth: number, ownKeysOnly: boolean): boolean {
  if (typeof v !== 'object') {
    return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'bigint' && isEngineBigInt(v));
  }
  if (v === null) return true;
  if (depth > 64) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      // Strings are most of the leaves: no call for them.
      if (typeof x !== 'string' && !isPlainJson(x, depth + 1, ownKeysOnly)) return false;
    }
    return true;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in v) {
    if (!ownKeysOnly && !Object.prototype.hasOwnProperty.call(v, key)) return false;
    const x = (v as Record<string, unknown>)[key];
    if (typeof x !== 'string' && !isPlainJson(x, depth + 1, ownKeysOnly)) return false;
  }
  return true;
}

/**
 * True when Object.prototype has no enumerable property (the normal case): for-in over a plain object then
 * lists its own keys only, and isPlainJson need not test each key.
 */
export function objectPrototypeIsClean(): boolean {
  for (const _ in Object.prototype) return false;
  return true;
}

/** Plain JSON data from an arbitrary object (class instances flattened, functions dropped, cycles and bigints -> null). */
function toJsonValue(v: object, ownKeysOnly: boolean): DynamicValue {
  if (isPlainJson(v, 0, ownKeysOnly)) return v as DynamicValue;
  try {
    const text = JSON.stringify(v);
    return text === undefined ? null : (tryParseJson(text) ?? null);
  } catch {
    return null;
  }
}

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Infers a column type from the values present: the first non-null value decides, with datetime text recognised. */
export function inferType(values: unknown[]): KqlType {
  let type: KqlType | undefined;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    let t: KqlType;
    if (typeof v === 'boolean') t = 'bool';
    // An integral number beyond long's range (1e23, from JSON or CSV) is a real: as a long it would be null.
    else if (typeof v === 'number') t = Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? 'long' : 'real';
    else if (typeof v === 'bigint') t = 'long';
    else if (v instanceof Date) t = 'datetime';
    else if (typeof v === 'string') t = ISO_DATETIME.test(v) && parseDateTime(v) !== null ? 'datetime' : 'string';
    else t = 'dynamic';
    if (type === undefined) type = t;
    else if (type !== t) {
      if ((type === 'long' && t === 'real') || (type === 'real' && t === 'long')) type = 'real';
      else if (type === 'datetime' && t === 'string') type = 'string';
      else if (type === 'string' && t === 'datetime') type = 'string';
      else return 'dynamic';
    }
  }
  return type ?? 'string';
}

/** Values inferSchema reads per unit of work it reports (reading a value costs far less than converting a row). */
const INFER_VALUES_PER_TICK = 8;

/**
 * Schema inferred from the rows of a table given without one: columns in first-seen order. `tick(units)`
 * (a run's guard) is called as the rows are read, so the run's deadline holds while a large table of plain
 * rows is inferred, before any operator runs.
 */
export function inferSchema(rows: InputRow[], tick?: (units: number) => void): ColumnSchema[] {
  const names: string[] = [];
  const seen = new Set<string>();
  let read = 0;
  const count = tick ? () => { if (++read % INFER_VALUES_PER_TICK === 0) tick(1); } : undefined;
  for (const row of rows) {
    count?.();
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  return names.map((name) => ({ name, type: inferType(rows.map((r) => (count?.(), r[name]))) }));
}

/** `onRow` is called once per row converted, so a run's deadline and abort signal are checked while loading. */
export function loadTable(name: string, rows: unknown, schema: ColumnSchema[], onRow?: () => void): Table {
  if (!Array.isArray(rows)) {
    throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_TABLE, `Table '${name}' must be an array of row objects`);
  }
  const out: Row[] = new Array(rows.length);
  const names = schema.map((c) => c.name);
  const types = schema.map((c) => c.type);
  const ownKeysOnly = objectPrototypeIsClean();
  for (let r = 0; r < rows.length; r++) {
    const input = rows[r];
    if (typeof input !== 'object' || input === null) {
      throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_TABLE, `Row ${r} of table '${name}' is not an object`);
    }
    onRow?.();
    const row: Row = new Array(names.length);
    for (let c = 0; c < names.length; c++) {
      const v = Object.prototype.hasOwnProperty.call(input, names[c]) ? (input as InputRow)[names[c]] : undefined;
      row[c] = convertInputValue(v, types[c], ownKeysOnly);
    }
    out[r] = row;
  }
  return { columns: schema, rows: out };
}
