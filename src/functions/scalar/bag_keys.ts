import { isPlainObject } from '../../runtime/values.js';
import { defineScalar } from '../define.js';

export const bag_keys = defineScalar({
  name: 'bag_keys',
  description: 'The keys of a dynamic property bag, as an array; null when not a bag.',
  overloads: [{ params: ['dynamic'], result: 'dynamic', kernel: ([v]) => (isPlainObject(v) ? Object.keys(v) : null) }],
});
