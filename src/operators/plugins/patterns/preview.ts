/**
 * evaluate preview(NumberOfRows) (docs: preview-plugin.md). Kusto returns two tables: the first
 * NumberOfRows rows, and the input's row count. mini-kql queries have one result table, so this gives
 * the first one only (the same as `take NumberOfRows`).
 */
import type { EvaluateOp } from '../../../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../../../errors/index.js';
import type { ColumnSchema } from '../../../runtime/types.js';
import { isIntegerType } from '../../../runtime/types.js';
import type { BoundOperator } from '../../../binder/compiled.js';
import type { BindTools } from '../../operator-def.js';
import type { PluginDef } from '../plugin-def.js';

export const preview: PluginDef = {
  name: 'preview',
  description: 'The first rows of the input (Kusto also returns the row count as a second table, which mini-kql does not).',
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
      run: (table) => ({ columns: input, rows: table.rows.slice(0, n) }),
    };
  },
};
