/** project: keep, rename and compute exactly the listed columns, in the listed order. */
import type { ProjectOp } from '../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { OperatorDef } from './operator-def.js';
import { assignedColumns, columnNamer } from './assignments.js';
import type { Row } from '../runtime/table.js';
import type { ExecContext } from '../runtime/exec-context.js';
import { mapRows } from '../functions/scalar/row-window.js';

export const project: OperatorDef<ProjectOp> = {
  op: 'project',
  description: 'Selects, renames and computes the output columns.',
  bind(node, input, tools) {
    const columns: ColumnSchema[] = [];
    const name = columnNamer((n) => columns.some((c) => c.name === n));
    const uniqueName = (base: string) => {
      let i = 1;
      while (columns.some((c) => c.name === `${base}${i}`)) i++;
      return `${base}${i}`;
    };
    let windowed = false;
    const evals = node.items.map((item) => {
      const expr = tools.expr(item.expr, input);
      if (expr.readsRowWindow) windowed = true;
      for (const out of assignedColumns(item, expr, name)) {
        const clash = columns.some((c) => c.name === out.name);
        // A written name or a plain column twice is an error; a derived name (round(b)) gets a suffix (analyzer).
        if (clash && (item.names.length > 0 || expr.isColumn || expr.multi)) {
          throw new KqlSemanticError(ErrorCodes.SEM_DUPLICATE_COLUMN, `The column '${out.name}' appears more than once in project`, item.span);
        }
        columns.push(clash ? { ...out, name: uniqueName(out.name) } : out);
      }
      return expr.multi ? { many: true, f: expr.multi.evalAll } : { many: false, f: expr.evaluate };
    });
    const anyMany = evals.some((e) => e.many);
    const project1 = (row: Row, ctx: ExecContext): Row => {
      if (!anyMany) {
        // One value per item: the row is made at its final size.
        const out: Row = new Array(evals.length);
        for (let i = 0; i < evals.length; i++) out[i] = evals[i].f(row, ctx);
        return out;
      }
      const out: Row = [];
      for (const e of evals) {
        if (!e.many) out.push(e.f(row, ctx));
        else for (const v of e.f(row, ctx) as unknown[]) out.push(v);
      }
      return out;
    };
    return {
      columns,
      flow: 'own',
      run: (table, ctx) => ({ columns, rows: mapRows(ctx, table, (row) => project1(row, ctx), windowed), owned: true }),
    };
  },
};
