/**
 * sliding_window_counts(IdColumn, TimelineColumn, Start, End, LookbackWindow, Bin [, dim1, ...])
 * (sliding-window-counts-plugin.md): for each Bin from Start to End, Count (rows) and Dcount (distinct ids) in
 * the LookbackWindow ending with that bin: the floor(LookbackWindow / Bin) bins up to and including it
 * ("rounded down to a multiple of the Bin value"). Rows before Start count in the windows that reach them.
 * Rows: bins whose window holds a row, per dimension combination. The analyzer refuses a string Bin
 * ('week', ...) although the docs list it, so it is refused here too.
 */
import type { Row } from '../../../runtime/table.js';
import type { PluginDef } from '../plugin-def.js';
import { Budget, Call, Groups, binCount, idKey, isNull, isTimelineType, makeAxis, pointTypeOk, stepTypeOk, value } from './common.js';
import { WindowCounter } from './windows.js';

export const slidingWindowCounts: PluginDef = {
  name: 'sliding_window_counts',
  description: 'Counts rows and distinct ids in a look-back window sliding over the time bins.',
  bind(node, input, tools) {
    const call = new Call(node, input, tools);
    call.count(6);
    const id = call.column(0, 'IdColumn');
    const tl = call.column(1, 'TimelineColumn', isTimelineType);
    const tt = tl.column.type;
    const start = call.scalar(2, 'Start', pointTypeOk(tt));
    const end = call.scalar(3, 'End', pointTypeOk(tt));
    const lookback = call.scalar(4, 'LookbackWindow', stepTypeOk(tt));
    const bin = call.scalar(5, 'Bin', stepTypeOk(tt));
    const dims = call.dims(6);
    const columns = [tl.column, ...dims.map((d) => d.column), { name: 'Count', type: 'long' as const }, { name: 'Dcount', type: 'long' as const }];
    const span = call.span;
    return {
      columns,
      flow: 'own', // computed from the argument columns only (all bound with tools.expr)
      run: (table, ctx) => {
        const axis = makeAxis(tt, value(start, ctx), value(bin, ctx), span);
        const n = binCount(axis, value(end, ctx), span);
        const k = Math.max(1, axis.steps(value(lookback, ctx)));
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
          const dc = g.state.dcounts(k, n, budget);
          const count = g.state.counter(k);
          for (const b of g.state.covered(k, n, budget)) out.push([axis.at(b), ...g.dims, count(b), dc.get(b) ?? 0]);
        }
        return { columns, rows: out };
      },
    };
  },
};
