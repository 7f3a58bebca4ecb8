import { toDynamic } from '../../runtime/values.js';
import { defineScalar } from '../define.js';

export const pack_array = defineScalar({
  name: 'pack_array',
  description: 'Packs the arguments into a dynamic array.',
  overloads: [{
    params: ['any'], rest: 'any', maxArgs: Infinity, result: 'dynamic', nulls: 'pass', // the analyzer takes any number
    kernel: (vs, _c, info) => vs.map((v, i) => toDynamic(v, info[i].type)),
  }],
});
