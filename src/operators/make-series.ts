/**
 * make-series: per group of `by` values, one dynamic array per aggregate, with one element per bin of
 * the axis (`on Axis from start to end step s`, or `in range(start, end, s)`).
 * - Output columns: the `by` columns, then the aggregates (dynamic arrays), then the axis column
 *   (a dynamic array of the bin start values), as the analyzer reports.
 * - Bins are start, start+s, ... while < end. Without `from`, start is the smallest axis value in
 *   the data rounded down to a multiple of s; without `to`, the last bin is the one holding the largest. Rows
 *   whose axis value is null or outside [start, end) are ignored.
 * - A bin without rows gets the aggregate's `default =` value (0 when none is given).
 * - Datetimes in the arrays are Kusto text, like every datetime put into dynamic.
 * - A datetime or timespan axis is binned exactly to the tick (src/runtime/ticks.ts); a numeric axis in doubles.
 * series_* functions (series_decompose_anomalies, ...) are not implemented.
 */
import { ACCUMULATOR_BYTES, INDEX_ENTRY_BYTES, rowBytes } from '../runtime/limits.js';
import type * as A from '../parser/ast.js';
import { asDouble } from '../runtime/int64.js';
import { addTime, compareTime, floorTime, mulTime, stepsBetween, type TimeValue } from '../runtime/ticks.js';
import type { MakeSeriesOp } from '../parser/ast.js';
import { KqlSemanticError, KqlRuntimeError, ErrorCodes } from '../errors/index.js';
import { isNumericType, type ColumnSchema, type KqlType } from '../runtime/types.js';
import type { Row } from '../runtime/table.js';
import type { ExecContext } from '../runtime/exec-context.js';
import { keyOfValues, timeColumns } from '../runtime/hash-key.js';
import { toDynamic } from '../runtime/values.js';
import { NameAllocator } from '../binder/naming.js';
import type { Accumulator } from '../functions/registry-types.js';
import type { OperatorDef } from './operator-def.js';
import { columnNamer, singleName } from './assignments.js';
import { bindAggregate } from './summarize.js';

const MAX_BINS = 1_000_000;

export const makeSeries: OperatorDef<MakeSeriesOp> = {
  op: 'make-series',
  description: 'Builds series (dynamic arrays) of aggregates over bins of an axis, per group.',
  bind(node, input, tools) {
    const names = new NameAllocator();
    const columns: ColumnSchema[] = [];
    const byNamer = columnNamer((n) => names.has(n));
    const keys = node.by.map((item) => {
      const expr = tools.expr(item.expr, input);
      if (expr.type === 'dynamic') throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, "A dynamic value cannot be a make-series 'by' key", item.expr.span);
      const name = byNamer(singleName(item), expr);
      if (names.has(name)) throw new KqlSemanticError(ErrorCodes.SEM_DUPLICATE_COLUMN, `The column '${name}' appears more than once in make-series`, item.span);
      names.reserve(name);
      columns.push({ name, type: expr.type });
      return expr.evaluate;
    });
    const time = timeColumns(columns.map((c) => c.type));

    const axis = tools.expr(node.axis, input);
    const axisType = axis.type;
    if (axisType !== 'datetime' && axisType !== 'timespan' && !isNumericType(axisType)) {
      throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `The make-series axis must be a datetime, timespan or number, not ${axisType}`, node.axis.span);
    }
    const stepType: KqlType = axisType === 'datetime' ? 'timespan' : axisType;
    const fits = (t: KqlType, want: KqlType) => t === want || (isNumericType(t) && isNumericType(want));
    const step = tools.expr(node.step, input);
    if (!fits(step.type, stepType)) throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `The make-series step must be of type ${stepType}, not ${step.type}`, node.step.span);
    const bound = (e: A.Expr | undefined) => {
      if (!e) return undefined;
      const c = tools.expr(e, input);
      if (!fits(c.type, axisType)) throw new KqlSemanticError(ErrorCodes.SEM_TYPE_MISMATCH, `The make-series range must be of type ${axisType}, not ${c.type}`, e.span);
      return c;
    };
    const from = bound(node.from), to = bound(node.to);

    const aggregates = node.aggregates.map(({ assignment, default: def }) => {
      const agg = bindAggregate(assignment, input, tools, new Set());
      const explicit = singleName(assignment);
      const name = explicit !== undefined && !names.has(explicit) ? (names.reserve(explicit), explicit) : names.unique(explicit ?? agg.defaultName);
      columns.push({ name, type: 'dynamic' });
      let fallback: unknown = 0;
      if (def) {
        const d = tools.expr(def, input);
        if (!d.constant) throw new KqlSemanticError(ErrorCodes.SEM_INVALID_ARGUMENT, 'The make-series default must be a constant', def.span);
        fallback = toDynamic(d.constant.value, d.type);
      }
      return { impl: agg.impl, args: agg.args.map((a) => a.evaluate), type: agg.outputs[0].type, fallback };
    });
    const axisName = names.unique(axis.derivedName ?? 'Column1');
    columns.push({ name: axisName, type: 'dynamic' });

    /** The bins of one run: how many, the bin of each input row (undefined: outside), the axis value of bin k. */
    interface Layout { bins: number; binOf(r: number): number | undefined; axisAt(k: number): unknown }
    const stepError = (s: unknown) =>
      new KqlRuntimeError(ErrorCodes.RUN_INVALID_VALUE, `The make-series step must be positive, not ${s === null || s === undefined ? 'null' : String(s)}`, node.step.span);

    // A numeric axis is computed in doubles: a long beyond 2^53 (a bigint) is read as the nearest double.
    const numericLayout = (rows: Row[], ctx: ExecContext): Layout => {
      const s = asDouble(step.evaluate([], ctx)) as number | null;
      if (typeof s !== 'number' || !(s > 0)) throw stepError(s);
      const axisValues = rows.map((row) => asDouble(axis.evaluate(row, ctx)) as number | null);
      const { min, max } = numericRange(axisValues);
      let start = from ? (asDouble(from.evaluate([], ctx)) as number | null) : min !== undefined ? Math.floor(min / s) * s : null;
      let end = to ? (asDouble(to.evaluate([], ctx)) as number | null) : max !== undefined && start !== null ? start + (Math.floor((max - start) / s) + 1) * s : null;
      if (start === null || end === null) { start = 0; end = 0; }
      const [a, b] = [start, end];
      return {
        bins: Math.max(0, Math.ceil((b - a) / s)),
        binOf(r) {
          const v = axisValues[r];
          return typeof v !== 'number' || v < a || v >= b ? undefined : Math.floor((v - a) / s);
        },
        axisAt: (k) => a + k * s,
      };
    };

    // A datetime or timespan axis, exact to the tick (src/runtime/ticks.ts).
    const timeLayout = (rows: Row[], ctx: ExecContext): Layout => {
      const s = step.evaluate([], ctx) as TimeValue | null;
      if (s === null || s === undefined || !(s > 0)) throw stepError(s);
      const axisValues = rows.map((row) => axis.evaluate(row, ctx) as TimeValue | null | undefined);
      let min: TimeValue | undefined, max: TimeValue | undefined;
      for (const v of axisValues) {
        if (v === null || v === undefined) continue;
        if (min === undefined || compareTime(v, min) < 0) min = v;
        if (max === undefined || compareTime(v, max) > 0) max = v;
      }
      const at = (base: TimeValue, k: number) => addTime(base, mulTime(s, k)!);
      const start = from ? (from.evaluate([], ctx) as TimeValue | null) : min !== undefined ? floorTime(min, s) : null;
      const end = to ? (to.evaluate([], ctx) as TimeValue | null) : max !== undefined && start !== null ? at(start, stepsBetween(start, max, s) + 1) : null;
      if (start === null || start === undefined || end === null || end === undefined) return { bins: 0, binOf: () => undefined, axisAt: () => null };
      // ceil((end - start) / s), exactly
      const whole = stepsBetween(start, end, s);
      const bins = Math.max(0, compareTime(at(start, whole), end) < 0 ? whole + 1 : whole);
      return {
        bins,
        binOf(r) {
          const v = axisValues[r];
          return v === null || v === undefined || compareTime(v, start) < 0 || compareTime(v, end) >= 0 ? undefined : stepsBetween(start, v, s);
        },
        axisAt: (k) => at(start, k),
      };
    };

    const timeAxis = axisType === 'datetime' || axisType === 'timespan';
    return {
      columns,
      run: (table, ctx) => {
        const { bins, binOf, axisAt } = timeAxis ? timeLayout(table.rows, ctx) : numericLayout(table.rows, ctx);
        if (bins > MAX_BINS) throw new KqlRuntimeError(ErrorCodes.RUN_LIMIT_EXCEEDED, `make-series would create ${bins} bins (at most ${MAX_BINS})`, node.step.span);
        const guard = ctx.guard;
        const groups = new Map<string, { key: unknown[]; bins: Map<number, Accumulator[]> }>();
        const groupKeyBytes = INDEX_ENTRY_BYTES + rowBytes(keys.length);
        const binBytes = INDEX_ENTRY_BYTES + rowBytes(aggregates.length) + ACCUMULATOR_BYTES * aggregates.length;
        table.rows.forEach((row, r) => {
          guard.tick(1);
          const bin = binOf(r);
          if (bin === undefined) return;
          const key = keys.map((k) => k(row, ctx));
          const hash = keyOfValues(key, time);
          let group = groups.get(hash);
          if (!group) {
            ctx.guard.charge(groupKeyBytes + 2 * hash.length, 'make-series', node.keywordSpan);
            groups.set(hash, (group = { key, bins: new Map() }));
          }
          let accs = group.bins.get(bin);
          if (!accs) {
            ctx.guard.charge(binBytes, 'make-series', node.keywordSpan);
            group.bins.set(bin, (accs = aggregates.map((a) => a.impl.create())));
          }
          for (let i = 0; i < aggregates.length; i++) accs[i].add(aggregates[i].args.map((e) => e(row, ctx)));
        });
        // Every key gets a full series per aggregate plus its axis: keys x bins x columns values in all, checked
        // against maxRows before any is built (60 keys over 950,400 one-second bins would be 114 million).
        const values = groups.size * bins * (aggregates.length + 1);
        if (values > guard.maxRows) {
          throw new KqlRuntimeError(
            ErrorCodes.RUN_LIMIT_EXCEEDED,
            `make-series would create ${fmt(values)} series values (${fmt(groups.size)} keys x ${fmt(bins)} bins x ${aggregates.length + 1} columns), more than the maxRows limit of ${fmt(guard.maxRows)}; use a larger step, a shorter range or fewer keys, or raise options.maxRows`,
            node.span,
          );
        }
        // The series: the axis once (a value of up to a datetime string each), then per key an array of
        // bins per aggregate plus the axis copy, charged before each key's arrays are built.
        guard.charge(rowBytes(bins) + AXIS_VALUE_BYTES * bins, 'make-series', node.keywordSpan);
        const groupBytes = rowBytes(columns.length) + (aggregates.length + 1) * rowBytes(bins);
        // One unit per value built: a single series can hold a million bins.
        const axisArray = Array.from({ length: bins }, (_, k) => (guard.tick(1), toDynamic(axisAt(k), axisType)));
        const rows: Row[] = [];
        for (const group of groups.values()) {
          guard.charge(groupBytes, 'make-series', node.keywordSpan);
          const series = aggregates.map((a, i) => Array.from({ length: bins }, (_, k) => {
            guard.tick(1);
            const accs = group.bins.get(k);
            if (!accs) return a.fallback;
            const v = accs[i].result()[0];
            return v === null || v === undefined ? a.fallback : toDynamic(v, a.type);
          }));
          guard.tick(bins);
          rows.push([...group.key, ...series, axisArray.slice()]);
        }
        return { columns, rows };
      },
    };
  },
};

/** An axis value: a number, or the datetime/timespan text a dynamic holds (about 28 characters). */
const AXIS_VALUE_BYTES = 72;

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** Smallest and largest number among the values (a loop: spreading a large array into Math.min overflows the stack). */
function numericRange(values: unknown[]): { min?: number; max?: number } {
  let min: number | undefined;
  let max: number | undefined;
  for (const v of values) {
    if (typeof v !== 'number') continue;
    if (min === undefined || v < min) min = v;
    if (max === undefined || v > max) max = v;
  }
  return { min, max };
}
