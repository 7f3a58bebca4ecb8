import type { KqlType } from '../../runtime/types.js';
import { isNumericType } from '../../runtime/types.js';
import { toDynamic } from '../../runtime/values.js';
import { castValue, fromDynamic } from '../convert.js';
import { defineScalar } from '../define.js';
import type { ArgInfo } from '../registry-types.js';
import { TDigest } from './tdigest-core.js';

/**
 * Scalars over tdigest sketches (src/functions/sketches/tdigest-core.ts). A value that is not a sketch gives
 * null (UNCERTAIN: Kusto's error). Percentiles are nearest-rank, as percentile() computes them.
 */

/** The percentile in the sketch's own type, or converted to the type literal's. */
function typedPercentile(d: TDigest, p: number, to: KqlType | undefined): unknown {
  const v = d.percentile(p);
  if (v === null) return null;
  return to === undefined ? toDynamic(v, d.type) : castValue(v, d.type, to);
}

export const percentile_tdigest = defineScalar({
  name: 'percentile_tdigest',
  description: 'The nearest-rank percentile from a tdigest sketch, as dynamic or as the type given by typeof(T).',
  overloads: [
    { params: ['dynamic', 'real'], result: 'dynamic', kernel: ([v, p]) => {
      const d = TDigest.fromDynamic(v);
      return d ? typedPercentile(d, Number(p), undefined) : null;
    } },
    { params: ['dynamic', 'real', 'type'], result: (args) => args[2].typeLiteral!, kernel: ([v, p], _ctx, info) => {
      const d = TDigest.fromDynamic(v);
      return d ? typedPercentile(d, Number(p), info[2].typeLiteral) : null;
    } },
  ],
});

function percentsFrom(vs: unknown[], info: ArgInfo[]): number[] | null {
  if (info[1].type === 'dynamic') {
    const arr = vs[1];
    if (!Array.isArray(arr) || arr.some((x) => typeof x !== 'number' && typeof x !== 'bigint')) return null;
    return arr.map(Number);
  }
  return vs.slice(1).map(Number);
}

export const percentiles_array_tdigest = defineScalar({
  name: 'percentiles_array_tdigest',
  description: 'An array of nearest-rank percentiles from a tdigest sketch (percentiles as arguments or one dynamic array).',
  overloads: [
    { params: ['dynamic', 'real'], rest: 'real', result: 'dynamic', kernel: (vs, _ctx, info) => arrayOf(vs, info) },
    { params: ['dynamic', 'dynamic'], result: 'dynamic', kernel: (vs, _ctx, info) => arrayOf(vs, info) },
  ],
});

function arrayOf(vs: unknown[], info: ArgInfo[]): unknown {
  const d = TDigest.fromDynamic(vs[0]);
  const ps = percentsFrom(vs, info);
  if (!d || !ps) return null;
  return ps.map((p) => typedPercentile(d, p, undefined));
}

/** The value as the sketch's type: numbers compare across int/long/real; dynamic values are read as it. */
function asDigestValue(v: unknown, from: KqlType, d: TDigest): unknown {
  if (from === 'dynamic') return fromDynamic(v, d.type);
  if (from === d.type) return v;
  if (isNumericType(from) && isNumericType(d.type)) return typeof v === 'bigint' && d.type === 'real' ? Number(v) : v;
  return null;
}

function rankOf(vs: unknown[], info: ArgInfo[], percent: boolean): number | null {
  const d = TDigest.fromDynamic(vs[0]);
  if (!d) return null;
  const v = asDigestValue(vs[1], info[1].type, d);
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) || !(d.total > 0)) return null;
  const r = d.rank(v);
  return percent ? (r * 100) / d.total : r;
}

export const percentrank_tdigest = defineScalar({
  name: 'percentrank_tdigest',
  description: 'The percentage of the values in a tdigest sketch that are less than or equal to the value.',
  overloads: [{ params: ['dynamic', 'any'], result: 'real', kernel: (vs, _ctx, info) => rankOf(vs, info, true) }],
});

export const rank_tdigest = defineScalar({
  name: 'rank_tdigest',
  description: 'The number (total weight) of the values in a tdigest sketch that are less than or equal to the value.',
  overloads: [{ params: ['dynamic', 'any'], result: 'real', kernel: (vs, _ctx, info) => rankOf(vs, info, false) }],
});

export const tdigest_merge_scalar = defineScalar({
  name: 'tdigest_merge',
  aliases: ['merge_tdigest'],
  description: 'Merges 2 to 16 tdigest sketches of one type into one (others are skipped).',
  overloads: [{
    params: ['dynamic', 'dynamic'], rest: 'dynamic', maxArgs: 16, result: 'dynamic', nulls: 'pass',
    kernel: (vs) => {
      let merged: TDigest | undefined;
      for (const v of vs) {
        const d = TDigest.fromDynamic(v);
        if (!d) continue;
        if (!merged) merged = d;
        else if (d.type === merged.type) merged.merge(d);
      }
      return merged ? merged.toDynamic() : null;
    },
  }],
});
