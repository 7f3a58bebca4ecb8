/** In-memory tables: rows are arrays indexed like `columns`, so compiled expressions read row[i]. */
import type { ColumnSchema, KqlType } from './types.js';

export type Row = unknown[];

export interface Table {
  columns: ColumnSchema[];
  rows: Row[];
}

/** The value a missing cell of this type holds: Kusto strings are never null. */
export function emptyValue(type: KqlType): unknown {
  return type === 'string' ? '' : null;
}
