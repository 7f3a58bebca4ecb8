/** Shared by join and lookup: resolving `on` conditions to key columns, and hashing rows by their keys. */
import type { JoinCondition } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { Span } from '../errors/span.js';
import type { ColumnSchema, KqlType } from '../runtime/types.js';
import type { Row } from '../runtime/table.js';
import { keyOfValue, keyOfValues, timeColumns } from '../runtime/hash-key.js';
import { NameAllocator } from '../binder/naming.js';
import { didYouMean } from '../runtime/closest-name.js';

function columnIndex(columns: ColumnSchema[], name: string, side: string, operator: string, span: Span): number {
  const i = columns.findIndex((c) => c.name === name);
  if (i < 0) throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_COLUMN, `Unknown column '${name}' on the ${side} side of the ${operator}${didYouMean(name, columns.map((c) => c.name))}`, span);
  return i;
}

/**
 * The key column indexes of each side; `compatible` decides which key type pairs may be compared.
 * `textKey`: one key, text on both sides, so a row's key is its value as it is (see rowKey). `time` marks the
 * datetime and timespan keys for rowKey (src/runtime/hash-key.ts); both sides' key types agree on it.
 */
export function bindJoinKeys(
  on: JoinCondition[],
  left: ColumnSchema[],
  right: ColumnSchema[],
  operator: 'join' | 'lookup',
  compatible: (a: KqlType, b: KqlType) => boolean,
): { leftKeys: number[]; rightKeys: number[]; textKey: boolean; time: boolean[] | undefined } {
  const leftKeys: number[] = [], rightKeys: number[] = [];
  for (const cond of on) {
    const [l, r] = cond.kind === 'same'
      ? [columnIndex(left, cond.name, 'left', operator, cond.span), columnIndex(right, cond.name, 'right', operator, cond.span)]
      : [columnIndex(left, cond.left, 'left', operator, cond.leftSpan), columnIndex(right, cond.right, 'right', operator, cond.rightSpan)];
    const lt = left[l].type, rt = right[r].type;
    if (lt !== rt && !compatible(lt, rt)) {
      const what = operator === 'join' ? 'Join' : 'Lookup';
      throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `${what} keys must have the same type, but '${left[l].name}' is ${lt} and '${right[r].name}' is ${rt}`, cond.span);
    }
    leftKeys.push(l);
    rightKeys.push(r);
  }
  const isText = (t: KqlType) => t === 'string' || t === 'guid';
  const textKey = leftKeys.length === 1 && isText(left[leftKeys[0]].type) && left[leftKeys[0]].type === right[rightKeys[0]].type;
  return { leftKeys, rightKeys, textKey, time: timeColumns(leftKeys.map((i) => left[i].type)) };
}

/**
 * The hash key of a row's key columns; undefined when one is null (a null key matches nothing). With
 * `textKey` (both sides text, one key column) the value is its own key: no key string per row. `time` from
 * bindJoinKeys.
 */
export function rowKey(row: Row, keys: number[], textKey = false, time?: boolean[]): unknown {
  if (textKey) return row[keys[0]] ?? undefined;
  if (keys.length === 1) {
    const v = row[keys[0]];
    return v === null || v === undefined ? undefined : keyOfValue(v, time !== undefined && time[0]);
  }
  const values = keys.map((k) => row[k]);
  return values.some((v) => v === null || v === undefined) ? undefined : keyOfValues(values, time);
}

/** A left row's cells followed by a right row's, in one array of the final size. */
export function joinRows(left: Row, right: Row): Row {
  const out: Row = new Array(left.length + right.length);
  for (let i = 0; i < left.length; i++) out[i] = left[i];
  for (let i = 0; i < right.length; i++) out[left.length + i] = right[i];
  return out;
}

/**
 * Right-side row numbers by key: a key's one row as a number, an array once it has several (most keys have
 * one row, and an array per row was most of the table's allocation).
 */
export function indexRowNumbers(rows: Row[], keys: number[], textKey = false, time?: boolean[]): Map<unknown, number | number[]> {
  const index = new Map<unknown, number | number[]>();
  for (let i = 0; i < rows.length; i++) {
    const key = rowKey(rows[i], keys, textKey, time);
    if (key === undefined) continue;
    const found = index.get(key);
    if (found === undefined) index.set(key, i);
    else if (typeof found === 'number') index.set(key, [found, i]);
    else found.push(i);
  }
  return index;
}

/** Right-side rows grouped by key, each turned into what the operator keeps of it. */
export function indexRows<T>(rows: Row[], keys: number[], keep: (row: Row, i: number) => T, textKey = false, time?: boolean[]): Map<unknown, T[]> {
  const index = new Map<unknown, T[]>();
  rows.forEach((row, i) => {
    const key = rowKey(row, keys, textKey, time);
    if (key === undefined) return;
    const bucket = index.get(key);
    if (bucket) bucket.push(keep(row, i));
    else index.set(key, [keep(row, i)]);
  });
  return index;
}

/**
 * Names of the right side's columns next to the left's: a clashing name gets the first free numeric
 * suffix, where "free" also skips the right side's own names (left a + right a, a1 -> a2, a1), as the
 * analyzer does.
 */
export function rightSideColumns(left: ColumnSchema[], right: ColumnSchema[]): ColumnSchema[] {
  const names = new NameAllocator([...left.map((c) => c.name), ...right.map((c) => c.name)]);
  const leftNames = new Set(left.map((c) => c.name));
  return right.map((c) => (leftNames.has(c.name) ? { name: names.unique(c.name), type: c.type } : c));
}
