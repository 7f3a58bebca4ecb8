/** take / limit: the first N rows. */
import type { TakeOp } from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import { constantCount } from './constant-count.js';

export const take: OperatorDef<TakeOp> = {
  op: 'take',
  description: 'Returns up to the given number of rows.',
  bind(node, input, tools) {
    const count = constantCount(node.count, tools, 'take');
    return { columns: input, flow: 'passthrough', limit: count, run: (table) => ({ columns: input, rows: table.rows.slice(0, count), owned: table.owned }) };
  },
};
