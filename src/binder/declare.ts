/**
 * `declare query_parameters(name:type = default, ...)`: each parameter becomes a constant, taken from the
 * caller's `parameters` option, else from its default. A parameter with neither is an error.
 */
import type * as A from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { convertInputValue } from '../runtime/load-table.js';
import { constantExpr } from './compiled.js';
import { RowScope, type Env } from './scope.js';
import { bindExpr } from './bind-expr.js';
import { bindTabular } from './bind-tabular.js';

export function bindDeclare(statement: A.DeclareStatement, env: Env): Env {
  let current = env;
  for (const param of statement.params) {
    const supplied = env.queryParameter(param.name);
    if (supplied !== undefined) {
      const value = convertInputValue(supplied, param.type);
      current = current.withLet(param.name, { kind: 'scalar', expr: constantExpr(param.type, value, param.span) });
      continue;
    }
    if (!param.default) {
      throw new KqlSemanticError(
        ErrorCodes.SEM_INVALID_ARGUMENT,
        `Query parameter '${param.name}' has no default: pass it in the parameters option (mini-kql: --param ${param.name}=value; scenario files: parameters:)`,
        param.span,
      );
    }
    const compiled = bindExpr(param.default, { scope: new RowScope([]), env: current, bindTabular });
    current = current.withLet(param.name, { kind: 'scalar', expr: { ...compiled, type: param.type } });
  }
  return current;
}
