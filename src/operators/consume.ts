/** consume [decodeblocks=true]: reads its whole input and returns nothing (no columns, no rows). */
import type * as A from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';

export const consume: OperatorDef<A.ConsumeOp> = {
  op: 'consume',
  description: 'Consumes its input and returns an empty result (no columns, no rows).',
  bind(_node, input) {
    return { columns: [], needs: () => input.map(() => false), run: () => ({ columns: [], rows: [], owned: true }) };
  },
};
