/** What binding produces: typed, compiled scalar expressions and tabular plans. */
import type { Span } from '../errors/span.js';
import type { ColumnSchema, KqlType } from '../runtime/types.js';
import type { Row, Table } from '../runtime/table.js';
import type { ExecContext } from '../runtime/exec-context.js';

/** A scalar expression compiled once into a closure over a row. */
export interface CompiledExpr {
  type: KqlType;
  evaluate: (row: Row, ctx: ExecContext) => unknown;
  /** Set when the value is known at bind time (literals, constant lets). */
  constant?: { value: unknown };
  span: Span;
  /** The column name Kusto gives this expression when none is written (Entity.Type -> Entity_Type). */
  derivedName?: string;
  /** True when the expression is a plain column reference. */
  isColumn?: boolean;
  /** Set for a `typeof(T)` argument: the type it names (the value is not used). */
  typeLiteral?: KqlType;
  /** Set for calls of functions producing several columns: `evaluate` gives the first, `evalAll` all of them. */
  multi?: { columns: { name: string; type: KqlType }[]; evalAll: (row: Row, ctx: ExecContext) => unknown[] };
}

/** A tabular expression ready to run: its result schema and how to produce it. */
export interface TabularPlan {
  columns: ColumnSchema[];
  execute: (ctx: ExecContext) => Table;
}

/** A bound pipe operator: output schema plus a function from its input table to its output. */
export interface BoundOperator {
  columns: ColumnSchema[];
  run: (input: Table, ctx: ExecContext) => Table;
}

export function constantExpr(type: KqlType, value: unknown, span: Span): CompiledExpr {
  return { type, evaluate: () => value, constant: { value }, span };
}
