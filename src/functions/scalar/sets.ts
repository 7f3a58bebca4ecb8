import { dynamicKey, type DynamicValue } from '../../runtime/values.js';
import { defineScalar } from '../define.js';

const distinct = (xs: DynamicValue[]) => {
  const seen = new Set<string>();
  return xs.filter((x) => { const k = dynamicKey(x); return seen.has(k) ? false : (seen.add(k), true); });
};
const keys = (xs: DynamicValue[]) => new Set(xs.map(dynamicKey));
const setFn = (name: string, description: string, op: (arrays: DynamicValue[][]) => DynamicValue[]) => defineScalar({
  name, description,
  overloads: [{
    params: ['dynamic', 'dynamic'], rest: 'dynamic', result: 'dynamic',
    kernel: (vs) => (vs.every(Array.isArray) ? op(vs as DynamicValue[][]) : null),
  }],
});

/** Distinct elements, first-seen order; any argument that is not an array gives null. */
export const set_union = setFn('set_union', 'Distinct union of dynamic arrays.', (as) => distinct(as.flat(1)));
export const set_intersect = setFn('set_intersect', 'Distinct elements present in every array.', ([first, ...rest]) => {
  const others = rest.map(keys);
  return distinct(first).filter((x) => others.every((s) => s.has(dynamicKey(x))));
});
export const set_difference = setFn('set_difference', 'Distinct elements of the first array that are in none of the others.', ([first, ...rest]) => {
  const others = rest.map(keys);
  return distinct(first).filter((x) => !others.some((s) => s.has(dynamicKey(x))));
});
