/** distinct: one row per distinct combination of the listed columns (or of all columns with `*`). */
import type { DistinctOp } from '../parser/ast.js';
import type { ColumnSchema } from '../runtime/types.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { Row } from '../runtime/table.js';
import { keyOfValues, timeColumns } from '../runtime/hash-key.js';
import type { RunGuard } from '../runtime/limits.js';
import { INDEX_ENTRY_BYTES, rowBytes } from '../runtime/limits.js';
import type { OperatorDef } from './operator-def.js';
import { columnNamer, singleName } from './assignments.js';

export const distinct: OperatorDef<DistinctOp> = {
  op: 'distinct',
  description: 'Returns the distinct combinations of the listed columns.',
  bind(node, input, tools) {
    if (node.items.length === 1 && node.items[0].expr.kind === 'Star' && node.items[0].names.length === 0) {
      // Every column is part of the key: all are needed.
      const time = timeColumns(input.map((c) => c.type));
      return { columns: input, run: (table, ctx) => ({ columns: input, rows: dedupe(table.rows, (r) => r, time, ctx.guard), owned: table.owned }) };
    }
    const columns: ColumnSchema[] = [];
    const name = columnNamer((n) => columns.some((c) => c.name === n));
    const evals = node.items.map((item) => {
      const expr = tools.expr(item.expr, input);
      if (expr.type === 'dynamic') {
        throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, 'distinct cannot use a dynamic value: convert it first, e.g. tostring(...)', item.span);
      }
      columns.push({ name: name(singleName(item), expr), type: expr.type });
      return expr.evaluate;
    });
    const time = timeColumns(columns.map((c) => c.type));
    return {
      columns,
      flow: 'own',
      run: (table, ctx) => {
        // A new row per input row, before deduplication.
        ctx.guard.charge(table.rows.length * rowBytes(columns.length), 'distinct', node.keywordSpan);
        return { columns, rows: dedupe(table.rows.map((row) => evals.map((e) => e(row, ctx))), (r) => r, time, ctx.guard), owned: true };
      },
    };
  },
};

/** The rows with distinct keys; each new key is charged to the run's memory budget (its set entry and its text). */
function dedupe(rows: Row[], key: (r: Row) => unknown[], time: boolean[] | undefined, guard: RunGuard): Row[] {
  const seen = new Set<string>();
  const out: Row[] = [];
  for (const row of rows) {
    const k = keyOfValues(key(row), time);
    if (!seen.has(k)) {
      guard.charge(INDEX_ENTRY_BYTES + 2 * k.length);
      seen.add(k);
      out.push(row);
    }
  }
  return out;
}
