/**
 * `set name [= value];` statements (set-statement.md): request properties for the rest of the query. Each is
 * bound as a let-like name no query can write (`optionName`); `set name;` alone means true. Only
 * query_bin_auto_size and query_bin_auto_at change results here (bin_auto); the others are accepted and
 * have no effect (docs/differences-from-kusto.md).
 */
import type * as A from '../parser/ast.js';
import type { Env } from './scope.js';
import { RowScope } from './scope.js';
import { bindExpr } from './bind-expr.js';
import { bindTabular } from './bind-tabular.js';
import { constantExpr } from './compiled.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { KqlType } from '../runtime/types.js';

export function optionName(name: string): string {
  return `\u0000set:${name}`;
}

export function bindSet(statement: A.SetStatement, env: Env): Env {
  const expr = statement.value
    ? bindExpr(statement.value, { scope: new RowScope([]), env, bindTabular })
    : constantExpr('bool', true, statement.span);
  return env.withLet(optionName(statement.name), { kind: 'scalar', expr });
}

/** bin_auto(x): bin_at(x, query_bin_auto_size, query_bin_auto_at) (bin-auto-function.md); the size must be set. */
export function binAutoCall(expr: A.CallExpr, env: Env, argType: () => KqlType): A.CallExpr {
  if (expr.args.length !== 1) throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, "Function 'bin_auto' expects 1 argument", expr.span);
  if (!env.lookupLet(optionName('query_bin_auto_size'))) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, "bin_auto needs the bin size: 'set query_bin_auto_size = ...;' before the query", expr.span);
  }
  const span = expr.span;
  const at = env.lookupLet(optionName('query_bin_auto_at'));
  // The default fixed point is 0 of the value's kind (1970-01-01 for a datetime, 0 for a timespan).
  const type = at ? 'long' : argType();
  const zeroType: KqlType = type === 'datetime' || type === 'timespan' ? type : 'long';
  const fixed: A.Expr = at ? { kind: 'Name', name: optionName('query_bin_auto_at'), span } : { kind: 'Literal', type: zeroType, value: 0, span };
  return { kind: 'Call', name: 'bin_at', nameSpan: expr.nameSpan, args: [expr.args[0], { kind: 'Name', name: optionName('query_bin_auto_size'), span }, fixed], span };
}
