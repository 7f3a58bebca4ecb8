/**
 * funnel_sequence_completion(IdColumn, TimelineColumn, Start, End, BinSize, StateColumn, Sequence,
 * MaxSequenceStepPeriods) (funnel-sequence-completion-plugin.md): each BinSize window (counted from Start, up
 * to End's window) is analysed on its own events. For each period P of MaxSequenceStepPeriods (in order) and
 * each step j of Sequence, `dcount` is the number of distinct ids that, from an event in state Sequence[0],
 * went on through Sequence[1..j] in that order (later events, not necessarily adjacent) with the j-th step at
 * most P after the first. Rows: per window holding an event, per period, every step (zero counts included).
 * The state column of the result is a string whatever the StateColumn's type (as the analyzer types it).
 * Periods are timespans: a string is parsed, a number is read as this engine's dynamic literal stores a
 * timespan (milliseconds), as `dynamic([1h, 4h, 1d])` in the docs.
 */
import type { Row } from '../../../runtime/table.js';
import { KqlRuntimeError, ErrorCodes } from '../../../errors/index.js';
import { keyOfValues } from '../../../runtime/hash-key.js';
import { fromTicks, isTimeValue } from '../../../runtime/ticks.js';
import { convertTo } from '../../../functions/convert.js';
import { valueToString } from '../../../runtime/values.js';
import type { PluginDef } from '../plugin-def.js';
import { isNull, Budget, Call, binCount, idKey, lineOf, makeAxis, pointTypeOk, stepTypeOk, value } from './common.js';
import { eventsById, sequenceValues } from './funnel-common.js';

export const funnelSequenceCompletion: PluginDef = {
  name: 'funnel_sequence_completion',
  description: 'Per time window and allowed period, the distinct ids that completed each step of a sequence of states.',
  bind(node, input, tools) {
    const call = new Call(node, input, tools);
    call.count(8, 8);
    const id = call.column(0, 'IdColumn');
    const tl = call.column(1, 'TimelineColumn', (t) => t === 'datetime');
    const tt = tl.column.type;
    const start = call.scalar(2, 'Start', pointTypeOk(tt));
    const end = call.scalar(3, 'End', pointTypeOk(tt));
    const size = call.scalar(4, 'BinSize', stepTypeOk(tt));
    const state = call.column(5, 'StateColumn');
    const sequence = call.scalar(6, 'Sequence', (t) => t === 'dynamic');
    const periodsArg = call.scalar(7, 'MaxSequenceStepPeriods', (t) => t === 'dynamic');
    const st = state.column.type;
    const columns = [tl.column, { name: state.column.name, type: 'string' as const }, { name: 'Period', type: 'timespan' as const }, { name: 'dcount', type: 'long' as const }];
    const span = call.span;
    const line = lineOf(tt);
    return {
      columns,
      flow: 'own', // computed from the argument columns only (all bound with tools.expr)
      run: (table, ctx) => {
        const axis = makeAxis(tt, value(start, ctx), value(size, ctx), span);
        const n = binCount(axis, value(end, ctx), span);
        const seq = sequenceValues(value(sequence, ctx), st, span);
        const periods = periodValues(value(periodsArg, ctx), span);
        const budget = new Budget(span, ctx, node.plugin.name);
        const seqKeys = seq.map((v) => keyOfValues([v]));
        const stateText = seq.map((v) => (isNull(v) ? '' : valueToString(v, st)));
        const byId = eventsById(table.rows, { id: id.index, time: tl.index, state: state.index }, (t) => {
          const i = axis.index(t);
          return i !== undefined && i >= 0 && i < n;
        }, line, (v) => idKey(v, id.column.type));
        // counts.get(bin)[p][j]: ids of window `bin` that reached step j within period p.
        const counts = new Map<number, number[][]>();
        for (const events of byId.values()) {
          // This id's events per window.
          const perBin = new Map<number, typeof events>();
          for (const e of events) {
            const b = axis.index(e.time)!;
            const list = perBin.get(b);
            if (list) list.push(e);
            else perBin.set(b, [e]);
          }
          for (const [b, list] of perBin) {
            let c = counts.get(b);
            if (!c) counts.set(b, (c = periods.map(() => seq.map(() => 0))));
            if (seq.length === 0) continue;
            const keys = list.map((e) => keyOfValues([e.state]));
            const best = periods.map(() => -1); // the highest step reached, per period
            for (let s = 0; s < list.length; s++) {
              if (keys[s] !== seqKeys[0]) continue;
              budget.spend(list.length - s);
              const t0 = list[s].time;
              let at = s;
              for (let j = 0; j < seq.length; j++) {
                if (j > 0) {
                  let k = at + 1;
                  while (k < list.length && keys[k] !== seqKeys[j]) k++;
                  if (k === list.length) break;
                  at = k;
                }
                for (let p = 0; p < periods.length; p++) {
                  if (best[p] < j && line.cmp(list[at].time, line.plus(t0, periods[p])) <= 0) best[p] = j;
                }
              }
            }
            for (let p = 0; p < periods.length; p++) for (let j = 0; j <= best[p]; j++) c[p][j]++;
          }
        }
        budget.rows(counts.size * periods.length * seq.length);
        const rows: Row[] = [];
        for (const b of [...counts.keys()].sort((x, y) => x - y)) {
          const c = counts.get(b)!;
          periods.forEach((period, p) => seq.forEach((s, j) => rows.push([axis.at(b), stateText[j], period, c[p][j]])));
        }
        return { columns, rows };
      },
    };
  },
};

function periodValues(v: unknown, span: Parameters<Call['fail']>[1]): unknown[] {
  if (!Array.isArray(v)) throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_VALUE, 'MaxSequenceStepPeriods must be a dynamic array of timespans', span);
  return v.map((x) => {
    const t = typeof x === 'number' ? x : typeof x === 'bigint' ? fromTicks(x) : convertTo(x, 'dynamic', 'timespan');
    if (!isTimeValue(t)) throw new KqlRuntimeError(ErrorCodes.RUN_INVALID_VALUE, `'${String(x)}' is not a timespan in MaxSequenceStepPeriods`, span);
    return t;
  });
}
