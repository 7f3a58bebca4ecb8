/**
 * Shared helper for aggregates: argument checking (reusing the scalar overload rules) and default naming.
 * Default names follow the official analyzer: prefix + '_' + the argument's column name, or prefix + '_'
 * when the argument is not a plain column (sum(x) -> sum_x, sum(x+1) -> sum_, count() -> count_).
 */
import type { KqlType } from '../runtime/types.js';
import type { Accumulator, AggregateFunction, AggregateImpl, ArgInfo, BindFailure } from './registry-types.js';
import { resolve, type ParamKind } from './define.js';

export interface AggregateSpec {
  name: string;
  aliases?: string[];
  description: string;
  /** Accepted argument kinds; `optional` trailing ones may be left out. */
  params: ParamKind[];
  /** Further accepted signatures of the same length (e.g. sum over real or timespan). */
  alternatives?: ParamKind[][];
  optional?: number;
  rest?: ParamKind;
  constants?: number[];
  defaultName?(args: ArgInfo[]): string;
  /** Prefix for the default name (default: the function name). */
  prefix?: string;
  check?(args: ArgInfo[]): BindFailure | undefined;
  outputs(args: ArgInfo[]): { name?: string; type: KqlType }[];
  create(args: ArgInfo[]): () => Accumulator;
}

export function defineAggregate(spec: AggregateSpec): AggregateFunction {
  const min = spec.params.length - (spec.optional ?? 0);
  const max = spec.rest ? Infinity : spec.params.length;
  const prefix = spec.prefix ?? spec.name;
  return {
    name: spec.name,
    aliases: spec.aliases,
    description: spec.description,
    minArgs: min,
    maxArgs: max,
    defaultName: spec.defaultName ?? ((args) => `${prefix}_${args[0]?.columnName ?? ''}`),
    bind(args): AggregateImpl | BindFailure {
      const o = resolve(spec.name, [spec.params, ...(spec.alternatives ?? [])].map((params) => ({
        params, optional: spec.optional, rest: spec.rest, maxArgs: max, constants: spec.constants,
        result: 'bool' as const, kernel: () => null,
      })), args);
      if ('error' in o) return o;
      const bad = spec.check?.(args);
      if (bad) return bad;
      return { outputs: spec.outputs(args), create: spec.create(args) };
    },
  };
}

export const isMissing = (v: unknown): boolean => v === null || v === undefined;

/** An optional constant size argument (make_set's maxSize); default 1048576. */
export function sizeLimit(args: ArgInfo[], index: number): number {
  const raw = args[index]?.constant?.value;
  const v = typeof raw === 'bigint' ? Number(raw) : raw; // a long beyond 2^53
  return typeof v === 'number' && v > 0 ? v : 1048576;
}

/** The result of a row-returning aggregate over an empty group: null per output ("" for strings). */
export function emptyRow(args: ArgInfo[]): unknown[] {
  return args.map((a) => (a.type === 'string' ? '' : null));
}
