/** top N by key: sort, then take N. */
import type { TopOp } from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import { bindSorter } from './sort.js';
import { constantCount } from './constant-count.js';

export const top: OperatorDef<TopOp> = {
  op: 'top',
  description: 'Returns the first N rows sorted by the given key.',
  bind(node, input, tools) {
    const count = constantCount(node.count, tools, 'top');
    const sorter = bindSorter([node.key], input, tools);
    return { columns: input, flow: 'passthrough', run: (table, ctx) => ({ columns: input, rows: sorter(table.rows, ctx).slice(0, count), owned: table.owned }) };
  },
};
