/**
 * Execution trace (`runKql(q, tables, { trace: true })`): for each table read and pipe operator, in the
 * order they first ran, the rows that went in and came out, with the operator's place in the query.
 * An operator inside a subquery that runs many times (mv-apply's, once per row) has one entry with its
 * totals and the number of runs, so a trace stays as long as the query, not the data.
 */
import type { Span } from '../errors/span.js';

export interface TraceEntry {
  /** The operator (`where`, `join`, `mv-apply`, ...) or `table Name` for a table read. */
  operator: string;
  line: number;
  column: number;
  /** Rows that came in (absent for table reads). */
  rowsIn?: number;
  rowsOut: number;
  /** How many times it ran (more than 1 inside mv-apply subqueries and for re-read tables). */
  runs: number;
  /** Nesting: 0 for the main pipeline, 1 inside a join's right side or a subquery, and so on. */
  depth: number;
  /** Set for an operator inside a workspace function: line and column are its call's; this is its place in the function. */
  function?: { name: string; line: number; column: number };
}

export class TraceCollector {
  private readonly entries = new Map<string, TraceEntry>();

  /** `runs`: how many runs these totals are for (a subquery run once over many rows' inputs counts each). */
  record(operator: string, span: Span, depth: number, rowsIn: number | undefined, rowsOut: number, runs = 1): void {
    // Operators inside a workspace function all point at its call: their place in the function tells them apart.
    const origin = span.origin ? `${span.origin.function}:${span.origin.part}:${span.origin.line}:${span.origin.column}` : '';
    const key = `${span.offset}:${origin}:${operator}`;
    const entry = this.entries.get(key);
    if (entry) {
      entry.runs += runs;
      entry.rowsOut += rowsOut;
      if (rowsIn !== undefined) entry.rowsIn = (entry.rowsIn ?? 0) + rowsIn;
      return;
    }
    const inFunction = span.origin ? { function: { name: span.origin.function, line: span.origin.line, column: span.origin.column } } : {};
    this.entries.set(key, { operator, line: span.line, column: span.column, ...(rowsIn === undefined ? {} : { rowsIn }), rowsOut, runs, depth, ...inFunction });
  }

  /** Entries in query order (by line and column), which is also the order a reader follows. */
  entriesInQueryOrder(): TraceEntry[] {
    return [...this.entries.values()].sort((a, b) => a.line - b.line || a.column - b.column);
  }
}
