/**
 * pack_all([ignore_null_empty]) (pack-all-function.md): a property bag of every column of the row, keyed by
 * column name, in column order. It needs the row's schema, so the binder binds it (src/binder/bind-expr.ts,
 * which also records that it reads every column, for column pruning); this is the value it builds.
 * With ignore_null_empty true, null values and empty strings are left out. UNCERTAIN (not in the docs):
 * empty arrays and bags are kept.
 */
import type { KqlType } from '../../runtime/types.js';
import { toDynamic, type DynamicValue } from '../../runtime/values.js';
import { setOwn } from '../scalar/arrays_more.js';

export const PACK_ALL_DESCRIPTION = 'A dynamic property bag of every column of the row; pack_all(true) leaves out null and empty values.';

export interface PackedColumn {
  name: string;
  type: KqlType;
  /** The column's position in the row. */
  index: number;
}

export function packRow(row: readonly unknown[], columns: readonly PackedColumn[], ignoreNullEmpty: boolean): { [key: string]: DynamicValue } {
  const bag: { [key: string]: DynamicValue } = {};
  for (const c of columns) {
    const v = toDynamic(row[c.index], c.type);
    if (ignoreNullEmpty && (v === null || v === '')) continue;
    setOwn(bag, c.name, v);
  }
  return bag;
}
