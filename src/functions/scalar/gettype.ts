import { defineScalar } from '../define.js';

/** gettype: the static type; for dynamic, the runtime kind (array, dictionary, int, long, real, string, bool, null). */
export const gettype = defineScalar({
  name: 'gettype',
  description: 'The type name of a value.',
  overloads: [{
    params: ['any'], result: 'string', nulls: 'pass',
    kernel: ([v], _c, info) => {
      const t = info[0].type;
      if (t !== 'dynamic') return t === 'bool' ? 'bool' : t;
      if (v === null || v === undefined) return 'null';
      if (Array.isArray(v)) return 'array';
      if (typeof v === 'object') return 'dictionary';
      if (typeof v === 'number') return Number.isInteger(v) ? (Math.abs(v) <= 2147483647 ? 'int' : 'long') : 'real';
      if (typeof v === 'bigint') return 'long'; // an integer beyond 2^53 (src/runtime/int64.ts)
      return typeof v === 'boolean' ? 'bool' : 'string';
    },
  }],
});
