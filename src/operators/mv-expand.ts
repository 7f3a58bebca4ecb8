/** mv-expand: one output row per element of a dynamic array (or property of a bag). */
import type { MvExpandOp } from '../parser/ast.js';
import type { Row } from '../runtime/table.js';
import type { OperatorDef } from './operator-def.js';
import { bindExpansion } from './expansion.js';

export const mvExpand: OperatorDef<MvExpandOp> = {
  op: 'mv-expand',
  description: 'Expands dynamic arrays or property bags into one row per element.',
  bind(node, input, tools) {
    const expansion = bindExpansion(node.items, node.itemIndex, node.limit, node.params, input, tools);
    const columns = expansion.columns;
    return {
      columns,
      run: (table, ctx) => {
        const rows: Row[] = [];
        const guard = ctx.guard;
        for (const row of table.rows) {
          const expanded = expansion.expand(row, ctx);
          for (const r of expanded) rows.push(r);
          guard.tick(1 + expanded.length);
          if (rows.length > guard.maxRows) guard.rows(rows.length, 'mv-expand', node.keywordSpan);
        }
        return { columns, rows };
      },
    };
  },
};
