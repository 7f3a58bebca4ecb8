/** Per-run state shared by every operator: the injected clock, the input tables, caches. */
import type { EvalContext } from '../functions/registry-types.js';
import type { Table } from './table.js';
import type { ColumnSchema } from './types.js';

export interface ExecContext extends EvalContext {
  /** The caller's tables, converted to the engine's representation on first use. */
  table(name: string): Table;
  /** Rows the caller supplied for an externaldata URL, typed by the given columns (or a KqlRuntimeError). */
  externalTable(url: string, columns: ColumnSchema[]): Table;
  /** A supplied watchlist's rows, typed by its own columns. */
  watchlist(alias: string): Table;
  /** Results of expressions evaluated once per query (toscalar, let-bound scalars, in (subquery)). */
  readonly cache: Map<unknown, unknown>;
}
