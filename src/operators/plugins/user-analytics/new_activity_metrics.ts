/**
 * new_activity_metrics(IdColumn, TimelineColumn, Start, End, Window [, Cohort] [, dim1, ...] [, Lookback])
 * (new-activity-metrics-plugin.md). Windows count from Start up to End's window (empty windows included);
 * the cohort of window f is its ids not seen in an earlier window (nor in Lookback). For each cohort window f
 * and each window t >= f:
 * - dcount_new_values: t == f, the cohort's size; t > f, the ids of t not seen in windows up to f (nor in
 *   Lookback) (the docs' worked rows R1..R11);
 * - dcount_retained_values / dcount_churn_values: the cohort's ids seen / not seen in t;
 * - retention_rate / churn_rate: those over the cohort's size.
 * Cohort (a timeline value) keeps the cohort of its window only. Lookback is a table whose column named like
 * IdColumn (or its only column) holds ids treated as seen before Start. Windows with an empty cohort give no
 * rows. The trailing arguments are told apart by kind: input columns are dimensions, a table is Lookback, a
 * scalar right after Window is Cohort. Window may also be 'week', 'month' or 'year' (the analyzer accepts
 * these for this plugin only): the windows of startofweek / startofmonth / startofyear from Start's.
 */
import type * as A from '../../../parser/ast.js';
import type { Row } from '../../../runtime/table.js';
import type { TabularPlan, CompiledExpr } from '../../../binder/compiled.js';
import type { PluginDef } from '../plugin-def.js';
import { calendarAxis, Budget, Call, Groups, binCount, idKey, isNull, isTimelineType, makeAxis, pointTypeOk, stepTypeOk, value } from './common.js';

export const newActivityMetrics: PluginDef = {
  name: 'new_activity_metrics',
  description: 'Retention and churn of each cohort of new ids (first seen in a window) over the later windows.',
  bind(node, input, tools) {
    const call = new Call(node, input, tools);
    call.count(5);
    const id = call.column(0, 'IdColumn');
    const tl = call.column(1, 'TimelineColumn', isTimelineType);
    const tt = tl.column.type;
    const start = call.scalar(2, 'Start', pointTypeOk(tt));
    const end = call.scalar(3, 'End', pointTypeOk(tt));
    const window = call.scalar(4, 'Window', (t) => stepTypeOk(tt)(t) || (tt === 'datetime' && t === 'string'));
    let cohort: CompiledExpr | undefined;
    let lookback: { plan: TabularPlan; index: number } | undefined;
    const dimArgs: number[] = [];
    for (let i = 5; i < call.args.length; i++) {
      const arg = call.args[i];
      if (call.isColumn(i)) {
        dimArgs.push(i);
        continue;
      }
      const plan = tabular(arg, tools);
      if (plan) {
        if (i !== call.args.length - 1) call.fail('the Lookback table must be the last argument', arg.span);
        const index = plan.columns.findIndex((c) => c.name === id.column.name);
        const only = plan.columns.length === 1 ? 0 : -1;
        if (index < 0 && only < 0) call.fail(`the Lookback table needs a column '${id.column.name}'`, arg.span);
        lookback = { plan, index: index >= 0 ? index : only };
      } else if (i === 5) {
        cohort = call.scalar(5, 'Cohort', pointTypeOk(tt));
      } else {
        call.column(i, 'dimension'); // fails with the reason
      }
    }
    const dims = dimArgs.map((i) => call.column(i, 'dimension'));
    const columns = [{ name: `from_${tl.column.name}`, type: tt }, { name: `to_${tl.column.name}`, type: tt }, ...dims.map((d) => d.column),
      { name: 'dcount_new_values', type: 'long' as const }, { name: 'dcount_retained_values', type: 'long' as const },
      { name: 'dcount_churn_values', type: 'long' as const }, { name: 'retention_rate', type: 'real' as const }, { name: 'churn_rate', type: 'real' as const }];
    const span = call.span;
    return {
      columns,
      flow: 'own', // computed from the argument columns only (all bound with tools.expr)
      run: (table, ctx) => {
        const w = value(window, ctx);
        const axis = window.type === 'string' ? calendarAxis(w, value(start, ctx), span) : makeAxis(tt, value(start, ctx), w, span);
        const n = binCount(axis, value(end, ctx), span);
        const only = cohort ? axis.index(value(cohort, ctx)) : undefined;
        const budget = new Budget(span, ctx, node.plugin.name);
        const before = new Set<string>();
        if (lookback) {
          const t = lookback.plan.execute(ctx);
          const type = lookback.plan.columns[lookback.index].type;
          for (const row of t.rows) {
            const v = row[lookback.index];
            if (!isNull(v)) before.add(idKey(v, type));
          }
        }
        const groups = new Groups(dims, () => new Map<number, Set<string>>());
        for (const row of table.rows) {
          const i = axis.index(row[tl.index]);
          if (i === undefined || i < 0 || i >= n) continue;
          const v = row[id.index];
          if (isNull(v)) continue;
          const bins = groups.of(row);
          let ids = bins.get(i);
          if (!ids) bins.set(i, (ids = new Set()));
          ids.add(idKey(v, id.column.type));
        }
        const out = budget.output();
        for (const g of groups.entries()) {
          // The window each id was first seen in (-1: in Lookback), and per window how many of its ids were
          // first seen in each window.
          const first = new Map<string, number>();
          const bins = [...g.state.keys()].sort((x, y) => x - y);
          for (const b of bins) {
            for (const k of g.state.get(b)!) if (!first.has(k)) first.set(k, before.has(k) ? -1 : b);
          }
          const firstCounts = new Map<number, { counts: Map<number, number>; firsts: number[] }>();
          for (const b of bins) {
            const counts = new Map<number, number>();
            const firsts: number[] = [];
            for (const k of g.state.get(b)!) {
              const f = first.get(k)!;
              counts.set(f, (counts.get(f) ?? 0) + 1);
              firsts.push(f);
            }
            firsts.sort((x, y) => x - y);
            budget.spend(firsts.length);
            firstCounts.set(b, { counts, firsts });
          }
          for (const f of bins) {
            if (only !== undefined && f !== only) continue;
            const size = firstCounts.get(f)!.counts.get(f) ?? 0;
            if (size === 0) continue;
            budget.spend(n - f);
            for (let t = f; t < n; t++) {
              const at = firstCounts.get(t);
              const retained = at?.counts.get(f) ?? 0;
              const fresh = t === f ? size : at ? at.firsts.length - upperBound(at.firsts, f) : 0;
              out.push([axis.at(f), axis.at(t), ...g.dims, fresh, retained, size - retained, retained / size, (size - retained) / size]);
            }
          }
        }
        return { columns, rows: out };
      },
    };
  },
};

/** The number of values <= x in a sorted array. */
function upperBound(sorted: number[], x: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The argument bound as a table, or undefined when it is a scalar. */
function tabular(arg: A.Expr, tools: Parameters<PluginDef['bind']>[2]): TabularPlan | undefined {
  try {
    tools.expr(arg, []);
    return undefined;
  } catch {
    try {
      return tools.bindTabular(arg, tools.env);
    } catch {
      return undefined;
    }
  }
}
