/** What binding produces: typed, compiled scalar expressions and tabular plans. */
import type { Span } from '../errors/span.js';
import type { ColumnSchema, KqlType } from '../runtime/types.js';
import type { Row, Table } from '../runtime/table.js';
import type { ExecContext } from '../runtime/exec-context.js';
import type { RowBatches } from '../runtime/scan.js';

/** A scalar expression compiled once into a closure over a row. */
export interface CompiledExpr {
  type: KqlType;
  evaluate: (row: Row, ctx: ExecContext) => unknown;
  /** Set when the value is known at bind time (literals, constant lets). */
  constant?: { value: unknown };
  span: Span;
  /** The column name Kusto gives this expression when none is written (Entity.Type -> Entity_Type). */
  derivedName?: string;
  /** Set when derivedName is a function's result-column name (array_sort_asc(x) is x_sorted): extend numbers it when taken. */
  numberedName?: boolean;
  /** Set (by BindTools.expr) when the expression reads neighbouring rows: prev, next, row_number. */
  readsRowWindow?: boolean;
  /** True when the expression is a plain column reference. */
  isColumn?: boolean;
  /** Set for a subquery item of `in (...)`: the type of the values in its list. */
  elementType?: KqlType;
  /** Set for a `typeof(T)` argument: the type it names (the value is not used). */
  typeLiteral?: KqlType;
  /** Set for calls of functions producing several columns: `evaluate` gives the first, `evalAll` all of them. */
  multi?: { columns: { name: string; type: KqlType }[]; evalAll: (row: Row, ctx: ExecContext) => unknown[] };
  /** Set for calls whose function has ScalarImpl.element: `expr[index]` for a constant index, without the array. */
  elementAt?: (index: number) => CompiledExpr;
}

/** A tabular expression ready to run: its result schema and how to produce it. */
export interface TabularPlan {
  columns: ColumnSchema[];
  execute: (ctx: ExecContext) => Table;
  /**
   * Set for a caller's table: execute with only the needed columns converted, running the leading
   * `where` filters of the pipeline during the scan (src/runtime/scan.ts).
   */
  scan?: (ctx: ExecContext, needed: boolean[], filters: FusedFilter[], capacity?: number) => RowBatches;
  /** The same plan for a consumer that uses only the `needed` output columns (the others may be left empty). */
  prune?: (needed: boolean[]) => TabularPlan;
}

/** Takes an operator's input a batch at a time (summarize's groups), then gives its output. */
export interface RowSink {
  push(rows: Row[]): void;
  finish(): Table;
}

/** A bound operator chain: one operator, plus what a scan before it can use (column needs, leading filters). */
export interface BoundChain extends BoundOperator {
  runAsync: (input: Table, ctx: ExecContext) => Promise<Table>;
  needs: (outputNeeded: boolean[]) => boolean[];
  /** The leading `where` operators that can run inside a scan (of a caller's table, of mv-apply's elements). */
  fusable: FusedFilter[];
  /** The most columns any of its operators' outputs has (to size rows that are extended in place). */
  widest: number;
  /** The chain without its first `skip` operators (those fused into the scan). */
  from(skip: number): ChainRest;
}

/** The operators of a chain after its first few. */
export interface ChainRest extends Pick<BoundChain, 'run' | 'runAsync'> {
  /** Every operator is row-local and reads no neighbouring rows: running them over A ++ B gives their output over A ++ their output over B. */
  rowLocal: boolean;
  /**
   * For a rowLocal chain: one run over the inputs of `runs` subquery runs at once (mv-apply's rows of a
   * batch), recorded in the trace as that many runs.
   */
  runMany(table: Table, ctx: ExecContext, runs: number): Table;
}

/** A `where` run inside a table scan: its test and reads, and how to record it in the trace once the scan is done. */
export interface FusedFilter {
  test: (row: Row, ctx: ExecContext) => boolean;
  reads: number[];
  running: { name: string; span: Span };
  record: (ctx: ExecContext, rowsIn: number, rowsOut: number, runs?: number) => void;
}

/**
 * How an operator's output columns relate to its input columns, for column pruning (which input columns
 * must be loaded, given the output columns that are used later). Declared only by operators whose
 * bind code was checked against it; an operator without one needs every input column.
 * - `passthrough`: output row i holds the input row's values at the same positions (where, take, sort).
 * - `extend`: like passthrough for the input positions whose column was not replaced, plus new columns.
 * - `own`: the output is computed from the expressions' reads only (project, summarize, count).
 */
export type ColumnFlow = 'passthrough' | 'extend' | 'own';

/** A bound pipe operator: output schema plus a function from its input table to its output. */
export interface BoundOperator {
  columns: ColumnSchema[];
  run: (input: Table, ctx: ExecContext) => Table;
  /** See ColumnFlow; the binder adds the columns the operator's expressions read. */
  flow?: ColumnFlow;
  /** Input columns needed, given which output columns are needed (for operators with custom flows). */
  needs?: (outputNeeded: boolean[]) => boolean[];
  /** Set by `where`: its row test, so a table scan can run it before converting the other columns. */
  filter?: (row: Row, ctx: ExecContext) => boolean;
  /**
   * Set by `take`/`limit`: the most rows it passes on. A batch pipeline before it stops reading its
   * source once it has collected that many rows (bind-chain.ts, scanPipeline).
   */
  limit?: number;
  /** Set by operators that can take their input in batches (summarize): `run` is push-all-then-finish. */
  sink?: (ctx: ExecContext) => RowSink;
  /**
   * Set when the run adds columns the binder cannot know (evaluate bag_unpack without an output schema,
   * pivot): the operators after it may name them, as the analyzer allows (src/binder/bind-chain.ts).
   */
  openSchema?: boolean;
}

export function constantExpr(type: KqlType, value: unknown, span: Span): CompiledExpr {
  return { type, evaluate: () => value, constant: { value }, span };
}
