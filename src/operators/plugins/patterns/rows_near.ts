/**
 * evaluate rows_near(Condition, NumRows [, RowsAfter]) (docs: rows-near-plugin.md): the input rows (in
 * their order) that are at most NumRows before, or NumRows (or RowsAfter) after, a row where Condition
 * is true. The schema is the input's.
 */
import type { EvaluateOp } from '../../../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../../../errors/index.js';
import type { ColumnSchema } from '../../../runtime/types.js';
import { isIntegerType } from '../../../runtime/types.js';
import type { BoundOperator } from '../../../binder/compiled.js';
import type { BindTools } from '../../operator-def.js';
import type { PluginDef } from '../plugin-def.js';

export const rowsNear: PluginDef = {
  name: 'rows_near',
  description: 'Keeps the rows within a number of rows before or after a row where a condition holds.',
  bind: bindRowsNear,
};

function count(node: EvaluateOp, i: number, input: ColumnSchema[], tools: BindTools): number {
  const arg = node.plugin.args[i];
  const e = tools.expr(arg, input);
  const v = e.constant?.value;
  if (!isIntegerType(e.type) || (typeof v !== 'number' && typeof v !== 'bigint') || Number(v) < 0) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'The row counts of rows_near must be non-negative integer constants', arg.span);
  }
  return Number(v);
}

function bindRowsNear(node: EvaluateOp, input: ColumnSchema[], tools: BindTools): BoundOperator {
  const args = node.plugin.args;
  if (args.length < 2 || args.length > 3) {
    throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, `rows_near expects 2 or 3 arguments but got ${args.length}`, node.plugin.span);
  }
  const condition = tools.expr(args[0], input);
  if (condition.type !== 'bool') throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `The condition of rows_near must be bool, not ${condition.type}`, args[0].span);
  const before = count(node, 1, input, tools);
  const after = args.length === 3 ? count(node, 2, input, tools) : before;
  return {
    columns: input,
    flow: 'passthrough',
    run: (table, ctx) => {
      const rows = table.rows;
      const n = rows.length;
      // Row i is kept when the nearest true row before it is at most `after` rows back, or the nearest one after it at most `before` rows ahead.
      const hits = new Uint8Array(n);
      const keep = new Uint8Array(n);
      let last = -Infinity;
      for (let i = 0; i < n; i++) {
        ctx.guard.tick();
        if (condition.evaluate(rows[i], ctx) === true) {
          hits[i] = 1;
          last = i;
        }
        if (i - last <= after) keep[i] = 1;
      }
      let next = Infinity;
      for (let i = n - 1; i >= 0; i--) {
        if (hits[i]) next = i;
        if (next - i <= before) keep[i] = 1;
      }
      return { columns: input, rows: rows.filter((_, i) => keep[i] === 1) };
    },
  };
}
