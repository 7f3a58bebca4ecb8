/**
 * Sentinel watchlists, as `_GetWatchlist('alias')` serves them: the caller supplies each watchlist's rows;
 * every row comes back with Sentinel's fixed columns first (_DTItemId, LastUpdatedTimeUTC, SearchKey,
 * WatchlistItem) followed by the watchlist's own columns.
 */
import type { ColumnSchema } from './types.js';
import type { Row, Table } from './table.js';
import type { TimeValue } from './ticks.js';
import { toDynamic } from './values.js';

export const WATCHLIST_FIXED_COLUMNS: ColumnSchema[] = [
  { name: '_DTItemId', type: 'string' },
  { name: 'LastUpdatedTimeUTC', type: 'datetime' },
  { name: 'SearchKey', type: 'string' },
  { name: 'WatchlistItem', type: 'dynamic' },
];

/** The result schema of _GetWatchlist for a watchlist with these columns. */
export function watchlistColumns(own: ColumnSchema[]): ColumnSchema[] {
  const fixed = new Set(WATCHLIST_FIXED_COLUMNS.map((c) => c.name));
  return [...WATCHLIST_FIXED_COLUMNS, ...own.filter((c) => !fixed.has(c.name))];
}

/**
 * Builds the _GetWatchlist table from the watchlist's loaded rows. SearchKey is the row's own SearchKey
 * column when it has one, else the text of its first column (Sentinel uses the column chosen as search key).
 */
export function watchlistTable(own: Table, now: TimeValue): Table {
  const columns = watchlistColumns(own.columns);
  const ownIndex = columns.slice(WATCHLIST_FIXED_COLUMNS.length).map((c) => own.columns.findIndex((o) => o.name === c.name));
  const searchKeyIndex = own.columns.findIndex((c) => c.name === 'SearchKey');
  const rows: Row[] = own.rows.map((row, i) => {
    const item: Record<string, unknown> = {};
    // Typed values become dynamic values as everywhere else (a datetime becomes its text).
    own.columns.forEach((c, k) => Object.defineProperty(item, c.name, { value: toDynamic(row[k] ?? null, c.type), enumerable: true, writable: true, configurable: true }));
    const key = searchKeyIndex >= 0 ? row[searchKeyIndex] : row[0];
    return [String(i + 1), now, key === null || key === undefined ? '' : String(key), item, ...ownIndex.map((k) => row[k])];
  });
  return { columns, rows };
}
