/**
 * Filling missing values of a series (series-fill-linear/-forward/-backward/-const-function.md).
 * A missing value is an element equal to the placeholder; with the default placeholder (null) it is a null
 * or any non-numeric element. Other elements are kept as they are.
 * Difference from Kusto: dynamic numbers here carry no int/real distinction, so series_fill_linear
 * interpolates arrays of integers exactly (73.5) where Kusto rounds them toward zero (73).
 */
import { defineScalar } from '../define.js';
import type { DynamicValue } from '../../runtime/values.js';

function missingTest(placeholder: unknown): (e: unknown) => boolean {
  return placeholder === null || placeholder === undefined
    ? (e) => typeof e !== 'number' && typeof e !== 'bigint' // a bigint is an integer beyond 2^53
    : (e) => e === placeholder;
}

export const series_fill_linear = defineScalar({
  name: 'series_fill_linear',
  description: 'Linearly interpolates missing values of a numeric series; edges take the nearest value unless fill_edges is false.',
  overloads: [{
    params: ['dynamic', 'number', 'bool', 'number'],
    optional: 3,
    result: 'dynamic',
    nulls: 'pass',
    kernel([v, placeholder, fillEdges, constant]) {
      if (!Array.isArray(v)) return null;
      const missing = missingTest(placeholder);
      const out = [...v] as DynamicValue[];
      const known: number[] = [];
      for (let i = 0; i < out.length; i++) if (!missing(out[i]) && (typeof out[i] === 'number' || typeof out[i] === 'bigint')) known.push(i);
      if (known.length === 0) {
        const c = constant === undefined ? 0 : (constant as number | null);
        return c === null ? out : out.map(() => c);
      }
      for (let k = 0; k + 1 < known.length; k++) {
        const a = known[k];
        const b = known[k + 1];
        const ya = Number(out[a]);
        const yb = Number(out[b]);
        for (let i = a + 1; i < b; i++) out[i] = ya + ((yb - ya) * (i - a)) / (b - a);
      }
      if (fillEdges !== false) {
        const first = known[0];
        const last = known[known.length - 1];
        for (let i = 0; i < first; i++) out[i] = out[first];
        for (let i = last + 1; i < out.length; i++) out[i] = out[last];
      }
      return out;
    },
  }],
});

function fillDirectional(name: string, forward: boolean) {
  return defineScalar({
    name,
    description: forward
      ? 'Replaces missing values of a series with the last value before them (leading missing values stay).'
      : 'Replaces missing values of a series with the next value after them (trailing missing values stay).',
    overloads: [{
      params: ['dynamic', 'number'],
      optional: 1,
      result: 'dynamic',
      nulls: 'pass',
      kernel([v, placeholder]) {
        if (!Array.isArray(v)) return null;
        const missing = missingTest(placeholder);
        const out = [...v] as DynamicValue[];
        let carry: DynamicValue | undefined;
        for (let j = 0; j < out.length; j++) {
          const i = forward ? j : out.length - 1 - j;
          if (missing(out[i])) {
            if (carry !== undefined) out[i] = carry;
          } else {
            carry = out[i];
          }
        }
        return out;
      },
    }],
  });
}

export const series_fill_forward = fillDirectional('series_fill_forward', true);
export const series_fill_backward = fillDirectional('series_fill_backward', false);

export const series_fill_const = defineScalar({
  name: 'series_fill_const',
  description: 'Replaces missing values of a series with a constant.',
  overloads: [{
    params: ['dynamic', 'number', 'number'],
    optional: 1,
    result: 'dynamic',
    nulls: 'pass',
    kernel([v, constant, placeholder]) {
      if (!Array.isArray(v)) return null;
      const missing = missingTest(placeholder);
      const c = (constant ?? null) as number | null;
      return v.map((e: DynamicValue) => (missing(e) ? c : e));
    },
  }],
});
