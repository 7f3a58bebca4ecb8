/** mv-expand: one output row per element of a dynamic array (or property of a bag). */
import type { MvExpandOp } from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import { bindExpansion, expandTable } from './expansion.js';

export const mvExpand: OperatorDef<MvExpandOp> = {
  op: 'mv-expand',
  description: 'Expands dynamic arrays or property bags into one row per element.',
  bind(node, input, tools) {
    const expansion = bindExpansion(node.items, node.itemIndex, node.limit, node.params, input, tools);
    const columns = expansion.columns;
    return {
      columns,
      needs: (out) => expansion.needs(out),
      run: (table, ctx) => ({ columns, rows: expandTable(table, ctx, expansion, 'mv-expand', node.keywordSpan, undefined, undefined, undefined, table.owned === true).rows, owned: true }),
    };
  },
};
