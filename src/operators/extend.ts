/** extend: add computed columns; a name that already exists is replaced in place. */
import type { ExtendOp } from '../parser/ast.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { Row } from '../runtime/table.js';
import type { ExecContext } from '../runtime/exec-context.js';
import type { OperatorDef } from './operator-def.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { columnNamer, singleName } from './assignments.js';
import { mapRows } from '../functions/scalar/row-window.js';

export const extend: OperatorDef<ExtendOp> = {
  op: 'extend',
  description: 'Adds calculated columns (later items may use earlier ones).',
  bind(node, input, tools) {
    const columns: ColumnSchema[] = [...input];
    const steps: { index: number; eval: (row: Row, ctx: ExecContext) => unknown }[] = [];
    const name = columnNamer((n) => columns.some((c) => c.name === n));
    const assigned = new Set<string>();
    for (const item of node.items) {
      // Each item sees the columns added before it in the same extend.
      const expr = tools.expr(item.expr, columns);
      const columnName = name(singleName(item), expr);
      if (assigned.has(columnName)) {
        throw new KqlSemanticError(ErrorCodes.SEM_DUPLICATE_COLUMN, `The column '${columnName}' is assigned more than once in this extend`, item.span);
      }
      assigned.add(columnName);
      let index = columns.findIndex((c) => c.name === columnName);
      if (index < 0) {
        index = columns.length;
        columns.push({ name: columnName, type: expr.type });
      } else {
        columns[index] = { name: columnName, type: expr.type };
      }
      steps.push({ index, eval: expr.eval });
    }
    return {
      columns,
      run: (table, ctx) => ({
        columns,
        rows: mapRows(ctx, table, (row) => {
          const out = row.slice();
          for (const step of steps) out[step.index] = step.eval(out, ctx);
          return out;
        }),
      }),
    };
  },
};
