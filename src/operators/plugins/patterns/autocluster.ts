/**
 * evaluate autocluster([SizeWeight, WeightColumn, NumSeeds, CustomWildcard, ...]) (docs: autocluster-plugin.md):
 * a few patterns of shared column values, found by a seed-and-expand local search. Each pattern P is
 * scored by the weighted geometric mean the docs name: coverage(P)^SizeWeight * informativeness(P)^(1-SizeWeight),
 * where coverage is the share of the rows (by weight) holding P's values and informativeness the share of
 * the dimensions P fixes. The seeds are the NumSeeds (default 25) most frequent single values; a seed
 * grows by the value (of another column, among its rows) that raises the score most, until no value
 * raises it. The distinct local optima are returned best first, dropping one that is a subset or superset
 * of a better one. Output as basket's: SegmentId, Count, Percent (rounded to 1 decimal, as the docs show),
 * then the input columns with the pattern's values or wildcards. Every column except the weight column
 * and dynamic columns is a dimension.
 */
import type { EvaluateOp } from '../../../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../../../errors/index.js';
import type { ColumnSchema } from '../../../runtime/types.js';
import { isNumericType } from '../../../runtime/types.js';
import type { Row } from '../../../runtime/table.js';
import type { BoundOperator } from '../../../binder/compiled.js';
import type { BindTools } from '../../operator-def.js';
import type { PluginDef } from '../plugin-def.js';
import { ItemTable, workBudget, optionalConstant, patternRow, rowWeight, weightColumn, wildcards, type Itemset } from './itemsets.js';

export const autocluster: PluginDef = {
  name: 'autocluster',
  description: 'Finds a few common patterns of column values (seed-and-expand search balancing coverage and specificity).',
  bind: bindAutocluster,
};

const isNumber = (v: unknown) => typeof v === 'number' || typeof v === 'bigint';
/** The most seeds a query may ask for (each seed costs passes over its rows). */
const MAX_SEEDS = 1000;

function bindAutocluster(node: EvaluateOp, input: ColumnSchema[], tools: BindTools): BoundOperator {
  const args = node.plugin.args;
  const sizeWeight = Number(optionalConstant(node, 0, input, tools, 'autocluster', 'SizeWeight', (v, t) => isNumericType(t) && isNumber(v)) ?? 0.5);
  if (!(sizeWeight >= 0 && sizeWeight <= 1)) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `The SizeWeight of autocluster must be between 0 and 1, not ${sizeWeight}`, args[0].span);
  }
  const weightIndex = weightColumn(args[1], input, tools, 'autocluster');
  const numSeeds = Number(optionalConstant(node, 2, input, tools, 'autocluster', 'NumSeeds', (v, t) => isNumericType(t) && isNumber(v) && Number(v) >= 1 && Number(v) <= MAX_SEEDS) ?? 25);
  const wild = wildcards(args.slice(3), input, tools, 'autocluster');
  const dims = input.map((_, i) => i).filter((i) => i !== weightIndex && input[i].type !== 'dynamic');
  const columns: ColumnSchema[] = [{ name: 'SegmentId', type: 'long' }, { name: 'Count', type: 'long' }, { name: 'Percent', type: 'real' }, ...input];
  return {
    columns,
    run: (table, ctx) => {
      const weights = table.rows.map((row) => rowWeight(row, weightIndex));
      const total = weights.reduce((a, b) => a + b, 0);
      const t = new ItemTable(table.rows, dims, ctx);
      const D = dims.length;
      if (total <= 0 || D === 0) return { columns, rows: [] };
      const score = (weight: number, size: number) => (weight / total) ** sizeWeight * (size / D) ** (1 - sizeWeight);
      // Single values: their rows and weights.
      const itemRows: number[][] = t.items.map(() => []);
      const itemWeight = new Float64Array(t.items.length);
      for (let k = 0; k < t.cells.length; k++) {
        const id = t.cells[k];
        if (id < 0) continue;
        const r = Math.floor(k / D);
        itemRows[id].push(r);
        itemWeight[id] += weights[r];
      }
      const seeds = t.items.map((_, id) => id).filter((id) => itemWeight[id] > 0)
        .sort((a, b) => itemWeight[b] - itemWeight[a] || a - b).slice(0, Math.floor(numSeeds));
      const spend = workBudget(ctx, 'autocluster', node.plugin.span, 'use fewer seeds or project fewer columns');
      const found = new Map<string, { set: Itemset; score: number }>();
      for (const seed of seeds) {
        let items = [seed];
        let rows = itemRows[seed];
        let weight = itemWeight[seed];
        let current = score(weight, 1);
        while (items.length < D) {
          spend(rows.length * D + 1);
          // The weight of each value of another column among the pattern's rows.
          const gain = new Map<number, number>();
          const usedDims = new Set(items.map((id) => t.items[id].dim));
          for (const r of rows) {
            for (let d = 0; d < D; d++) {
              if (usedDims.has(d)) continue;
              const id = t.cells[r * D + d];
              if (id >= 0) gain.set(id, (gain.get(id) ?? 0) + weights[r]);
            }
          }
          let best = -1, bestScore = current;
          for (const [id, w] of gain) {
            const s = score(w, items.length + 1);
            if (s > bestScore || (s === bestScore && best >= 0 && id < best)) {
              best = id;
              bestScore = s;
            }
          }
          if (best < 0 || bestScore <= current) break;
          const cell = t.items[best].dim;
          rows = rows.filter((r) => t.cells[r * D + cell] === best);
          items = [...items, best].sort((a, b) => a - b);
          weight = gain.get(best)!;
          current = bestScore;
        }
        const key = items.join(',');
        if (!found.has(key)) found.set(key, { set: { items, rows: Int32Array.from(rows), weight, closed: true }, score: current });
      }
      const ranked = [...found.values()].sort((a, b) => b.score - a.score || b.set.weight - a.set.weight);
      const kept: typeof ranked = [];
      for (const p of ranked) {
        const mine = new Set(p.set.items);
        const related = kept.some((k) => {
          const theirs = new Set(k.set.items);
          return k.set.items.every((id) => mine.has(id)) || p.set.items.every((id) => theirs.has(id));
        });
        if (!related) kept.push(p);
      }
      const out: Row[] = kept.map(({ set }, i) => [i, Math.round(set.weight), Math.round((1000 * set.weight) / total) / 10, ...patternRow(set, t, input.length, wild)]);
      return { columns, rows: out };
    },
  };
}
