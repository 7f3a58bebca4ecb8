/** The contract of a pipe operator: bind it against its input schema into a runnable BoundOperator. */
import type * as A from '../parser/ast.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { BoundOperator, CompiledExpr, TabularPlan } from '../binder/compiled.js';
import type { Env } from '../binder/scope.js';
import { RowScope } from '../binder/scope.js';
import { bindExpr } from '../binder/bind-expr.js';

export interface BindTools {
  env: Env;
  bindTabular(expr: A.Expr, env: Env): TabularPlan;
  /** Bind a scalar expression against a row schema. */
  expr(expr: A.Expr, columns: ColumnSchema[]): CompiledExpr;
  /** Bind a chain of operators (an mv-apply subquery) against an input schema. */
  chain(ops: A.TabularOperator[], input: ColumnSchema[]): BoundOperator;
}

export interface OperatorDef<N extends A.TabularOperator = A.TabularOperator> {
  op: N['op'];
  description: string;
  bind(node: N, input: ColumnSchema[], tools: BindTools): BoundOperator;
}

export function makeTools(env: Env, bindTabular: (e: A.Expr, env: Env) => TabularPlan, chain: BindTools['chain']): BindTools {
  return {
    env,
    bindTabular,
    chain,
    expr: (expr, columns) => bindExpr(expr, { scope: new RowScope(columns), env, bindTabular }),
  };
}
