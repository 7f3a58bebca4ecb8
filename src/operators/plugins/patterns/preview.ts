/**
 * evaluate preview(NumberOfRows) (docs: preview-plugin.md). Kusto returns two tables: the first
 * NumberOfRows rows (`take NumberOfRows`, the operator's own rows) and the input's row count (`count`: one
 * long column `Count`). Both are in `results` (runKql's `result.results`), as fork/facet give theirs.
 */
import type { EvaluateOp } from '../../../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../../../errors/index.js';
import type { ColumnSchema } from '../../../runtime/types.js';
import { isIntegerType } from '../../../runtime/types.js';
import type { BoundOperator } from '../../../binder/compiled.js';
import type { BindTools } from '../../operator-def.js';
import type { Table } from '../../../runtime/table.js';
import type { PluginDef } from '../plugin-def.js';

const COUNT_COLUMNS: ColumnSchema[] = [{ name: 'Count', type: 'long' }];

export const preview: PluginDef = {
  name: 'preview',
  description: 'The first rows of the input, and a second table with the input\'s row count.',
  bind(node: EvaluateOp, input: ColumnSchema[], tools: BindTools): BoundOperator {
    const args = node.plugin.args;
    if (args.length !== 1) {
      throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, `preview expects 1 argument but got ${args.length}`, node.plugin.span);
    }
    const e = tools.expr(args[0], input);
    const v = e.constant?.value;
    if (!isIntegerType(e.type) || (typeof v !== 'number' && typeof v !== 'bigint') || Number(v) < 0) {
      throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'The number of rows of preview must be a non-negative integer constant', args[0].span);
    }
    const n = Number(v);
    return {
      columns: input,
      flow: 'passthrough',
      run: (table) => {
        const first: Table = { columns: input, rows: table.rows.slice(0, n) };
        const count: Table = { columns: COUNT_COLUMNS, rows: [[table.rows.length]] };
        return { ...first, results: [{ table: first }, { table: count }] };
      },
    };
  },
};
