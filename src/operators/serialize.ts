/**
 * serialize [Name = expr, ...]: marks the row set as ordered (every mini-kql row set keeps its order,
 * so the rows pass through unchanged) and optionally adds columns exactly as extend does, typically with
 * the row-window functions row_number(), prev() and next() (src/functions/scalar/row-window.ts).
 */
import type { SerializeOp } from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import { extend } from './extend.js';

export const serialize: OperatorDef<SerializeOp> = {
  op: 'serialize',
  description: 'Marks the rows as serialized (ordered) for row_number/prev/next; optionally adds columns like extend.',
  bind(node, input, tools) {
    if (node.items.length === 0) return { columns: input, flow: 'passthrough', run: (table) => table };
    return extend.bind({ ...node, op: 'extend' }, input, tools);
  },
};
