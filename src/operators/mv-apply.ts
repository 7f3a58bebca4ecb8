/**
 * mv-apply: for each input row, expand the listed arrays into a small table, run the subquery on it,
 * and output what the subquery returns (a row whose subquery returns nothing disappears).
 */
import type { MvApplyOp } from '../parser/ast.js';
import type { Row } from '../runtime/table.js';
import type { OperatorDef } from './operator-def.js';
import { bindExpansion } from './expansion.js';

export const mvApply: OperatorDef<MvApplyOp> = {
  op: 'mv-apply',
  description: 'Applies a subquery to the expanded elements of each row.',
  bind(node, input, tools) {
    const expansion = bindExpansion(node.items, node.itemIndex, node.limit, node.params, input, tools, true);
    const subquery = tools.chain(node.subquery, expansion.columns);
    const columns = subquery.columns;
    return {
      columns,
      run: (table, ctx) => {
        const rows: Row[] = [];
        const guard = ctx.guard;
        for (const row of table.rows) {
          const expanded = expansion.expand(row, ctx);
          guard.tick(1 + expanded.length);
          if (expanded.length > guard.maxRows) guard.rows(expanded.length, 'mv-apply', node.keywordSpan);
          if (expanded.length === 0) continue;
          const result = subquery.run({ columns: expansion.columns, rows: expanded }, ctx);
          for (const r of result.rows) rows.push(r);
          if (rows.length > guard.maxRows) guard.rows(rows.length, 'mv-apply', node.keywordSpan);
        }
        return { columns, rows };
      },
    };
  },
};
