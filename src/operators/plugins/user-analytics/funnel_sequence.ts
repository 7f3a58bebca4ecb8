/**
 * funnel_sequence(IdColumn, TimelineColumn, Start, End, MaxSequenceStepWindow, Step, StateColumn, Sequence)
 * (funnel-sequence-plugin.md). Kusto returns three tables, all in `results` (runKql's `result.results`),
 * the first also being the operator's own rows:
 * 1. per Step window (counted from Start, up to End's window), per (prev, next) pair, the distinct count of
 *    ids that went prev -> Sequence -> next (`dcount`), and up to 128 of those ids (`samples`);
 * 2. the same per prev only (`prev`, `Dcount`, `samples`); 3. per next only (`next`, `Dcount`, `samples`).
 * The capitalized `Dcount` of tables 2 and 3 is the docs' example output (its table 1 has `dcount`).
 * For each id, its events in the analysis range ordered by time (ties in input order): an occurrence of
 * Sequence is a run of consecutive events with the Sequence's states, each step at most
 * MaxSequenceStepWindow after the one before; prev / next are the states of the events just before / after
 * the run when they are at most MaxSequenceStepWindow away, else empty. The window is the one of the
 * occurrence's first event. Rows come by window, then largest count first (ties in first-seen order). The
 * timeline may be a datetime or a number.
 */
import type { Row, Table } from '../../../runtime/table.js';
import { emptyValue } from '../../../runtime/table.js';
import { toDynamic } from '../../../runtime/values.js';
import { keyOfValues } from '../../../runtime/hash-key.js';
import type { PluginDef } from '../plugin-def.js';
import { isTimelineType, lengthValue, Budget, Call, binCount, idKey, isNull, lineOf, makeAxis, pointTypeOk, stepTypeOk, value } from './common.js';
import { eventsById, sequenceValues } from './funnel-common.js';

const MAX_SAMPLES = 128;

/** One output row being counted: its window, its state columns (prev and/or next), its distinct ids. */
interface Cell { bin: number; states: unknown[]; ids: Set<string>; samples: unknown[] }

function add(cells: Map<string, Cell>, bin: number, states: unknown[], key: string, sample: unknown): void {
  const ck = `${bin}|${keyOfValues(states)}`;
  let cell = cells.get(ck);
  if (!cell) cells.set(ck, (cell = { bin, states, ids: new Set(), samples: [] }));
  if (!cell.ids.has(key)) {
    cell.ids.add(key);
    if (cell.samples.length < MAX_SAMPLES) cell.samples.push(sample);
  }
}

/** The rows of a table: by window, then largest distinct count first (a stable sort: ties in first-seen order). */
function tableOf(cells: Map<string, Cell>, at: (bin: number) => unknown): Row[] {
  return [...cells.values()]
    .sort((a, b) => a.bin - b.bin || b.ids.size - a.ids.size)
    .map((c) => [at(c.bin), ...c.states, c.ids.size, c.samples]);
}

export const funnelSequence: PluginDef = {
  name: 'funnel_sequence',
  description: 'Distinct ids that went through a sequence of states, by the states just before and after it (three tables: by both, by the one before, by the one after).',
  bind(node, input, tools) {
    const call = new Call(node, input, tools);
    call.count(8, 8);
    const id = call.column(0, 'IdColumn');
    const tl = call.column(1, 'TimelineColumn', isTimelineType);
    const tt = tl.column.type;
    const start = call.scalar(2, 'Start', pointTypeOk(tt));
    const end = call.scalar(3, 'End', pointTypeOk(tt));
    const maxStep = call.scalar(4, 'MaxSequenceStepWindow', stepTypeOk(tt));
    const step = call.scalar(5, 'Step', stepTypeOk(tt));
    const state = call.column(6, 'StateColumn');
    const sequence = call.scalar(7, 'Sequence', (t) => t === 'dynamic');
    const st = state.column.type;
    const columns = [tl.column, { name: 'prev', type: st }, { name: 'next', type: st }, { name: 'dcount', type: 'long' as const }, { name: 'samples', type: 'dynamic' as const }];
    const prevColumns = [tl.column, { name: 'prev', type: st }, { name: 'Dcount', type: 'long' as const }, { name: 'samples', type: 'dynamic' as const }];
    const nextColumns = [tl.column, { name: 'next', type: st }, { name: 'Dcount', type: 'long' as const }, { name: 'samples', type: 'dynamic' as const }];
    const span = call.span;
    const line = lineOf(tt);
    return {
      columns,
      flow: 'own', // computed from the argument columns only (all bound with tools.expr)
      run: (table, ctx) => {
        const axis = makeAxis(tt, value(start, ctx), value(step, ctx), span);
        const n = binCount(axis, value(end, ctx), span);
        const seq = sequenceValues(value(sequence, ctx), st, span);
        const gap = lengthValue(value(maxStep, ctx), tt, 'MaxSequenceStepWindow', span);
        const budget = new Budget(span, ctx, node.plugin.name);
        const cells = new Map<string, Cell>();
        const prevCells = new Map<string, Cell>();
        const nextCells = new Map<string, Cell>();
        if (seq.length > 0) {
          const byId = eventsById(table.rows, { id: id.index, time: tl.index, state: state.index }, (t) => {
            const i = axis.index(t);
            return i !== undefined && i >= 0 && i < n;
          }, line, (v) => idKey(v, id.column.type));
          const within = (a: unknown, b: unknown) => line.cmp(b, line.plus(a, gap)) <= 0;
          const stateKey = (v: unknown) => keyOfValues([v]);
          const seqKeys = seq.map(stateKey);
          for (const [key, events] of byId) {
            budget.spend(events.length * seq.length);
            for (let s = 0; s + seq.length <= events.length; s++) {
              let ok = true;
              for (let j = 0; j < seq.length && ok; j++) {
                const e = events[s + j];
                if (stateKey(e.state) !== seqKeys[j] || (j > 0 && !within(events[s + j - 1].time, e.time))) ok = false;
              }
              if (!ok) continue;
              const first = events[s], last = events[s + seq.length - 1];
              const before = s > 0 && within(events[s - 1].time, first.time) ? events[s - 1].state : emptyValue(st);
              const after = s + seq.length < events.length && within(last.time, events[s + seq.length].time) ? events[s + seq.length].state : emptyValue(st);
              const bin = axis.index(first.time)!;
              const sample = toDynamic(first.id, id.column.type);
              add(cells, bin, [before, after], key, sample);
              add(prevCells, bin, [before], key, sample);
              add(nextCells, bin, [after], key, sample);
            }
          }
        }
        const first: Table = { columns, rows: tableOf(cells, axis.at) };
        return {
          ...first,
          results: [{ table: first }, { table: { columns: prevColumns, rows: tableOf(prevCells, axis.at) } }, { table: { columns: nextColumns, rows: tableOf(nextCells, axis.at) } }],
        };
      },
    };
  },
};
