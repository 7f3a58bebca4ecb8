/**
 * activity_metrics(IdColumn, TimelineColumn, [Start, End,] Window [, dim1, ...]) (activity-metrics-plugin.md):
 * per Window, `dcount_values` (distinct ids), `dcount_newvalues` (ids not seen in the previous window),
 * `retention_rate` (ids of the previous window seen again, over the previous window's ids) and `churn_rate`
 * (1 - retention: the previous window's ids not seen again, over its ids); both NaN when the previous window
 * has no ids (the docs' first row). Start and End are recognised by count: three scalars after the two
 * columns. With them windows count from Start and rows outside Start..End are ignored; without them windows
 * are bin(Timeline, Window). Rows: windows holding a row, per dimension combination.
 */
import type { Row } from '../../../runtime/table.js';
import type { PluginDef } from '../plugin-def.js';
import { Budget, Call, Groups, binCount, idKey, isNull, isTimelineType, makeAxis, pointTypeOk, stepTypeOk, value } from './common.js';

export const activityMetrics: PluginDef = {
  name: 'activity_metrics',
  description: 'Per time window: distinct ids, ids new since the previous window, retention and churn rates.',
  bind(node, input, tools) {
    const call = new Call(node, input, tools);
    call.count(3);
    const id = call.column(0, 'IdColumn');
    const tl = call.column(1, 'TimelineColumn', isTimelineType);
    const tt = tl.column.type;
    const ranged = call.args.length >= 5 && !call.isColumn(2) && !call.isColumn(3) && !call.isColumn(4);
    const start = ranged ? call.scalar(2, 'Start', pointTypeOk(tt)) : undefined;
    const end = ranged ? call.scalar(3, 'End', pointTypeOk(tt)) : undefined;
    const window = call.scalar(ranged ? 4 : 2, 'Window', stepTypeOk(tt));
    const dims = call.dims(ranged ? 5 : 3);
    const columns = [tl.column, ...dims.map((d) => d.column),
      { name: 'dcount_values', type: 'long' as const }, { name: 'dcount_newvalues', type: 'long' as const },
      { name: 'retention_rate', type: 'real' as const }, { name: 'churn_rate', type: 'real' as const }];
    const span = call.span;
    return {
      columns,
      flow: 'own', // computed from the argument columns only (all bound with tools.expr)
      run: (table, ctx) => {
        const axis = makeAxis(tt, start ? value(start, ctx) : 0, value(window, ctx), span);
        const n = end ? binCount(axis, value(end, ctx), span) : Infinity;
        const budget = new Budget(span, ctx, node.plugin.name);
        const groups = new Groups(dims, () => new Map<number, Set<string>>());
        for (const row of table.rows) {
          const i = axis.index(row[tl.index]);
          if (i === undefined || (start && (i < 0 || i >= n))) continue;
          const bins = groups.of(row);
          let ids = bins.get(i);
          if (!ids) bins.set(i, (ids = new Set()));
          const v = row[id.index];
          if (!isNull(v)) ids.add(idKey(v, id.column.type));
        }
        const out = budget.output();
        for (const g of groups.entries()) {
          for (const b of [...g.state.keys()].sort((x, y) => x - y)) {
            const ids = g.state.get(b)!;
            const prev = g.state.get(b - 1) ?? new Set<string>();
            budget.spend(ids.size);
            let retained = 0;
            for (const k of ids) if (prev.has(k)) retained++;
            const retention = retained / prev.size, churn = (prev.size - retained) / prev.size;
            out.push([axis.at(b), ...g.dims, ids.size, ids.size - retained, retention, churn]);
          }
        }
        return { columns, rows: out };
      },
    };
  },
};
