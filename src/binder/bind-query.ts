/** A whole query: let statements bind names; the last expression statement is the result. */
import type * as A from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { TabularPlan } from './compiled.js';
import type { Env } from './scope.js';
import { RowScope } from './scope.js';
import { bindExpr, isTabularSyntax } from './bind-expr.js';
import { bindTabular } from './bind-tabular.js';

export function bindQuery(query: A.Query, env: Env): TabularPlan {
  let current = env;
  let result: TabularPlan | undefined;
  for (const statement of query.statements) {
    if (statement.kind === 'Let') {
      current = current.withLet(statement.name, bindLetValue(statement, current));
    } else {
      result = bindTabular(statement.expr, current);
    }
  }
  if (!result) {
    const end = query.span;
    throw new KqlSemanticError(ErrorCodes.SEM_NOT_TABULAR, 'The query has no result: it must end with a tabular expression after its let statements', end);
  }
  return result;
}

function bindLetValue(statement: A.LetStatement, env: Env) {
  const value = statement.value;
  if (value.kind === 'FunctionDecl') return { kind: 'function' as const, decl: value, env };
  if (isTabularSyntax(value, env)) return { kind: 'tabular' as const, plan: bindTabular(value, env) };
  const expr = bindExpr(value, { scope: new RowScope([]), env, bindTabular });
  if (expr.constant) return { kind: 'scalar' as const, expr };
  // A scalar computed once per query (e.g. let start = ago(1d)).
  const key = {};
  const evaluate = expr.eval;
  return {
    kind: 'scalar' as const,
    expr: {
      ...expr,
      eval: (_row: unknown[], ctx: Parameters<typeof evaluate>[1]) => {
        if (!ctx.cache.has(key)) ctx.cache.set(key, evaluate([], ctx));
        return ctx.cache.get(key);
      },
    },
  };
}
