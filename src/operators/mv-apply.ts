/**
 * mv-apply: for each input row, expand the listed arrays into a small table, run the subquery on it, and
 * output what the subquery returns (a row whose subquery returns nothing disappears), with the source
 * columns that were not expanded added back (mv-apply-operator.md, step 3).
 *
 * Output columns, as the analyzer orders them: the source columns that were not expanded, in their order
 * (a subquery column of the same name takes that place, with its type and values), then the subquery's
 * other columns. So `mv-apply E on (summarize c = count())` keeps every other input column.
 */
import type { MvApplyOp } from '../parser/ast.js';
import type { Row } from '../runtime/table.js';
import type { OperatorDef } from './operator-def.js';
import { bindExpansion, expandTable } from './expansion.js';

export const mvApply: OperatorDef<MvApplyOp> = {
  op: 'mv-apply',
  description: 'Applies a subquery to the expanded elements of each row; the source columns that were not expanded stay.',
  bind(node, input, tools) {
    const expansion = bindExpansion(node.items, node.itemIndex, node.limit, node.params, input, tools, true);
    const subquery = tools.chain(node.subquery, expansion.columns);
    const expanded = new Set(expansion.expandedIndexes);
    const keptPositions = expansion.columns.flatMap((_, i) => (expanded.has(i) ? [] : [i]));
    const subPosition = new Map(subquery.columns.map((c, i) => [c.name, i] as const));
    const kept = keptPositions.map((i) => ({ from: i, sub: subPosition.get(expansion.columns[i].name) }));
    const keptNames = new Set(keptPositions.map((i) => expansion.columns[i].name));
    const extra = subquery.columns.flatMap((c, i) => (keptNames.has(c.name) ? [] : [i]));
    const columns = [
      ...kept.map((k) => (k.sub === undefined ? expansion.columns[k.from] : subquery.columns[k.sub])),
      ...extra.map((i) => subquery.columns[i]),
    ];
    // Usually the subquery keeps every source column where it was (where/extend): its rows are the output.
    const sameLayout = columns.length === subquery.columns.length && columns.every((c, i) => c === subquery.columns[i]);
    /** One output row: the source row's kept values (or the subquery's, when it has the column) and the rest. */
    const assemble = (source: Row, result: Row): Row => [
      ...kept.map((k) => (k.sub === undefined ? source[k.from] : result[k.sub])),
      ...extra.map((i) => result[i]),
    ];
    return {
      columns,
      run: (table, ctx) => ({
        columns,
        rows: expandTable(table, ctx, expansion, 'mv-apply', node.keywordSpan, (rows) => {
          // The kept columns repeat the source row's values in every expanded row.
          const source = rows[0];
          const results = subquery.run({ columns: expansion.columns, rows }, ctx).rows;
          return sameLayout ? results : results.map((r) => assemble(source, r));
        }),
      }),
    };
  },
};
