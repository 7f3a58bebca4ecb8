import type { ScalarFunction } from '../registry-types.js';
import { convertTo, unifyBranchTypes } from '../convert.js';

/**
 * iff(cond, then, else). The result type unifies the branches (see unifyBranchTypes: numeric widening,
 * dynamic yields to the other type, other mixes give dynamic). A null condition takes the else branch.
 */
export const iff: ScalarFunction = {
  name: 'iff',
  aliases: ['iif'],
  minArgs: 3,
  maxArgs: 3,
  description: 'Returns the second argument when the condition is true, otherwise the third.',
  bind(args) {
    if (args.length !== 3) return { error: `The function 'iff' expects 3 arguments, got ${args.length}.` };
    if (args[0].type !== 'bool') return { error: `The condition of 'iff' must be bool, not ${args[0].type}.`, argIndex: 0 };
    const type = unifyBranchTypes([args[1].type, args[2].type]);
    const t1 = args[1].type, t2 = args[2].type;
    return {
      type,
      call: ([c, a, b]) => (c === true ? convertTo(a, t1, type) : convertTo(b, t2, type)),
    };
  },
};
