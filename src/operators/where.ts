/** where / filter: keep the rows whose predicate is true (null and false both drop the row). */
import type { WhereOp } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { OperatorDef } from './operator-def.js';
import { filterRows } from '../functions/scalar/row-window.js';

export const where: OperatorDef<WhereOp> = {
  op: 'where',
  description: 'Filters rows by a boolean predicate.',
  bind(node, input, tools) {
    const predicate = tools.expr(node.predicate, input);
    if (predicate.type !== 'bool' && predicate.type !== 'dynamic') {
      throw new KqlSemanticError(
        ErrorCodes.SEM_TYPE_MISMATCH,
        `The 'where' predicate must be a boolean expression, but it is of type ${predicate.type}`,
        node.predicate.span,
      );
    }
    const test = predicate.evaluate;
    const windowed = predicate.readsRowWindow === true;
    return {
      columns: input,
      flow: 'passthrough',
      filter: (row, ctx) => test(row, ctx) === true,
      run: (table, ctx) => ({ columns: input, rows: filterRows(ctx, table, (row) => test(row, ctx) === true, windowed), owned: table.owned }),
    };
  },
};
