/** A whole query: let statements bind names; the last expression statement is the result. */
import type * as A from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { TabularPlan } from './compiled.js';
import type { Env } from './scope.js';
import { bindTabular } from './bind-tabular.js';
import { bindLet } from './user-functions.js';
import { bindDeclare } from './declare.js';
import { bindSet } from './set-options.js';
import { bindPatternStatement } from './patterns.js';

export function bindQuery(query: A.Query, env: Env): TabularPlan {
  try {
    return bindStatements(query, env);
  } catch (err) {
    // Very deep expressions (1 + 1 + ... thousands of times) exhaust the stack while binding.
    if (err instanceof RangeError) {
      throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'The query is nested too deeply to analyze: simplify the longest expression', query.span);
    }
    throw err;
  }
}

function bindStatements(query: A.Query, env: Env): TabularPlan {
  let current = env;
  let result: TabularPlan | undefined;
  for (const statement of query.statements) {
    if (statement.kind === 'Let') {
      current = current.withLet(statement.name, bindLet(statement, current, bindTabular));
    } else if (statement.kind === 'Declare') {
      current = bindDeclare(statement, current);
    } else if (statement.kind === 'Set') {
      current = bindSet(statement, current);
    } else if (statement.kind === 'Pattern') {
      current = bindPatternStatement(statement, current);
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

