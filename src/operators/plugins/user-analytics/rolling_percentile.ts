/**
 * rolling_percentile(ValueColumn, Percentile, IndexColumn, BinSize, BinsPerWindow [, dim1, ...])
 * (rolling-percentile-plugin.md): per bin(IndexColumn, BinSize), the Percentile of the values in the window of
 * BinsPerWindow bins ending with it (inclusive), computed as this engine's percentile() aggregate: the exact
 * nearest-rank value (src/functions/aggregates/percentile.ts; Kusto estimates). Rows: every bin from a group's
 * first to its last bin whose window holds a value, per dimension combination, groups in first-seen order.
 * The column is rolling_<BinsPerWindow>_percentile_<ValueColumn>_<Percentile> (the percentile as written,
 * 99.9 stays 99.9, as the analyzer names it), typed as percentile() types it.
 */
import type { Row } from '../../../runtime/table.js';
import { isNumericType, type KqlType } from '../../../runtime/types.js';
import type { PluginDef } from '../plugin-def.js';
import { nearestRank, resultType } from '../../../functions/aggregates/percentile.js';
import { lessFor } from '../../../functions/aggregates/min.js';
import { Budget, Call, Groups, isNull, isTimelineType, makeAxis, stepTypeOk, value, MAX_BINS } from './common.js';
import { KqlRuntimeError, ErrorCodes } from '../../../errors/index.js';

const ORDERABLE = (t: KqlType) => isNumericType(t) || t === 'datetime' || t === 'timespan';

export const rollingPercentile: PluginDef = {
  name: 'rolling_percentile',
  description: 'The percentile of the values in a window of bins rolling over an index column.',
  bind(node, input, tools) {
    const call = new Call(node, input, tools);
    call.count(5);
    const val = call.column(0, 'ValueColumn', ORDERABLE);
    const pct = call.scalar(1, 'Percentile', isNumericType);
    const idx = call.column(2, 'IndexColumn', isTimelineType);
    const it = idx.column.type;
    const size = call.scalar(3, 'BinSize', stepTypeOk(it));
    const per = call.scalar(4, 'BinsPerWindow', (t) => t === 'int' || t === 'long');
    const pv = pct.constant?.value, kv = per.constant?.value;
    if (typeof pv !== 'number' || !(pv >= 0 && pv <= 100)) call.fail('the Percentile must be a constant number between 0 and 100', call.args[1].span);
    if (typeof kv !== 'number' || !(kv >= 1)) call.fail('BinsPerWindow must be a constant positive integer', call.args[4].span);
    const p = pv as number, k = Math.floor(kv as number);
    const dims = call.dims(5);
    const type = resultType(val.column.type);
    const columns = [idx.column, ...dims.map((d) => d.column),
      { name: `rolling_${k}_percentile_${val.column.name}_${String(p)}`, type }];
    const less = lessFor(val.column.type);
    const cmp = (a: unknown, b: unknown) => (less(a, b) ? -1 : less(b, a) ? 1 : 0);
    const span = call.span;
    return {
      columns,
      flow: 'own', // computed from the argument columns only (all bound with tools.expr)
      run: (table, ctx) => {
        const axis = makeAxis(it, 0, value(size, ctx), span);
        const budget = new Budget(span, ctx, node.plugin.name);
        const groups = new Groups(dims, () => new Map<number, unknown[]>());
        for (const row of table.rows) {
          const i = axis.index(row[idx.index]);
          const v = row[val.index];
          if (i === undefined || isNull(v) || (typeof v === 'number' && Number.isNaN(v))) continue;
          const bins = groups.of(row);
          const list = bins.get(i);
          if (list) list.push(v);
          else bins.set(i, [v]);
        }
        const out = budget.output();
        for (const g of groups.entries()) {
          const keys = [...g.state.keys()].sort((x, y) => x - y);
          const lo = keys[0], hi = keys[keys.length - 1];
          if (hi - lo + 1 > MAX_BINS) throw new KqlRuntimeError(ErrorCodes.RUN_LIMIT_EXCEEDED, `rolling_percentile would create ${hi - lo + 1} bins (at most ${MAX_BINS})`, span);
          for (let b = lo; b <= hi; b++) {
            const window: unknown[] = [];
            for (let j = Math.max(lo, b - k + 1); j <= b; j++) {
              const list = g.state.get(j);
              if (list) for (const v of list) window.push(v);
            }
            budget.spend(window.length + 1);
            if (window.length === 0) continue;
            window.sort(cmp);
            out.push([axis.at(b), ...g.dims, nearestRank(window, p)]);
          }
        }
        return { columns, rows: out };
      },
    };
  },
};
