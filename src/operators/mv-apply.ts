/**
 * mv-apply: for each input row, expand the listed arrays into a small table, run the subquery on it,
 * and output what the subquery returns (a row whose subquery returns nothing disappears).
 */
import type { MvApplyOp } from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import { bindExpansion, expandTable } from './expansion.js';

export const mvApply: OperatorDef<MvApplyOp> = {
  op: 'mv-apply',
  description: 'Applies a subquery to the expanded elements of each row.',
  bind(node, input, tools) {
    const expansion = bindExpansion(node.items, node.itemIndex, node.limit, node.params, input, tools, true);
    const subquery = tools.chain(node.subquery, expansion.columns);
    const columns = subquery.columns;
    return {
      columns,
      run: (table, ctx) => ({
        columns,
        rows: expandTable(table, ctx, expansion, 'mv-apply', node.keywordSpan, (expanded) =>
          subquery.run({ columns: expansion.columns, rows: expanded }, ctx).rows),
      }),
    };
  },
};
