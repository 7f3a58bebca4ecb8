/**
 * series_add / series_subtract / series_multiply / series_divide (series-add-function.md and siblings):
 * element-wise arithmetic of two numeric arrays, or of an array and a number (applied to every element).
 * A non-numeric or missing element (arrays of different lengths) gives a null element; division is real
 * division (x / 0 is +-Infinity or NaN).
 */
import { defineScalar, type Overload } from '../define.js';

type Op = (a: number, b: number) => number;

/** A side of the operation: an array, a number applied to every element, or nothing usable (null). */
function side(v: unknown): unknown[] | number | null {
  if (Array.isArray(v)) return v;
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null;
}

function elementwise(name: string, verb: string, op: Op) {
  const kernel: Overload['kernel'] = ([x, y]) => {
    const a = side(x);
    const b = side(y);
    const length = Math.max(Array.isArray(a) ? a.length : 0, Array.isArray(b) ? b.length : 0);
    const at = (s: unknown[] | number | null, i: number): number | null => {
      if (typeof s === 'number') return s;
      const e = s?.[i];
      return typeof e === 'number' ? e : typeof e === 'bigint' ? Number(e) : null; // a bigint as the nearest double
    };
    const out: (number | null)[] = new Array(length);
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
    description: `Element-wise ${verb} of two numeric series (or a series and a number).`,
    overloads: [
      { params: ['dynamic', 'dynamic'], ...common },
      { params: ['dynamic', 'number'], ...common },
      { params: ['number', 'dynamic'], ...common },
    ],
  });
}

export const series_add = elementwise('series_add', 'addition', (a, b) => a + b);
export const series_subtract = elementwise('series_subtract', 'subtraction', (a, b) => a - b);
export const series_multiply = elementwise('series_multiply', 'multiplication', (a, b) => a * b);
export const series_divide = elementwise('series_divide', 'division', (a, b) => a / b);
