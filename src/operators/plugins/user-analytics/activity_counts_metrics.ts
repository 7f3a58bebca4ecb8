/**
 * activity_counts_metrics(IdColumn, TimelineColumn, Start, End, Step [, dim1, ...])
 * (activity-counts-metrics-plugin.md): per Step window from Start to End (End's window included), `count`
 * (rows), `dcount` (distinct ids), `new_dcount` (ids not seen in any earlier window of the analysis) and
 * `aggregated_dcount` (distinct ids from the first window to this one). Rows outside the windows are
 * ignored. Rows: windows holding a row, per dimension combination.
 */
import type { Row } from '../../../runtime/table.js';
import type { PluginDef } from '../plugin-def.js';
import { Budget, Call, Groups, binCount, idKey, isNull, isTimelineType, makeAxis, pointTypeOk, stepTypeOk, value } from './common.js';

export const activityCountsMetrics: PluginDef = {
  name: 'activity_counts_metrics',
  description: 'Per time window: rows, distinct ids, ids new to the analysis, and distinct ids so far.',
  bind(node, input, tools) {
    const call = new Call(node, input, tools);
    call.count(5);
    const id = call.column(0, 'IdColumn');
    const tl = call.column(1, 'TimelineColumn', isTimelineType);
    const tt = tl.column.type;
    const start = call.scalar(2, 'Start', pointTypeOk(tt));
    const end = call.scalar(3, 'End', pointTypeOk(tt));
    const step = call.scalar(4, 'Step', stepTypeOk(tt));
    const dims = call.dims(5);
    const columns = [tl.column, ...dims.map((d) => d.column),
      ...['count', 'dcount', 'new_dcount', 'aggregated_dcount'].map((name) => ({ name, type: 'long' as const }))];
    const span = call.span;
    return {
      columns,
      flow: 'own', // computed from the argument columns only (all bound with tools.expr)
      run: (table, ctx) => {
        const axis = makeAxis(tt, value(start, ctx), value(step, ctx), span);
        const n = binCount(axis, value(end, ctx), span);
        const budget = new Budget(span, ctx, node.plugin.name);
        const groups = new Groups(dims, () => new Map<number, { rows: number; ids: Set<string> }>());
        for (const row of table.rows) {
          const i = axis.index(row[tl.index]);
          if (i === undefined || i < 0 || i >= n) continue;
          const bins = groups.of(row);
          let cell = bins.get(i);
          if (!cell) bins.set(i, (cell = { rows: 0, ids: new Set() }));
          cell.rows++;
          const v = row[id.index];
          if (!isNull(v)) cell.ids.add(idKey(v, id.column.type));
        }
        const out = budget.output();
        for (const g of groups.entries()) {
          const seen = new Set<string>();
          for (const b of [...g.state.keys()].sort((x, y) => x - y)) {
            const cell = g.state.get(b)!;
            budget.spend(cell.ids.size);
            let fresh = 0;
            for (const k of cell.ids) {
              if (!seen.has(k)) {
                fresh++;
                seen.add(k);
              }
            }
            out.push([axis.at(b), ...g.dims, cell.rows, cell.ids.size, fresh, seen.size]);
          }
        }
        return { columns, rows: out };
      },
    };
  },
};
