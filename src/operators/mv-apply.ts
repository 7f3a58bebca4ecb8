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
import type { ExecContext } from '../runtime/exec-context.js';
import { bindExpansion, expandTable } from './expansion.js';

export const mvApply: OperatorDef<MvApplyOp> = {
  op: 'mv-apply',
  description: 'Applies a subquery to the expanded elements of each row; the source columns that were not expanded stay.',
  bind(node, input, tools) {
    const expansion = bindExpansion(node.items, node.itemIndex, node.limit, node.params, input, tools, true);
    const subquery = tools.chain(node.subquery, expansion.columns);
    // An element named like an existing column (`mv-apply E = A` with a column E) still leaves that column
    // where it was, as the analyzer does: with the subquery's E when it returns one, else the source's own
    // value and type. Only the expanded columns that are new (or moved to the end) are not source columns.
    const expanded = new Set(expansion.expandedIndexes.filter((i) => expansion.sourceOf[i] < 0));
    const keptPositions = expansion.columns.flatMap((_, i) => (expanded.has(i) ? [] : [i]));
    const subPosition = new Map(subquery.columns.map((c, i) => [c.name, i] as const));
    const kept = keptPositions.map((i) => ({ from: i, sub: subPosition.get(expansion.columns[i].name) }));
    const keptNames = new Set(keptPositions.map((i) => expansion.columns[i].name));
    const extra = subquery.columns.flatMap((c, i) => (keptNames.has(c.name) ? [] : [i]));
    const columns = [
      ...kept.map((k) => (k.sub === undefined ? input[expansion.sourceOf[k.from]] : subquery.columns[k.sub])),
      ...extra.map((i) => subquery.columns[i]),
    ];
    // Usually the subquery keeps every source column where it was (where/extend): its rows are the output.
    const sameLayout = columns.length === subquery.columns.length && columns.every((c, i) => c === subquery.columns[i]);
    /** One output row: the input row's kept values (or the subquery's, when it has the column) and the rest. */
    const inputOf = kept.map((k) => expansion.sourceOf[k.from]);
    const assemble = (source: Row, result: Row): Row => [
      ...kept.map((k, p) => (k.sub === undefined ? source[inputOf[p]] : result[k.sub])),
      ...extra.map((i) => result[i]),
    ];
    // When the subquery returns every kept column (where/extend do), an output row is a reordering of its
    // subquery row alone: nothing reads the source row afterwards. `order[p]`: the subquery cell at output p.
    const readsSource = kept.some((k) => k.sub === undefined);
    const order = [...kept.map((k) => k.sub!), ...extra];
    const scratch: unknown[] = [];
    const reorder = (row: Row, owned: boolean): Row => {
      if (!owned) return order.map((i) => row[i]);
      for (let p = 0; p < order.length; p++) scratch[p] = row[order[p]];
      for (let p = 0; p < order.length; p++) row[p] = scratch[p];
      row.length = order.length;
      return row;
    };
    // The subquery's leading `where`s test each element's row as it is built: rows they drop are never kept.
    const fused = subquery.fusable;
    const rest = subquery.from(fused.length);
    const passed = fused.map(() => 0);
    const tested = fused.map(() => 0);
    const keep = (ctx: ExecContext) => (row: Row): boolean => {
      for (let f = 0; f < fused.length; f++) {
        tested[f]++;
        if (!fused[f].test(row, ctx)) return false;
        passed[f]++;
      }
      return true;
    };
    return {
      columns,
      needs: (out) => {
        // Output column -> the subquery column or the source column it comes from.
        const subNeeded = subquery.columns.map(() => false);
        const expandedNeeded = expansion.columns.map(() => false);
        kept.forEach((k, p) => {
          if (!out[p]) return;
          if (k.sub === undefined) expandedNeeded[k.from] = true;
          else subNeeded[k.sub] = true;
        });
        extra.forEach((i, j) => { if (out[kept.length + j]) subNeeded[i] = true; });
        subquery.needs(subNeeded).forEach((n, c) => { if (n) expandedNeeded[c] = true; });
        return expansion.needs(expandedNeeded);
      },
      run: (table, ctx) => {
        const keepElement = fused.length > 0 ? keep(ctx) : undefined;
        // Nothing reads a source row once its elements are expanded, so an owned one may be reused.
        const reuseRows = !readsSource && table.owned === true;
        const recordFused = (runs: number) => fused.forEach((f, i) => {
          f.record(ctx, tested[i], passed[i], runs);
          tested[i] = passed[i] = 0;
        });
        if (!readsSource && rest.rowLocal) {
          // Row-local subquery: one run over every row's elements gives the same rows as one run per row.
          const { rows: expanded, runs } = expandTable(table, ctx, expansion, 'mv-apply', node.keywordSpan, undefined, keepElement, subquery.widest, reuseRows);
          if (runs === 0) return { columns, rows: [], owned: true };
          recordFused(runs);
          const result = rest.runMany({ columns: expansion.columns, rows: expanded, owned: true }, ctx, runs);
          if (sameLayout) return result;
          const owned = result.owned === true;
          return { columns, rows: result.rows.map((r) => reorder(r, owned)), owned: true };
        }
        let owned = true;
        const { rows } = expandTable(table, ctx, expansion, 'mv-apply', node.keywordSpan, (expanded, source) => {
          recordFused(1);
          const result = rest.run({ columns: expansion.columns, rows: expanded, owned: true }, ctx);
          if (result.owned !== true) owned = false;
          return sameLayout ? result.rows : result.rows.map((r) => assemble(source, r));
        }, keepElement, subquery.widest, reuseRows);
        return { columns, rows, owned: sameLayout ? owned : true };
      },
    };
  },
};
