import type { KqlType } from '../../runtime/types.js';
import type { Accumulator, ArgInfo, BindFailure } from '../registry-types.js';
import { defineAggregate, isMissing } from '../aggregate-define.js';
import { ORDERABLE, lessFor } from './min.js';

/**
 * percentile(x, p) / percentiles(x, p1, p2, ...): the nearest-rank percentile of the non-null values
 * (percentiles-aggregation-function.md: "the specified nearest-rank percentile"). Kusto estimates with
 * T-Digest; we compute it exactly: sort, then take the value at rank ceil(p/100 * n) (at least 1).
 * The result keeps the argument's type (int widens to long, as the analyzer reports). Empty group: null.
 */
export function nearestRank(sorted: unknown[], p: number): unknown {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

/** int -> long and decimal -> real (analyzer); other types keep theirs. */
export function resultType(t: KqlType): KqlType {
  return t === 'int' ? 'long' : t === 'decimal' ? 'real' : t;
}

/** Percent text for a column name: 50 -> 50, 99.9 -> 99_9. */
export function percentText(a: ArgInfo | undefined): string {
  const v = a?.constant?.value;
  return typeof v === 'number' ? String(v).replace('.', '_') : '';
}

export function checkPercents(args: ArgInfo[]): BindFailure | undefined {
  for (let i = 1; i < args.length; i++) {
    const v = args[i].constant?.value;
    if (typeof v === 'number' && (v < 0 || v > 100 || Number.isNaN(v))) {
      return { error: `The percentile must be between 0 and 100, got ${v}.`, argIndex: i };
    }
  }
  return undefined;
}

function collector(percents: (values: unknown[]) => number[], outputs: number, type: KqlType): () => Accumulator {
  const less = lessFor(type);
  return () => {
    const values: unknown[] = [];
    let ps: number[] | undefined;
    return {
      add(args) {
        ps ??= percents(args);
        const v = args[0];
        if (isMissing(v) || (typeof v === 'number' && Number.isNaN(v))) return;
        values.push(v);
      },
      result() {
        if (!ps) return new Array<unknown>(outputs).fill(null);
        const sorted = values.slice().sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
        return ps.map((p) => nearestRank(sorted, p));
      },
    };
  };
}

const name = (a: ArgInfo, p: ArgInfo | undefined) => `percentile_${a.columnName ?? ''}_${percentText(p)}`;

export const percentile = defineAggregate({
  name: 'percentile',
  description: 'Nearest-rank percentile of the non-null values (exact here; a T-Digest estimate in Kusto).',
  params: ['number', 'real'],
  alternatives: ORDERABLE.slice(1).map((k) => [...k, 'real']),
  check: checkPercents,
  defaultName: (args) => name(args[0], args[1]),
  outputs: (args) => [{ type: resultType(args[0].type) }],
  create: (args) => collector((vs) => [vs[1] as number], 1, args[0].type),
});

export const percentiles = defineAggregate({
  name: 'percentiles',
  description: 'Nearest-rank percentiles of the non-null values, one column per percentile.',
  params: ['number', 'real'], rest: 'real',
  alternatives: ORDERABLE.slice(1).map((k) => [...k, 'real']),
  constants: [1],
  check: (args) => {
    for (let i = 1; i < args.length; i++) {
      if (!args[i].constant) return { error: 'The percentiles of percentiles() must be constants.', argIndex: i };
    }
    return checkPercents(args);
  },
  defaultName: (args) => name(args[0], args[1]),
  outputs: (args) => args.slice(1).map((p) => ({ name: name(args[0], p), type: resultType(args[0].type) })),
  create: (args) => collector((vs) => vs.slice(1) as number[], args.length - 1, args[0].type),
});
