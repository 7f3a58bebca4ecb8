/** project: keep, rename and compute exactly the listed columns, in the listed order. */
import type { ProjectOp } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { OperatorDef } from './operator-def.js';
import { columnNamer, singleName } from './assignments.js';
import { mapRows } from '../functions/scalar/row-window.js';

export const project: OperatorDef<ProjectOp> = {
  op: 'project',
  description: 'Selects, renames and computes the output columns.',
  bind(node, input, tools) {
    const columns: ColumnSchema[] = [];
    const name = columnNamer((n) => columns.some((c) => c.name === n));
    const evals = node.items.map((item) => {
      const expr = tools.expr(item.expr, input);
      const columnName = name(singleName(item), expr);
      if (columns.some((c) => c.name === columnName)) {
        throw new KqlSemanticError(ErrorCodes.SEM_DUPLICATE_COLUMN, `The column '${columnName}' appears more than once in project`, item.span);
      }
      columns.push({ name: columnName, type: expr.type });
      return expr.eval;
    });
    return {
      columns,
      run: (table, ctx) => ({ columns, rows: mapRows(ctx, table, (row) => evals.map((e) => e(row, ctx))) }),
    };
  },
};
