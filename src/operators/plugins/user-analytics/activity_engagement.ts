/**
 * activity_engagement(IdColumn, TimelineColumn, [Start, End,] InnerActivityWindow, OuterActivityWindow
 * [, dim1, ...]) (activity-engagement-plugin.md): per inner window (e.g. a day), `dcount_activities_inner`
 * (distinct ids in it), `dcount_activities_outer` (distinct ids in the outer window ending with it: the
 * floor(Outer / Inner) inner windows up to and including it) and `activity_ratio` (inner / outer: DAU/WAU,
 * DAU/MAU). Start and End are recognised by count (four scalars after the two columns); with them the inner
 * windows count from Start and rows before Start count only in outer windows; without them inner windows are
 * bin(Timeline, Inner). Rows: inner windows holding a row, per dimension combination.
 */
import type { Row } from '../../../runtime/table.js';
import type { PluginDef } from '../plugin-def.js';
import { Budget, Call, Groups, binCount, idKey, isNull, isTimelineType, makeAxis, pointTypeOk, shifted, stepTypeOk, value, MAX_BINS } from './common.js';
import { WindowCounter } from './windows.js';
import { KqlRuntimeError, ErrorCodes } from '../../../errors/index.js';

export const activityEngagement: PluginDef = {
  name: 'activity_engagement',
  description: 'Distinct ids per inner window, per enclosing outer window, and their ratio (DAU/WAU, DAU/MAU).',
  bind(node, input, tools) {
    const call = new Call(node, input, tools);
    call.count(4);
    const id = call.column(0, 'IdColumn');
    const tl = call.column(1, 'TimelineColumn', isTimelineType);
    const tt = tl.column.type;
    const ranged = call.args.length >= 6 && [2, 3, 4, 5].every((i) => !call.isColumn(i));
    const start = ranged ? call.scalar(2, 'Start', pointTypeOk(tt)) : undefined;
    const end = ranged ? call.scalar(3, 'End', pointTypeOk(tt)) : undefined;
    const inner = call.scalar(ranged ? 4 : 2, 'InnerActivityWindow', stepTypeOk(tt));
    const outer = call.scalar(ranged ? 5 : 3, 'OuterActivityWindow', stepTypeOk(tt));
    const dims = call.dims(ranged ? 6 : 4);
    const columns = [tl.column, ...dims.map((d) => d.column),
      { name: 'dcount_activities_inner', type: 'long' as const }, { name: 'dcount_activities_outer', type: 'long' as const },
      { name: 'activity_ratio', type: 'real' as const }];
    const span = call.span;
    return {
      columns,
      flow: 'own', // computed from the argument columns only (all bound with tools.expr)
      run: (table, ctx) => {
        let axis = makeAxis(tt, start ? value(start, ctx) : 0, value(inner, ctx), span);
        let n: number;
        if (end) n = binCount(axis, value(end, ctx), span);
        else {
          let lo = Infinity, hi = -Infinity;
          for (const row of table.rows) {
            const i = axis.index(row[tl.index]);
            if (i === undefined) continue;
            if (i < lo) lo = i;
            if (i > hi) hi = i;
          }
          if (lo === Infinity) return { columns, rows: [] };
          if (hi - lo + 1 > MAX_BINS) throw new KqlRuntimeError(ErrorCodes.RUN_LIMIT_EXCEEDED, `the analysis would create ${hi - lo + 1} bins (at most ${MAX_BINS})`, span);
          axis = shifted(axis, lo);
          n = hi - lo + 1;
        }
        const k = Math.max(1, axis.steps(value(outer, ctx)));
        const budget = new Budget(span, ctx, node.plugin.name);
        const groups = new Groups(dims, () => new WindowCounter());
        for (const row of table.rows) {
          const i = axis.index(row[tl.index]);
          if (i === undefined || i >= n || i + k - 1 < 0) continue;
          const v = row[id.index];
          groups.of(row).add(i, isNull(v) ? undefined : idKey(v, id.column.type));
        }
        const out = budget.output();
        for (const g of groups.entries()) {
          const innerCounts = g.state.dcounts(1, n, budget);
          const outerCounts = g.state.dcounts(k, n, budget);
          for (const b of [...g.state.rows.keys()].filter((b) => b >= 0).sort((x, y) => x - y)) {
            const a = innerCounts.get(b) ?? 0, o = outerCounts.get(b) ?? 0;
            out.push([axis.at(b), ...g.dims, a, o, a / o]);
          }
        }
        return { columns, rows: out };
      },
    };
  },
};
