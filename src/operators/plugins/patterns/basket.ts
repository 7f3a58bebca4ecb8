/**
 * evaluate basket([Threshold, WeightColumn, MaxDimensions, CustomWildcard, ...]) (docs: basket-plugin.md):
 * the frequent patterns of the input (Apriori, see ./itemsets.ts). A pattern is returned when its
 * rows weigh at least Threshold (documented as 0.015 to 1, default 0.05; any ratio above 0 is accepted, as real rules use 0.001) of all rows, it has at most MaxDimensions
 * (default 5) values, and no pattern with one more value covers the same rows (the docs' example omits
 * Damage=NO when Damage=NO, DamageCrops=0 has the same count). Output: SegmentId, Count, Percent, then the
 * input columns holding the pattern's values or the wildcards (null, '' for strings, or the custom
 * wildcard of the column's type). Every column except the weight column and dynamic columns is a
 * dimension. Percent is rounded to 1 decimal, as the docs' examples show. Patterns come by Count, largest first, then with fewer values first.
 */
import type { EvaluateOp } from '../../../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../../../errors/index.js';
import type { ColumnSchema } from '../../../runtime/types.js';
import { isNumericType } from '../../../runtime/types.js';
import type { Row } from '../../../runtime/table.js';
import type { BoundOperator } from '../../../binder/compiled.js';
import type { BindTools } from '../../operator-def.js';
import type { PluginDef } from '../plugin-def.js';
import { frequentItemsets, ItemTable, optionalConstant, patternRow, rowWeight, weightColumn, wildcards } from './itemsets.js';

export const basket: PluginDef = {
  name: 'basket',
  description: 'Finds the frequent patterns (sets of column values shared by at least a threshold ratio of the rows), Apriori-style.',
  bind: bindBasket,
};

const isNumber = (v: unknown) => typeof v === 'number' || typeof v === 'bigint';

function bindBasket(node: EvaluateOp, input: ColumnSchema[], tools: BindTools): BoundOperator {
  const args = node.plugin.args;
  const threshold = Number(optionalConstant(node, 0, input, tools, 'basket', 'threshold', (v, t) => isNumericType(t) && isNumber(v)) ?? 0.05);
  if (!(threshold > 0 && threshold <= 1)) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The threshold of basket must be above 0 and at most 1, not ${threshold}`, args[0].span);
  }
  const weightIndex = weightColumn(args[1], input, tools, 'basket');
  const maxDims = Number(optionalConstant(node, 2, input, tools, 'basket', 'maximum number of dimensions', (v, t) => isNumericType(t) && isNumber(v) && Number(v) >= 1) ?? 5);
  const wild = wildcards(args.slice(3), input, tools, 'basket');
  const dims = input.map((_, i) => i).filter((i) => i !== weightIndex && input[i].type !== 'dynamic');
  const columns: ColumnSchema[] = [{ name: 'SegmentId', type: 'long' }, { name: 'Count', type: 'long' }, { name: 'Percent', type: 'real' }, ...input];
  return {
    columns,
    run: (table, ctx) => {
      const weights = table.rows.map((row) => rowWeight(row, weightIndex));
      const total = weights.reduce((a, b) => a + b, 0);
      const items = new ItemTable(table.rows, dims, ctx);
      const weightOf = (rows: Int32Array) => {
        let w = 0;
        for (const r of rows) w += weights[r];
        return w;
      };
      const sets = frequentItemsets(items, weightOf, threshold * total, Math.floor(maxDims), ctx, 'basket', node.plugin.span)
        .filter((s) => s.closed)
        .sort((a, b) => b.weight - a.weight || a.items.length - b.items.length);
      const rows: Row[] = sets.map((s, i) => [i, Math.round(s.weight), Math.round((1000 * s.weight) / total) / 10, ...patternRow(s, items, input.length, wild)]);
      return { columns, rows };
    },
  };
}
