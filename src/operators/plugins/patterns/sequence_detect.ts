/**
 * evaluate sequence_detect(TimelineColumn, MaxSequenceStepWindow, MaxSequenceSpan, Expr1, Expr2, ..., Dim1, Dim2, ...)
 * (docs: sequence-detect-plugin.md). One row per occurrence of the sequence: rows r1, r2, ... of one
 * group of equal dimension values, where ri satisfies Expri, each comes after the one before in time
 * order, two consecutive steps are at most MaxSequenceStepWindow apart and the whole sequence spans at
 * most MaxSequenceSpan. Every such combination is an occurrence (the docs' example lists one heat event
 * with two later wildfires as two rows). Output: the dimension columns, `<step>_<Timeline>` for each
 * step, and Duration (last step time - first step time), ordered by the steps' times.
 *
 * Arguments: the trailing unnamed plain columns that are not bool are the dimensions (the analyzer wants
 * column names there); the others are the step predicates (bool; the assignment's name names the step).
 */
import type { EvaluateOp } from '../../../parser/ast.js';
import { KqlSemanticError, ErrorCodes } from '../../../errors/index.js';
import type { ColumnSchema } from '../../../runtime/types.js';
import type { Row } from '../../../runtime/table.js';
import { keyOfValues, timeColumns } from '../../../runtime/hash-key.js';
import { compareTime, subTime, addTime, type TimeValue } from '../../../runtime/ticks.js';
import { NameAllocator } from '../../../binder/naming.js';
import type { BoundOperator, CompiledExpr } from '../../../binder/compiled.js';
import type { BindTools } from '../../operator-def.js';
import type { PluginDef } from '../plugin-def.js';
import { workBudget } from './itemsets.js';

export const sequenceDetect: PluginDef = {
  name: 'sequence_detect',
  description: 'Finds occurrences of a sequence of steps (predicates) within time windows, per group of dimension values.',
  bind: bindSequenceDetect,
};

function constantTimespan(e: CompiledExpr, what: string): TimeValue {
  if (!e.constant || e.type !== 'timespan' || e.constant.value === null) {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, `${what} of sequence_detect must be a constant timespan`, e.span);
  }
  return e.constant.value as TimeValue;
}

function bindSequenceDetect(node: EvaluateOp, input: ColumnSchema[], tools: BindTools): BoundOperator {
  const args = node.plugin.args;
  const names = node.plugin.argNames ?? [];
  if (args.length < 4) {
    throw new KqlSemanticError(ErrorCodes.SEM_WRONG_ARGUMENT_COUNT, `sequence_detect expects at least 4 arguments but got ${args.length}`, node.plugin.span);
  }
  const timeline = tools.expr(args[0], input);
  if (!timeline.isColumn || args[0].kind !== 'Name') {
    throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'The timeline of sequence_detect must be a column', args[0].span);
  }
  if (timeline.type !== 'datetime') {
    throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `The timeline of sequence_detect must be a datetime column, not ${timeline.type}`, args[0].span);
  }
  const stepWindow = constantTimespan(tools.expr(args[1], input), 'MaxSequenceStepWindow');
  const span = constantTimespan(tools.expr(args[2], input), 'MaxSequenceSpan');
  const compiled = args.slice(3).map((a, i) => ({ arg: a, name: names[i + 3], expr: tools.expr(a, input) }));
  let firstDim = compiled.length;
  while (firstDim > 0) {
    const c = compiled[firstDim - 1];
    if (c.name !== undefined || c.expr.type === 'bool') break;
    firstDim--;
  }
  const steps = compiled.slice(0, firstDim);
  const dims = compiled.slice(firstDim);
  if (steps.length === 0) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'sequence_detect needs at least one step predicate', node.plugin.span);
  for (const s of steps) {
    if (s.expr.type !== 'bool') throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `A step of sequence_detect must be a bool predicate, not ${s.expr.type}`, s.arg.span);
  }
  for (const d of dims) {
    if (!d.expr.isColumn || d.arg.kind !== 'Name') throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'A dimension of sequence_detect must be a column name', d.arg.span);
  }
  const alloc = new NameAllocator();
  const timelineName = args[0].kind === 'Name' ? args[0].name : 'Timeline';
  const columns: ColumnSchema[] = [
    ...dims.map((d) => ({ name: alloc.unique(d.expr.derivedName ?? 'Column'), type: d.expr.type })),
    ...steps.map((s) => ({ name: alloc.unique(`${s.name ?? ''}_${timelineName}`), type: 'datetime' as const })),
    { name: alloc.unique('Duration'), type: 'timespan' },
  ];
  const time = timeColumns(dims.map((d) => d.expr.type));

  return {
    columns,
    flow: 'own',
    run: (table, ctx) => {
      // Group the rows with a time by their dimension values; per group and step, the positions (in time order) of the rows that satisfy it.
      const groups = new Map<string, { dims: unknown[]; rows: { t: TimeValue; hits: boolean[] }[] }>();
      for (const row of table.rows) {
        ctx.guard.tick();
        const t = timeline.evaluate(row, ctx) as TimeValue | null;
        if (t === null || t === undefined) continue;
        const hits = steps.map((s) => s.expr.evaluate(row, ctx) === true);
        if (!hits.some(Boolean)) continue;
        const dimValues = dims.map((d) => d.expr.evaluate(row, ctx));
        const key = keyOfValues(dimValues, time);
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { dims: dimValues, rows: [] }));
        g.rows.push({ t, hits });
      }
      const spend = workBudget(ctx, 'sequence_detect', node.plugin.span, 'use narrower windows, more selective steps, or more dimensions');
      const found: { dims: unknown[]; times: TimeValue[] }[] = [];
      for (const g of groups.values()) {
        g.rows.sort((a, b) => compareTime(a.t, b.t));
        const byStep = steps.map((_, i) => g.rows.map((r, p) => (r.hits[i] ? p : -1)).filter((p) => p >= 0));
        const chosen: number[] = [];
        const extend = (step: number, after: number): void => {
          if (step === steps.length) {
            found.push({ dims: g.dims, times: chosen.map((p) => g.rows[p].t) });
            ctx.guard.rows(found.length, 'sequence_detect', node.plugin.span);
            return;
          }
          const positions = byStep[step];
          // First position after `after` (binary search).
          let lo = 0, hi = positions.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (positions[mid] <= after) lo = mid + 1;
            else hi = mid;
          }
          spend(1);
          for (let k = lo; k < positions.length; k++) {
            spend(1);
            const p = positions[k];
            const t = g.rows[p].t;
            if (step > 0) {
              if (compareTime(t, addTime(g.rows[after].t, stepWindow)) > 0) break;
              if (compareTime(t, addTime(g.rows[chosen[0]].t, span)) > 0) break;
            }
            chosen.push(p);
            extend(step + 1, p);
            chosen.pop();
          }
        };
        extend(0, -1);
      }
      found.sort((a, b) => {
        for (let i = 0; i < a.times.length; i++) {
          const c = compareTime(a.times[i], b.times[i]);
          if (c !== 0) return c;
        }
        return 0;
      });
      const rows: Row[] = found.map((f) => [...f.dims, ...f.times, subTime(f.times[f.times.length - 1], f.times[0])]);
      return { columns, rows };
    },
  };
}
