/** The contract of a pipe operator: bind it against its input schema into a runnable BoundOperator. */
import type * as A from '../parser/ast.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { BoundChain, BoundOperator, CompiledExpr, TabularPlan } from '../binder/compiled.js';
import type { Env } from '../binder/scope.js';
import { RowScope } from '../binder/scope.js';
import { bindExpr } from '../binder/bind-expr.js';

export interface BindTools {
  env: Env;
  bindTabular(expr: A.Expr, env: Env): TabularPlan;
  /** Bind a scalar expression against a row schema. */
  expr(expr: A.Expr, columns: ColumnSchema[]): CompiledExpr;
  /** Bind a chain of operators (an mv-apply subquery) against an input schema. */
  chain(ops: A.TabularOperator[], input: ColumnSchema[]): BoundChain;
  /** Records a read of input column `index` that does not go through `expr` (e.g. arg_max(x, *)). */
  noteRead(columns: ColumnSchema[], index: number): void;
}

/**
 * What one operator's expressions read of its input: filled while the operator binds (see `recordingTools`),
 * so the binder can tell which input columns the operator needs (column pruning).
 */
export interface InputReads {
  readonly input: ColumnSchema[];
  readonly columns: Set<number>;
  rowWindow: boolean;
}

export interface OperatorDef<N extends A.TabularOperator = A.TabularOperator> {
  op: N['op'];
  description: string;
  bind(node: N, input: ColumnSchema[], tools: BindTools): BoundOperator;
}

export function makeTools(env: Env, bindTabular: (e: A.Expr, env: Env) => TabularPlan, chain: BindTools['chain'], reads?: InputReads): BindTools {
  return {
    env,
    bindTabular,
    chain,
    expr: (expr, columns) => {
      const scope = new RowScope(columns);
      const compiled = bindExpr(expr, { scope, env, bindTabular });
      if (reads) {
        for (const i of scope.reads) noteInputRead(reads, columns[i]);
        if (scope.readsRowWindow) reads.rowWindow = true;
      }
      return scope.readsRowWindow ? { ...compiled, readsRowWindow: true } : compiled;
    },
    noteRead: (columns, index) => {
      if (reads) noteInputRead(reads, columns[index]);
    },
  };
}

/** Columns are matched by identity (every position holding it), so a read through a copy of the input schema counts too. */
function noteInputRead(reads: InputReads, column: ColumnSchema): void {
  reads.input.forEach((c, i) => {
    if (c === column) reads.columns.add(i);
  });
}
