/**
 * The shared shape of the element-wise series_* functions (series-abs-function.md, series-pow-function.md,
 * series-greater-function.md and siblings): a unary function maps every element of one numeric array, a binary
 * one combines two arrays (or an array and a number applied to every element). A non-numeric element, or a
 * missing one when the arrays differ in length, gives a null element.
 */
import { defineScalar, type Overload } from '../define.js';
import type { ScalarFunction } from '../registry-types.js';

/** A dynamic array element as a number (an integer beyond 2^53 as the nearest double), or null. */
export function numericElement(e: unknown): number | null {
  return typeof e === 'number' ? e : typeof e === 'bigint' ? Number(e) : null;
}

/** `series_<name>(series)`: `fn` applied to every numeric element. */
export function seriesUnary(name: string, description: string, fn: (x: number) => number | boolean): ScalarFunction {
  return defineScalar({
    name,
    description,
    overloads: [{
      params: ['dynamic'],
      result: 'dynamic',
      nulls: 'pass',
      kernel([v]) {
        if (!Array.isArray(v)) return null;
        return v.map((e) => {
          const x = numericElement(e);
          return x === null ? null : fn(x);
        });
      },
    }],
  });
}

/** A side of a binary operation: an array, a number applied to every element, or nothing usable (null). */
function side(v: unknown): unknown[] | number | null {
  return Array.isArray(v) ? v : numericElement(v);
}

function at(s: unknown[] | number | null, i: number): number | null {
  return typeof s === 'number' ? s : s === null ? null : numericElement(s[i]);
}

/** `series_<name>(series1, series2)` with a number allowed on either side (not both). */
export function seriesBinary(name: string, description: string, op: (a: number, b: number) => number | boolean): ScalarFunction {
  const kernel: Overload['kernel'] = ([x, y]) => {
    const a = side(x);
    const b = side(y);
    const length = Math.max(Array.isArray(a) ? a.length : 0, Array.isArray(b) ? b.length : 0);
    const out: (number | boolean | null)[] = new Array(length);
    for (let i = 0; i < length; i++) {
      const l = at(a, i);
      const r = at(b, i);
      out[i] = l === null || r === null ? null : op(l, r);
    }
    return out;
  };
  const common = { result: 'dynamic' as const, nulls: 'pass' as const, kernel };
  return defineScalar({
    name,
    description,
    overloads: [
      { params: ['dynamic', 'dynamic'], ...common },
      { params: ['dynamic', 'number'], ...common },
      { params: ['number', 'dynamic'], ...common },
    ],
  });
}
