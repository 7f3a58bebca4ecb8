/**
 * as Name: names the row set (for withsource= of a later union, or for references in the same query).
 * mini-kql passes the rows through unchanged; the name is not bound as a table (documented difference).
 */
import type { AsOp } from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import type { ColumnSchema } from '../runtime/types.js';

export const as: OperatorDef<AsOp> = {
  op: 'as',
  description: 'Names the tabular expression; the rows pass through unchanged.',
  // Parameters (hint.materialized=true) are accepted and ignored, as the analyzer accepts any.
  bind(node, input) {
    const columns = [...input];
    NAMED.set(columns, node.name);
    return { columns, run: (table) => table };
  },
};

/** The names given by `as`, by the schema array its bound operator returns (what the next operator receives as input). */
const NAMED = new WeakMap<ColumnSchema[], string>();

/** The `as` name of an operator's input, when the operator before it is `as` (for union's withsource=). */
export function asName(input: ColumnSchema[]): string | undefined {
  return NAMED.get(input);
}
