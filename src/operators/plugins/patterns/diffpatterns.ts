/**
 * evaluate diffpatterns(SplitColumn, SplitValueA, SplitValueB [, WeightColumn, Threshold, MaxDimensions, CustomWildcard, ...])
 * (docs: diffpatterns-plugin.md). The rows whose SplitColumn (as a string) is SplitValueA form set A,
 * those with SplitValueB set B, the others are ignored. Candidates are the patterns (./itemsets.ts) that
 * cover at least Threshold (documented as 0.015 to 1, default 0.05; any ratio above 0 is accepted, as real rules use 0.001) of A or of B; those whose shares of A and B differ by
 * at least Threshold are kept, largest difference first, dropping a pattern that is a subset or superset of
 * one already kept (so the result is a few unrelated patterns, as in the docs' example). Percentages are
 * rounded to 2 decimals, as the docs' example shows. Output: SegmentId, CountA, CountB, PercentA, PercentB,
 * PercentDiffAB, then the input columns with the pattern's values or wildcards (the split and weight
 * columns and dynamic columns are no dimensions).
 */
import type { EvaluateOp } from '../../../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../../../errors/index.js';
import type { ColumnSchema } from '../../../runtime/types.js';
import { isNumericType } from '../../../runtime/types.js';
import type { Row } from '../../../runtime/table.js';
import { valueToString } from '../../../runtime/values.js';
import type { BoundOperator } from '../../../binder/compiled.js';
import type { BindTools } from '../../operator-def.js';
import type { PluginDef } from '../plugin-def.js';
import { frequentItemsets, ItemTable, optionalConstant, patternRow, rowWeight, weightColumn, wildcards, type Itemset } from './itemsets.js';

export const diffpatterns: PluginDef = {
  name: 'diffpatterns',
  description: 'Finds the patterns of column values whose share of rows differs most between two sets of rows (split by a column).',
  bind: bindDiffpatterns,
};

const isNumber = (v: unknown) => typeof v === 'number' || typeof v === 'bigint';
const round2 = (x: number) => Math.round(x * 100) / 100;

function bindDiffpatterns(node: EvaluateOp, input: ColumnSchema[], tools: BindTools): BoundOperator {
  const args = node.plugin.args;
  if (args.length < 3) {
    throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, `diffpatterns expects at least 3 arguments but got ${args.length}`, node.plugin.span);
  }
  const split = tools.expr(args[0], input);
  if (args[0].kind !== 'Name' || !split.isColumn) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'The split column of diffpatterns must be a column name', args[0].span);
  const splitIndex = input.findIndex((c) => c.name === (args[0] as { name: string }).name);
  const splitValues = [1, 2].map((i) => {
    const e = tools.expr(args[i], input);
    if (!e.constant || e.type !== 'string') throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, 'The split values of diffpatterns must be constant strings', args[i].span);
    return e.constant.value as string;
  });
  const weightIndex = weightColumn(args[3], input, tools, 'diffpatterns');
  const threshold = Number(optionalConstant(node, 4, input, tools, 'diffpatterns', 'threshold', (v, t) => isNumericType(t) && isNumber(v)) ?? 0.05);
  if (!(threshold > 0 && threshold <= 1)) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The threshold of diffpatterns must be above 0 and at most 1, not ${threshold}`, args[4].span);
  }
  const maxDims = Number(optionalConstant(node, 5, input, tools, 'diffpatterns', 'maximum number of dimensions', (v, t) => isNumericType(t) && isNumber(v) && Number(v) >= 1) ?? Infinity);
  const wild = wildcards(args.slice(6), input, tools, 'diffpatterns');
  const dims = input.map((_, i) => i).filter((i) => i !== weightIndex && i !== splitIndex && input[i].type !== 'dynamic');
  const columns: ColumnSchema[] = [
    { name: 'SegmentId', type: 'long' }, { name: 'CountA', type: 'long' }, { name: 'CountB', type: 'long' },
    { name: 'PercentA', type: 'real' }, { name: 'PercentB', type: 'real' }, { name: 'PercentDiffAB', type: 'real' }, ...input,
  ];
  const splitType = input[splitIndex].type;
  return {
    columns,
    run: (table, ctx) => {
      const sides: Row[] = [];
      const inA: boolean[] = [];
      for (const row of table.rows) {
        const s = valueToString(row[splitIndex], splitType);
        if (s === splitValues[0] || s === splitValues[1]) {
          sides.push(row);
          inA.push(s === splitValues[0]);
        }
      }
      const weights = sides.map((row) => rowWeight(row, weightIndex));
      let totalA = 0, totalB = 0;
      weights.forEach((w, r) => (inA[r] ? (totalA += w) : (totalB += w)));
      const shares = (rows: Int32Array): [number, number, number, number] => {
        let a = 0, b = 0;
        for (const r of rows) if (inA[r]) a += weights[r]; else b += weights[r];
        return [a, b, totalA > 0 ? a / totalA : 0, totalB > 0 ? b / totalB : 0];
      };
      const items = new ItemTable(sides, dims, ctx);
      const dimsCap = Math.min(dims.length, Math.floor(maxDims));
      const sets = frequentItemsets(items, (rows) => {
        const sh = shares(rows);
        return Math.max(sh[2], sh[3]);
      }, threshold, Math.max(1, dimsCap), ctx, 'diffpatterns', node.plugin.span);
      const scored = sets
        .map((s) => ({ s, sh: shares(s.rows) }))
        .filter((x) => Math.abs(x.sh[2] - x.sh[3]) >= threshold)
        .sort((x, y) => Math.abs(y.sh[2] - y.sh[3]) - Math.abs(x.sh[2] - x.sh[3]) || y.s.items.length - x.s.items.length);
      const kept: { s: Itemset; sh: number[] }[] = [];
      for (const x of scored) {
        ctx.guard.tick(kept.length + 1);
        if (kept.some((k) => comparable(k.s.items, x.s.items))) continue;
        kept.push(x);
      }
      const rows: Row[] = kept.map(({ s, sh }, i) => {
        const pa = round2(100 * sh[2]), pb = round2(100 * sh[3]);
        return [i, Math.round(sh[0]), Math.round(sh[1]), pa, pb, round2(Math.abs(pa - pb)), ...patternRow(s, items, input.length, wild)];
      });
      return { columns, rows };
    },
  };
}

/** Whether one sorted id list contains the other. */
function comparable(a: number[], b: number[]): boolean {
  const [small, big] = a.length <= b.length ? [a, b] : [b, a];
  const set = new Set(big);
  return small.every((id) => set.has(id));
}
