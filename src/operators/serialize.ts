/**
 * serialize [Name = expr, ...]: marks the row set as ordered (every mini-kql row set keeps its order,
 * so the rows pass through unchanged) and optionally adds columns like extend, typically with the
 * row-window functions row_number(), prev() and next() (src/functions/scalar/row-window.ts).
 */
import type { SerializeOp } from '../parser/ast.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { Row } from '../runtime/table.js';
import type { ExecContext } from '../runtime/exec-context.js';
import type { OperatorDef } from './operator-def.js';
import { columnNamer, singleName } from './assignments.js';
import { mapRows } from '../functions/scalar/row-window.js';

export const serialize: OperatorDef<SerializeOp> = {
  op: 'serialize',
  description: 'Marks the rows as serialized (ordered) for row_number/prev/next; optionally adds columns like extend.',
  bind(node, input, tools) {
    if (node.items.length === 0) return { columns: input, run: (table) => table };
    const columns: ColumnSchema[] = [...input];
    const steps: { index: number; evaluate: (row: Row, ctx: ExecContext) => unknown }[] = [];
    const name = columnNamer((n) => columns.some((c) => c.name === n));
    for (const item of node.items) {
      const expr = tools.expr(item.expr, columns);
      const columnName = name(singleName(item), expr);
      let index = columns.findIndex((c) => c.name === columnName);
      if (index < 0) index = columns.push({ name: columnName, type: expr.type }) - 1;
      else columns[index] = { name: columnName, type: expr.type };
      steps.push({ index, evaluate: expr.evaluate });
    }
    return {
      columns,
      run: (table, ctx) => ({
        columns,
        rows: mapRows(ctx, table, (row) => {
          const out = row.slice();
          for (const step of steps) out[step.index] = step.evaluate(out, ctx);
          return out;
        }),
      }),
    };
  },
};
