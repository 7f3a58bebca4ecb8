/**
 * session_count(IdColumn, TimelineColumn, Start, End, Bin, LookBackWindow [, dim1, ...]) (session-count-plugin.md):
 * an appearance of an id starts a new session when the id's previous appearance is more than LookBackWindow
 * before it (or there is none); count_sessions of a bin is the number of sessions started in it. Appearances
 * before Start only continue sessions. Bins are bin(Timeline, Bin), counted from 0 (the epoch for datetimes). The docs example (ids 1..50 every Id-th slot, Bin 100, look-back 41)
 * charts about 57 sessions in the first bin and about 20 in each later one, which this definition gives
 * (see the tests). Rows: one per bin with at least one session, per dimension combination.
 */
import { isNumericType } from '../../../runtime/types.js';
import type { Row } from '../../../runtime/table.js';
import type { PluginDef } from '../plugin-def.js';
import { KqlRuntimeError, ErrorCodes } from '../../../errors/index.js';
import { lengthValue, Budget, Call, Groups, binCount, shifted, idKey, isNull, isTimelineType, makeAxis, pointTypeOk, stepTypeOk, value } from './common.js';
import { compareTime, subTime, type TimeValue } from '../../../runtime/ticks.js';

export const sessionCount: PluginDef = {
  name: 'session_count',
  description: 'Counts the sessions started in each time bin: an id starts a new session when it was not seen within the look-back window.',
  bind(node, input, tools) {
    const call = new Call(node, input, tools);
    call.count(6);
    const id = call.column(0, 'IdColumn');
    const tl = call.column(1, 'TimelineColumn', isTimelineType);
    const tt = tl.column.type;
    const start = call.scalar(2, 'Start', pointTypeOk(tt));
    const end = call.scalar(3, 'End', pointTypeOk(tt));
    const bin = call.scalar(4, 'Bin', stepTypeOk(tt));
    const lookback = call.scalar(5, 'LookBackWindow', tt === 'datetime' ? (t) => t === 'timespan' : isNumericType);
    const dims = call.dims(6);
    const columns = [tl.column, ...dims.map((d) => d.column), { name: 'count_sessions', type: 'long' as const }];
    const span = call.span;
    return {
      columns,
      flow: 'own', // computed from the argument columns only (all bound with tools.expr)
      run: (table, ctx) => {
        // Bins of bin(Timeline, Bin) (counted from 0 / the epoch), from Start's bin to End's: the docs chart
        // matches this alignment, not bins counted from Start.
        const startValue = value(start, ctx);
        const axis = makeAxis(tt, 0, value(bin, ctx), span);
        const first = axis.index(startValue);
        if (first === undefined) throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_VALUE, 'The analysis start must not be null', span);
        const last = binCount(shifted(axis, first), value(end, ctx), span) + first - 1;
        const look = lengthValue(value(lookback, ctx), tt, 'LookBackWindow', span);
        const budget = new Budget(span, ctx, node.plugin.name);
        const groups = new Groups(dims, () => new Map<string, unknown[]>());
        for (const row of table.rows) {
          const t = row[tl.index], v = row[id.index];
          if (isNull(t) || isNull(v)) continue;
          const i = axis.index(t);
          if (i === undefined || i > last) continue;
          const byId = groups.of(row);
          const k = idKey(v, id.column.type);
          const list = byId.get(k);
          if (list) list.push(t);
          else byId.set(k, [t]);
        }
        const cmp = tt === 'datetime' ? (a: unknown, b: unknown) => compareTime(a as TimeValue, b as TimeValue) : (a: unknown, b: unknown) => Number(a) - Number(b);
        const gap = tt === 'datetime'
          ? (a: unknown, b: unknown) => compareTime(subTime(b as TimeValue, a as TimeValue), look as TimeValue) > 0
          : (a: unknown, b: unknown) => Number(b) - Number(a) > Number(look);
        const out = budget.output();
        for (const g of groups.entries()) {
          const counts = new Map<number, number>();
          for (const times of g.state.values()) {
            budget.spend(times.length * Math.max(1, Math.ceil(Math.log2(times.length + 1))));
            times.sort(cmp);
            let prev: unknown;
            for (const t of times) {
              if (prev === undefined || isNull(look) || gap(prev, t)) {
                const i = axis.index(t)!;
                if (i >= first) counts.set(i, (counts.get(i) ?? 0) + 1);
              }
              prev = t;
            }
          }
          for (const i of [...counts.keys()].sort((a, b) => a - b)) out.push([axis.at(i), ...g.dims, counts.get(i)]);
        }
        return { columns, rows: out };
      },
    };
  },
};
