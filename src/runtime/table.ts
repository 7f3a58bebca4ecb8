/** In-memory tables: rows are arrays indexed like `columns`, so compiled expressions read row[i]. */
import type { ColumnSchema, KqlType } from './types.js';

export type Row = unknown[];

export interface Table {
  columns: ColumnSchema[];
  rows: Row[];
  /**
   * True when no one else holds these row arrays (a scan's fresh rows, an operator's new rows), so the
   * next operator may write into them instead of copying. Unset (not owned) for cached and shared tables.
   */
  owned?: boolean;
  /** Set by `render` (the last operator of a query): the chart kind and its `with (...)` properties. */
  render?: RenderInfo;
  /** Set by operators with several result tables (fork, facet): all of them, this table's rows first. */
  results?: { name?: string; table: Table }[];
}

/** What `render` asks the user agent to draw (render-operator.md); the rows are unchanged. */
export interface RenderInfo {
  kind: string;
  properties: Record<string, unknown>;
}

/**
 * A new row of `width` cells with room for `capacity`: operators that extend rows in place (extend,
 * mv-apply's subquery) then add their columns without V8 reallocating the array's storage.
 */
export function newRow(width: number, capacity: number): Row {
  const row: Row = new Array(Math.max(width, capacity));
  row.length = width;
  return row;
}

/** The value a missing cell of this type holds: Kusto strings are never null. */
export function emptyValue(type: KqlType): unknown {
  return type === 'string' ? '' : null;
}
