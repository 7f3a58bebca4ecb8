/**
 * Scalar functions that produce several result columns (series_fit_line, series_stats, series_decompose,
 * series_decompose_anomalies, series_periods_detect). Their ScalarImpl carries `columns` (one suffix and type
 * per column) and `call` returns one value per column; the binder names the columns (`extend (a, b) = f(x)`,
 * or `<function>_<argument>_<suffix>` when unnamed) and `type` is the first column's type.
 */
import type { KqlType } from '../../runtime/types.js';
import { resolve, type Overload, type ParamKind } from '../define.js';
import type { ArgInfo, BindFailure, EvalContext, ScalarFunction, ScalarImpl } from '../registry-types.js';

export interface ResultColumn {
  suffix: string;
  type: KqlType;
}

export type MultiColumnImpl = ScalarImpl & { columns: ResultColumn[] };

export interface MultiColumnSpec {
  name: string;
  description: string;
  params: ParamKind[];
  /** How many trailing params are optional. */
  optional?: number;
  columns: ResultColumn[];
  /** Check constant arguments at bind time; return an error to reject. */
  check?(args: ArgInfo[]): BindFailure | undefined;
  /** One value per column, always (null values when the input is not usable). Arguments may be null. */
  kernel(args: unknown[], ctx: EvalContext): unknown[];
}

export function defineMultiColumn(spec: MultiColumnSpec): ScalarFunction {
  const overload: Overload = {
    params: spec.params,
    optional: spec.optional,
    result: spec.columns[0].type,
    nulls: 'pass',
    check: spec.check,
    kernel: () => null,
  };
  return {
    name: spec.name,
    description: spec.description,
    minArgs: spec.params.length - (spec.optional ?? 0),
    maxArgs: spec.params.length,
    bind(args): MultiColumnImpl | BindFailure {
      const o = resolve(spec.name, [overload], args);
      if ('error' in o) return o;
      const columns = spec.columns.map((c) => ({ ...c }));
      return { type: columns[0].type, columns, call: (values, ctx) => spec.kernel(values, ctx) };
    },
  };
}

/** An optional numeric argument, or its default when absent or null. */
export function numberArg(v: unknown, fallback: number): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : fallback; // a long beyond 2^53 as a double
}

/** An optional string argument, or its default when absent or empty. */
export function stringArg(v: unknown, fallback: string): string {
  return typeof v === 'string' && v !== '' ? v : fallback;
}
