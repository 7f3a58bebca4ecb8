/**
 * lookup: extend each left (fact) row with the columns of the matching right (dimension) rows.
 * Like join, but only kind=leftouter (the default) and kind=inner exist, and the right side's key
 * columns are not repeated: the output is every left column, then every right column except the
 * keys of the `on` conditions (for `$left.a == $right.b`, `b` is dropped too), renamed with a numeric
 * suffix when the name is taken (b -> b1), as the analyzer reports. Key columns must have the same
 * type on both sides (int and long mix; the analyzer rejects long vs real, KS227); a null key matches nothing. Every match produces a row
 * (no innerunique deduplication); an unmatched left row gets nulls under leftouter.
 */
import type { LookupOp } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { isIntegerType, type ColumnSchema } from '../runtime/types.js';
import { emptyValue, type Row } from '../runtime/table.js';
import { CELL_BYTES, INDEX_ENTRY_BYTES, rowBytes } from '../runtime/limits.js';
import { bindJoinKeys, indexRows, joinRows, rightSideColumns, rowKey } from './join-keys.js';
import type { OperatorDef } from './operator-def.js';

export const lookup: OperatorDef<LookupOp> = {
  op: 'lookup',
  description: 'Extends rows with the columns of matching rows of a dimension table (kind=leftouter or inner).',
  bind(node, left, tools) {
    let kind: 'leftouter' | 'inner' = 'leftouter';
    for (const p of node.params) {
      if (p.name !== 'kind') continue;
      if (p.value !== 'leftouter' && p.value !== 'inner') {
        throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `'${String(p.value)}' is not a lookup kind; use leftouter or inner`, p.span);
      }
      kind = p.value;
    }
    const rightPlan = tools.bindTabular(node.right, tools.env);
    const right = rightPlan.columns;
    // Key types must match exactly, except int with long (the analyzer rejects long against real).
    const { leftKeys, rightKeys, textKey, time } = bindJoinKeys(node.on, left, right, 'lookup', (a, b) => isIntegerType(a) && isIntegerType(b));
    const kept = right.map((_, i) => i).filter((i) => !rightKeys.includes(i));
    const columns: ColumnSchema[] = [...left, ...rightSideColumns(left, kept.map((i) => right[i]))];
    const rightNulls = kept.map((i) => emptyValue(right[i].type));
    return {
      columns,
      run: (leftTable, ctx) => {
        const rightRows = rightPlan.execute(ctx).rows;
        const guard = ctx.guard;
        const span = node.keywordSpan;
        // The index (an entry and a row of the kept columns per right row) lives only during this run.
        const temporary = rightRows.length * (INDEX_ENTRY_BYTES + rowBytes(kept.length));
        guard.charge(temporary, 'lookup', span);
        const index = indexRows(rightRows, rightKeys, (row) => kept.map((i) => row[i]), textKey, time);
        const out: Row[] = [];
        const outBytes = rowBytes(columns.length) + CELL_BYTES;
        for (const row of leftTable.rows) {
          const key = rowKey(row, leftKeys, textKey, time);
          const matches = key === undefined ? undefined : index.get(key);
          if (matches) {
            for (const m of matches) {
              guard.charge(outBytes, 'lookup', span);
              out.push(joinRows(row, m));
            }
          } else if (kind === 'leftouter') {
            guard.charge(outBytes, 'lookup', span);
            out.push(joinRows(row, rightNulls));
          }
        }
        guard.release(temporary);
        return { columns, rows: out };
      },
    };
  },
};
