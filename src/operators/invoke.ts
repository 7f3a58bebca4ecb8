/** invoke f(args): calls the tabular let function f with the pipe input as its first argument (invoke-operator.md). */
import type * as A from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { inputPlaceholder, subqueryContext } from './subquery-input.js';

export const invoke: OperatorDef<A.InvokeOp> = {
  op: 'invoke',
  description: 'Calls a tabular function with the input table as its first argument.',
  bind(node, input, tools) {
    const { call } = node;
    const fn = tools.env.lookupLet(call.name);
    if (!fn || fn.kind !== 'function') {
      throw new KqlSemanticError(ErrorCodes.SEM_UNKNOWN_FUNCTION, `invoke: '${call.name}' is not a function defined with let`, call.nameSpan);
    }
    if (fn.decl.params[0]?.type !== 'tabular') {
      throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `invoke: the first parameter of '${call.name}' must be a table`, call.nameSpan);
    }
    const placeholder = inputPlaceholder(input, tools.env);
    const source: A.Expr = { kind: 'Name', name: placeholder.name, span: node.keywordSpan };
    const expr: A.CallExpr = {
      ...call,
      args: [source, ...call.args],
      ...(call.argNames ? { argNames: [undefined, ...call.argNames] } : {}),
    };
    const plan = tools.bindTabular(expr, placeholder.env);
    return {
      columns: plan.columns,
      run: (table, ctx) => placeholder.with(table, () => plan.execute(subqueryContext(ctx))),
    };
  },
};
