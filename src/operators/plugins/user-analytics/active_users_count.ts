/**
 * active_users_count(IdColumn, TimelineColumn, Start, End, LookbackWindow, Period, ActivePeriodsCount, Bin
 * [, dim1, ...]) (active-users-count-plugin.md): an appearance at t is active when the id's appearances in the
 * look-back window (t - LookbackWindow, t] fall in at least ActivePeriodsCount distinct Periods (counted from
 * Start); the result is, per Bin from Start to End, the distinct count of ids with an active appearance in it.
 * Appearances before Start count in look-back windows only. Rows: bins with a non-zero count.
 */
import type { Row } from '../../../runtime/table.js';
import { isNumericType } from '../../../runtime/types.js';
import type { PluginDef } from '../plugin-def.js';
import { lengthValue, Budget, Call, Groups, binCount, idKey, isNull, isTimelineType, lineOf, makeAxis, pointTypeOk, stepTypeOk, value } from './common.js';

export const activeUsersCount: PluginDef = {
  name: 'active_users_count',
  description: 'Counts, per time bin, the distinct ids seen in at least N distinct periods of a look-back window.',
  bind(node, input, tools) {
    const call = new Call(node, input, tools);
    call.count(8);
    const id = call.column(0, 'IdColumn');
    const tl = call.column(1, 'TimelineColumn', isTimelineType);
    const tt = tl.column.type;
    const start = call.scalar(2, 'Start', pointTypeOk(tt));
    const end = call.scalar(3, 'End', pointTypeOk(tt));
    const lookback = call.scalar(4, 'LookbackWindow', stepTypeOk(tt));
    const period = call.scalar(5, 'Period', stepTypeOk(tt));
    const active = call.scalar(6, 'ActivePeriodsCount', isNumericType);
    const bin = call.scalar(7, 'Bin', stepTypeOk(tt));
    const dims = call.dims(8);
    const columns = [tl.column, ...dims.map((d) => d.column), { name: 'dcount', type: 'long' as const }];
    const span = call.span;
    const line = lineOf(tt);
    return {
      columns,
      flow: 'own', // computed from the argument columns only (all bound with tools.expr)
      run: (table, ctx) => {
        const origin = value(start, ctx);
        const axis = makeAxis(tt, origin, value(bin, ctx), span);
        const periods = makeAxis(tt, origin, value(period, ctx), span);
        const n = binCount(axis, value(end, ctx), span);
        const look = lengthValue(value(lookback, ctx), tt, 'LookbackWindow', span);
        const needed = Number(value(active, ctx) ?? 0);
        const budget = new Budget(span, ctx, node.plugin.name);
        const groups = new Groups(dims, () => new Map<string, unknown[]>());
        for (const row of table.rows) {
          const t = row[tl.index], v = row[id.index];
          if (isNull(t) || isNull(v)) continue;
          const i = axis.index(t);
          if (i === undefined || i >= n) continue;
          const byId = groups.of(row);
          const k = idKey(v, id.column.type);
          const list = byId.get(k);
          if (list) list.push(t);
          else byId.set(k, [t]);
        }
        const out = budget.output();
        for (const g of groups.entries()) {
          const counts = new Map<number, number>();
          for (const times of g.state.values()) {
            budget.spend(times.length * 4);
            times.sort(line.cmp);
            const inWindow = new Map<number, number>(); // period -> appearances in the window
            const seenBins = new Set<number>();
            let lo = 0;
            for (let hi = 0; hi < times.length; hi++) {
              const p = periods.index(times[hi])!;
              inWindow.set(p, (inWindow.get(p) ?? 0) + 1);
              const t = times[hi];
              if (hi + 1 < times.length && line.cmp(times[hi + 1], t) === 0) continue; // all appearances at t first
              const from = line.minus(t, look);
              while (lo <= hi && line.cmp(times[lo], from) <= 0) {
                const q = periods.index(times[lo])!;
                const c = inWindow.get(q)! - 1;
                if (c === 0) inWindow.delete(q);
                else inWindow.set(q, c);
                lo++;
              }
              const b = axis.index(t)!;
              if (b >= 0 && inWindow.size >= needed && !seenBins.has(b)) {
                seenBins.add(b);
                counts.set(b, (counts.get(b) ?? 0) + 1);
              }
            }
          }
          for (const b of [...counts.keys()].sort((x, y) => x - y)) out.push([axis.at(b), ...g.dims, counts.get(b)]);
        }
        return { columns, rows: out };
      },
    };
  },
};
