/**
 * array_rotate_left/right(array, count) and array_shift_left/right(array, count[, default])
 * (array-rotate-*-function.md, array-shift-*-function.md). A negative count goes the other way. Not an
 * array -> null.
 */
import type { KqlType } from '../../runtime/types.js';
import { toDynamic, type DynamicValue } from '../../runtime/values.js';
import type { ArgInfo } from '../registry-types.js';
import { defineScalar } from '../define.js';

/** The array rotated left by n places (n may be negative or larger than the length). */
function rotateLeft(a: DynamicValue[], n: number): DynamicValue[] {
  const len = a.length;
  if (len === 0 || !Number.isFinite(n)) return a.slice();
  const k = ((Math.trunc(n) % len) + len) % len;
  return a.slice(k).concat(a.slice(0, k));
}

const rotator = (name: string, direction: 1 | -1) => defineScalar({
  name,
  description: `Rotates the elements of a dynamic array ${direction === 1 ? 'left' : 'right'} by a number of positions (negative rotates the other way).`,
  overloads: [{
    params: ['dynamic', 'integer'], result: 'dynamic',
    kernel: ([a, n]) => (Array.isArray(a) ? rotateLeft(a as DynamicValue[], direction * (n as number)) : null),
  }],
});

export const array_rotate_left = rotator('array_rotate_left', 1);
export const array_rotate_right = rotator('array_rotate_right', -1);

/**
 * The filler when no default is given: the docs say "null or an empty string depending on the type of
 * elements". UNCERTAIN: "" when every non-null element is a string (and there is at least one), else null.
 */
function implicitFiller(a: DynamicValue[]): DynamicValue {
  let strings = false;
  for (const e of a) {
    if (e === null) continue;
    if (typeof e !== 'string') return null;
    strings = true;
  }
  return strings ? '' : null;
}

/** The array shifted left by n places (right when negative), vacated places holding `fill`; same length. */
function shiftLeft(a: DynamicValue[], n: number, fill: DynamicValue): DynamicValue[] {
  const len = a.length;
  const k = Number.isFinite(n) ? Math.trunc(n) : n > 0 ? len : -len;
  return Array.from({ length: len }, (_, i) => {
    const j = i + k;
    return j >= 0 && j < len ? a[j] : fill;
  });
}

const shifter = (name: string, direction: 1 | -1) => defineScalar({
  name,
  description: `Shifts the elements of a dynamic array ${direction === 1 ? 'left' : 'right'} by a number of positions, filling vacated places with a default value (null by default).`,
  overloads: [{
    params: ['dynamic', 'integer', 'any'], optional: 1, result: 'dynamic', nulls: 'pass',
    kernel: ([a, n, fill], _ctx, info: ArgInfo[]) => {
      if (!Array.isArray(a) || n === null || n === undefined) return null;
      const arr = a as DynamicValue[];
      const filler = info.length > 2 ? toDynamic(fill, info[2].type as KqlType) : implicitFiller(arr);
      return shiftLeft(arr, direction * (n as number), filler);
    },
  }],
});

export const array_shift_left = shifter('array_shift_left', 1);
export const array_shift_right = shifter('array_shift_right', -1);
