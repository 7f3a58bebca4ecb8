/**
 * evaluate narrow() (docs: narrow-plugin.md): unpivots the input into Row (the row's number, from 0),
 * Column (the column name) and Value (the value as a string, as tostring() gives it), one row per cell.
 */
import type { EvaluateOp } from '../../../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../../../errors/index.js';
import type { ColumnSchema } from '../../../runtime/types.js';
import type { Row } from '../../../runtime/table.js';
import { valueToString } from '../../../runtime/values.js';
import type { BoundOperator } from '../../../binder/compiled.js';
import type { PluginDef } from '../plugin-def.js';

export const narrow: PluginDef = {
  name: 'narrow',
  description: 'Unpivots a wide table into Row, Column, Value (as string) rows, one per cell.',
  bind(node: EvaluateOp, input: ColumnSchema[]): BoundOperator {
    if (node.plugin.args.length > 0) {
      throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, `narrow expects no arguments but got ${node.plugin.args.length}`, node.plugin.span);
    }
    const columns: ColumnSchema[] = [{ name: 'Row', type: 'long' }, { name: 'Column', type: 'string' }, { name: 'Value', type: 'string' }];
    return {
      columns,
      run: (table, ctx) => {
        ctx.guard.rows(table.rows.length * input.length, 'narrow', node.plugin.span);
        const out: Row[] = [];
        table.rows.forEach((row, r) => {
          ctx.guard.tick(input.length);
          input.forEach((c, i) => out.push([r, c.name, valueToString(row[i], c.type)]));
        });
        return { columns, rows: out };
      },
    };
  },
};
