/**
 * top-hitters N of Column [by Expr]: the N values of Column with the most rows (approximate_count_<Column>)
 * or the largest sum of Expr (approximate_sum_<name>). Kusto approximates with a count-min sketch; here the
 * counts and sums are exact, which is what the docs' equivalent query (summarize + top) gives.
 */
import type * as A from '../parser/ast.js';
import type { OperatorDef } from './operator-def.js';
import { KqlSemanticError, ErrorCodes } from '../errors/index.js';
import { isNumericType, type ColumnSchema } from '../runtime/types.js';
import { keyOfValue } from '../runtime/hash-key.js';
import { compareValues } from '../runtime/compare.js';
import { summer } from '../functions/aggregates/sum.js';
import { derivedName } from '../binder/naming.js';
import type { Accumulator } from '../functions/registry-types.js';
import { runtimeCount } from './sample.js';

export const topHitters: OperatorDef<A.TopHittersOp> = {
  op: 'top-hitters',
  description: 'Returns the values of a column with the most rows, or with the largest sum of an expression (exact counts).',
  bind(node, input, tools) {
    const count = runtimeCount(node.count, tools, 'top-hitters');
    if (node.of.kind !== 'Name') throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'top-hitters expects a column name after of', node.of.span);
    const value = tools.expr(node.of, input);
    const by = node.by ? tools.expr(node.by, input) : undefined;
    if (by && !isNumericType(by.type)) throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, 'The by expression of top-hitters must be a number', node.by!.span);
    const columns: ColumnSchema[] = [
      { name: node.of.name, type: value.type },
      by
        ? { name: `approximate_sum_${derivedName(node.by!) ?? ''}`, type: by.type }
        : { name: `approximate_count_${node.of.name}`, type: 'long' },
    ];
    if (columns[1].name === columns[0].name) columns[1] = { ...columns[1], name: `${columns[1].name}1` };
    const time = value.type === 'datetime' || value.type === 'timespan';
    const makeSum = by ? summer(false, by.type) : undefined;
    return {
      columns,
      flow: 'own',
      run: (table, ctx) => {
        const groups = new Map<string, { value: unknown; n: number; acc?: Accumulator }>();
        for (const row of table.rows) {
          const v = value.evaluate(row, ctx);
          const k = keyOfValue(v, time);
          let g = groups.get(k);
          if (!g) groups.set(k, (g = { value: v, n: 0, acc: makeSum?.() }));
          g.n++;
          if (g.acc) g.acc.add([by!.evaluate(row, ctx)]);
        }
        const rows = [...groups.values()].map((g) => [g.value, g.acc ? g.acc.result()[0] : g.n]);
        rows.sort((a, b) => (a[1] === null ? (b[1] === null ? 0 : 1) : b[1] === null ? -1 : compareValues(b[1], a[1])));
        return { columns, rows: rows.slice(0, count(ctx)), owned: true };
      },
    };
  },
};
