import type { KqlType } from '../../runtime/types.js';
import { toDynamic } from '../../runtime/values.js';
import type { Accumulator, ArgInfo, BindFailure } from '../registry-types.js';
import type { ParamKind } from '../define.js';
import { defineAggregate, isMissing } from '../aggregate-define.js';
import { ORDERABLE, lessFor } from './min.js';
import { checkPercents, percentText, resultType } from './percentile.js';

/**
 * The weighted and array forms of percentile(): percentilew, percentilesw (one column per percentile),
 * percentiles_array and percentilesw_array (one dynamic array). Same nearest-rank definition as percentile.ts,
 * each value counted `weight` times: rank = ceil(p/100 * total weight), at least 1. Rows with a null value
 * are skipped; so are rows whose weight is null or not positive (UNCERTAIN: Kusto's handling of those).
 */

/** The nearest-rank value of sorted values with weights (cumulative weight reaching the rank). */
export function weightedNearestRank(values: unknown[], weights: number[], total: number, p: number): unknown {
  if (values.length === 0 || total <= 0) return null;
  const rank = Math.min(total, Math.max(1, Math.ceil((p / 100) * total)));
  let cum = 0;
  for (let i = 0; i < values.length; i++) {
    cum += weights[i];
    if (cum >= rank) return values[i];
  }
  return values[values.length - 1];
}

/** An accumulator of (value, weight); `weightAt` is the weight argument's index, or -1 for weight 1. */
function weightedCollector(type: KqlType, weightAt: number, percents: number[], asArray: boolean): () => Accumulator {
  const less = lessFor(type);
  const out = resultType(type);
  return () => {
    const values: unknown[] = [];
    const weights: number[] = [];
    return {
      add(args) {
        const v = args[0];
        if (isMissing(v) || (typeof v === 'number' && Number.isNaN(v))) return;
        let w = 1;
        if (weightAt >= 0) {
          const raw = args[weightAt];
          if (isMissing(raw)) return;
          w = Number(raw);
          if (!(w > 0)) return;
        }
        values.push(v);
        weights.push(w);
      },
      result() {
        const order = values.map((_, i) => i).sort((a, b) => (less(values[a], values[b]) ? -1 : less(values[b], values[a]) ? 1 : a - b));
        const vs = order.map((i) => values[i]);
        const ws = order.map((i) => weights[i]);
        const total = ws.reduce((a, b) => a + b, 0);
        const results = percents.map((p) => weightedNearestRank(vs, ws, total, p));
        return asArray ? [results.map((r) => toDynamic(r, out))] : results;
      },
    };
  };
}

/** The percentiles of the arguments from `from` on: constants, or one constant dynamic array of numbers. */
function percentsOf(args: ArgInfo[], from: number): number[] {
  const first = args[from]?.constant?.value;
  if (args[from]?.type === 'dynamic') return (Array.isArray(first) ? first : []).map(Number);
  return args.slice(from).map((a) => Number(a.constant?.value));
}

function checkConstantPercents(args: ArgInfo[], from: number, allowArray: boolean): BindFailure | undefined {
  for (let i = from; i < args.length; i++) {
    if (!args[i].constant) return { error: 'The percentiles must be constants.', argIndex: i };
    if (args[i].type === 'dynamic') {
      const v = args[i].constant!.value;
      if (!allowArray || i !== from || args.length !== from + 1) return { error: 'A dynamic array of percentiles must be the only percentile argument.', argIndex: i };
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !(x >= 0 && x <= 100))) {
        return { error: 'The percentiles must be an array of numbers between 0 and 100.', argIndex: i };
      }
    }
  }
  const shifted = [args[0], ...args.slice(from)];
  return checkPercents(shifted.map((a, i) => (i > 0 && a.type === 'dynamic' ? { ...a, constant: undefined } : a)));
}

const withTail = (kinds: ParamKind[][], tail: ParamKind[]): ParamKind[][] => kinds.map((k) => [...k, ...tail]);
const single = (a: ArgInfo, p: ArgInfo | undefined) => `percentile_${a.columnName ?? ''}_${percentText(p)}`;

export const percentilew = defineAggregate({
  name: 'percentilew',
  description: 'Weighted nearest-rank percentile: each value counts as many times as its weight.',
  params: ['number', 'integer', 'real'],
  alternatives: withTail(ORDERABLE.slice(1), ['integer', 'real']),
  constants: [2],
  check: (args) => checkConstantPercents(args, 2, false),
  defaultName: (args) => single(args[0], args[2]),
  outputs: (args) => [{ type: resultType(args[0].type) }],
  create: (args) => weightedCollector(args[0].type, 1, percentsOf(args, 2), false),
});

export const percentilesw = defineAggregate({
  name: 'percentilesw',
  description: 'Weighted nearest-rank percentiles, one column per percentile.',
  params: ['number', 'integer', 'real'], rest: 'real',
  alternatives: withTail(ORDERABLE.slice(1), ['integer', 'real']),
  check: (args) => checkConstantPercents(args, 2, false),
  defaultName: (args) => single(args[0], args[2]),
  outputs: (args) => args.slice(2).map((p) => ({ name: single(args[0], p), type: resultType(args[0].type) })),
  create: (args) => weightedCollector(args[0].type, 1, percentsOf(args, 2), false),
});

function arrayForm(name: 'percentiles_array' | 'percentilesw_array', weighted: boolean) {
  const head: ParamKind[] = weighted ? ['integer'] : [];
  const from = weighted ? 2 : 1;
  const kinds: ParamKind[][] = [['number'], ...ORDERABLE.slice(1)];
  return defineAggregate({
    name,
    prefix: 'percentiles',
    description: `${weighted ? 'Weighted n' : 'N'}earest-rank percentiles as one dynamic array (the percentiles as arguments or one dynamic array).`,
    params: ['number', ...head, 'real'], rest: 'real',
    alternatives: [...withTail(ORDERABLE.slice(1), [...head, 'real']), ...withTail(kinds, [...head, 'dynamic'])],
    check: (args) => checkConstantPercents(args, from, true),
    outputs: () => [{ type: 'dynamic' }],
    create: (args) => weightedCollector(args[0].type, weighted ? 1 : -1, percentsOf(args, from), true),
  });
}

export const percentiles_array = arrayForm('percentiles_array', false);
export const percentilesw_array = arrayForm('percentilesw_array', true);
