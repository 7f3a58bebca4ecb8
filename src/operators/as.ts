/**
 * as Name: names the row set (for withsource= of a later union, or for references in the same query).
 * mini-kql passes the rows through unchanged; the name is not bound as a table (documented difference).
 */
import type { AsOp } from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';

export const as: OperatorDef<AsOp> = {
  op: 'as',
  description: 'Names the tabular expression; the rows pass through unchanged.',
  // Parameters (hint.materialized=true) are accepted and ignored, as the analyzer accepts any.
  bind(_node, input) {
    return { columns: input, run: (table) => table };
  },
};
