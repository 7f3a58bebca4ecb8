/**
 * extend: add computed columns; a name that already exists is replaced in place. Every item is computed
 * from the input row, as the analyzer binds it: an item does not see the columns the same extend adds
 * or replaces (`extend x = x + 1, y = x + 1` gives y = input x + 1; `extend a = 1, b = a` is an unknown
 * column error). Use a second extend to build on a new column. The default names of a call with several
 * result columns never replace a column: a taken one gets a number (x_sorted1), as the analyzer names it.
 */
import type { ExtendOp } from '../parser/ast.js';
import type { ColumnSchema } from '../runtime/types.js';
import type { Row } from '../runtime/table.js';
import type { ExecContext } from '../runtime/exec-context.js';
import type { OperatorDef } from './operator-def.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { assignedColumns, columnNamer } from './assignments.js';
import { mapRows } from '../functions/scalar/row-window.js';

export const extend: OperatorDef<ExtendOp> = {
  op: 'extend',
  description: 'Adds calculated columns, each computed from the input row.',
  bind(node, input, tools) {
    const columns: ColumnSchema[] = [...input];
    // Each step computes one value, or several for functions with several result columns.
    const steps: { indexes: number[]; evaluate: (row: Row, ctx: ExecContext) => unknown; many: boolean }[] = [];
    const name = columnNamer((n) => columns.some((c) => c.name === n));
    const assigned = new Set<string>();
    // prev()/next() read neighbouring input rows, which must not have been written yet.
    let readsNeighbours = false;
    for (const item of node.items) {
      const expr = tools.expr(item.expr, input);
      const outputs = assignedColumns(item, expr, name);
      const callNames = new Set(outputs.map((o) => o.name));
      const indexes = outputs.map((out, i) => {
        // A function's default result-column name (array_sort_asc(d) is d_sorted; series_fit_line's six)
        // that is taken (by an input column or an earlier item) gets a number, as the analyzer names it:
        // d_sorted1, d_sorted2, ... (numbered from the call's own base name: d_sorted1 of a call is d_sorted).
        if ((expr.multi || expr.numberedName) && i >= item.names.length) {
          const taken = (n: string) => assigned.has(n) || columns.some((c) => c.name === n);
          if (taken(out.name)) {
            const stripped = out.name.replace(/\d+$/, '');
            const base = stripped !== out.name && callNames.has(stripped) ? stripped : out.name;
            let n = 1;
            while (taken(`${base}${n}`)) n++;
            out = { ...out, name: `${base}${n}` };
          }
        }
        if (assigned.has(out.name)) {
          throw new KqlSemanticError(ErrorCodes.SEM_DUPLICATE_COLUMN, `The column '${out.name}' is assigned more than once in this extend`, item.span);
        }
        assigned.add(out.name);
        let index = columns.findIndex((c) => c.name === out.name);
        if (index < 0) index = columns.push(out) - 1;
        else columns[index] = out;
        return index;
      });
      steps.push(expr.multi ? { indexes, evaluate: expr.multi.evalAll, many: true } : { indexes, evaluate: expr.evaluate, many: false });
      if (expr.readsRowWindow) readsNeighbours = true;
    }
    const write = (out: Row, step: (typeof steps)[number], value: unknown): void => {
      if (!step.many) out[step.indexes[0]] = value;
      else step.indexes.forEach((index, i) => { out[index] = (value as unknown[])[i]; });
    };
    // Items see the input row. When each item adds a new column, writing it at once cannot change what a
    // later item reads; when one replaces an input column, every value is computed before any is written.
    const writeAtOnce = steps.length === 1 || steps.every((step) => step.indexes.every((index) => index >= input.length));
    return {
      columns,
      flow: 'extend',
      run: (table, ctx) => {
        // Rows no one else holds are extended in place; shared ones (a cached table, a let) are copied.
        const copy = table.owned !== true || readsNeighbours;
        const values: unknown[] = new Array(steps.length);
        const extendRow = (row: Row): Row => {
          const out = copy ? row.slice() : row;
          if (writeAtOnce) {
            for (const step of steps) write(out, step, step.evaluate(row, ctx));
          } else {
            for (let k = 0; k < steps.length; k++) values[k] = steps[k].evaluate(row, ctx);
            for (let k = 0; k < steps.length; k++) write(out, steps[k], values[k]);
          }
          return out;
        };
        return { columns, rows: mapRows(ctx, table, extendRow, readsNeighbours), owned: true };
      },
    };
  },
};
