import type { DynamicValue } from '../../runtime/values.js';
import { defineScalar } from '../define.js';

/**
 * array_split(array, index) (array-split-function.md): the array cut before each index (an integer or an
 * array of integers); negative indexes count from the end. Returns N+1 arrays.
 * UNCERTAIN (not in the docs): indexes are clamped to 0..length, and an index before the previous one cuts
 * at the previous one (an empty piece); a non-integer element of the index array is ignored; not an array -> null.
 */
function split(a: DynamicValue[], indexes: number[]): DynamicValue[][] {
  const len = a.length;
  const out: DynamicValue[][] = [];
  let start = 0;
  for (const raw of indexes) {
    let i = Math.trunc(raw);
    if (i < 0) i += len;
    i = Math.min(Math.max(i, start), len);
    out.push(a.slice(start, i));
    start = i;
  }
  out.push(a.slice(start));
  return out;
}

function indexList(v: unknown): number[] | undefined {
  if (typeof v === 'number') return [v];
  if (typeof v === 'bigint') return [Number(v)];
  if (!Array.isArray(v)) return undefined;
  const out: number[] = [];
  for (const e of v) {
    if (typeof e === 'number' && Number.isFinite(e)) out.push(e);
    else if (typeof e === 'bigint') out.push(Number(e));
  }
  return out;
}

export const array_split = defineScalar({
  name: 'array_split',
  description: 'Splits a dynamic array at the given index or indexes into an array of arrays.',
  overloads: [
    { params: ['dynamic', 'integer'], result: 'dynamic', kernel: ([a, i]) => (Array.isArray(a) ? split(a as DynamicValue[], indexList(i)!) : null) },
    {
      params: ['dynamic', 'dynamic'], result: 'dynamic',
      kernel: ([a, i]) => {
        const idx = indexList(i);
        return Array.isArray(a) && idx ? split(a as DynamicValue[], idx) : null;
      },
    },
  ],
});
