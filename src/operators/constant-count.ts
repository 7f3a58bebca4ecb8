/** The row count argument of take and top: a non-negative whole number known before the query runs. */
import type { Expr } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { isNumericType } from '../runtime/types.js';
import type { BindTools } from './operator-def.js';

export function constantCount(expr: Expr, tools: BindTools, operator: string): number {
  const compiled = tools.expr(expr, []);
  const raw = compiled.constant?.value;
  const value = typeof raw === 'bigint' ? Number(raw) : raw; // a long beyond 2^53: as many as its double
  if (!isNumericType(compiled.type) || typeof value !== 'number' || value < 0) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The row count of '${operator}' must be a non-negative constant number`, expr.span);
  }
  return Math.floor(value);
}
