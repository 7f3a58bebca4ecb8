import type { ScalarFunction } from '../registry-types.js';
import { strictCommonType } from '../convert.js';

/**
 * coalesce(a, b, ...): the first argument that is not null (for strings: not empty).
 * All arguments need one common type (numeric types widen), as the official analyzer requires.
 */
export const coalesce: ScalarFunction = {
  name: 'coalesce',
  minArgs: 2,
  maxArgs: 64,
  description: 'Returns the first non-null (for strings, non-empty) argument.',
  bind(args) {
    if (args.length < 2 || args.length > 64) return { error: `The function 'coalesce' expects between 2 and 64 arguments, got ${args.length}.` };
    const type = strictCommonType(args.map((a) => a.type));
    if (!type) {
      const bad = args.findIndex((a, i) => i > 0 && strictCommonType([args[0].type, a.type]) === undefined);
      return { error: `The arguments of 'coalesce' must have one common type; got ${args.map((a) => a.type).join(', ')}.`, argIndex: bad > 0 ? bad : undefined };
    }
    const empty = type === 'string' ? '' : null;
    return {
      type,
      call(values) {
        for (const v of values) if (v !== null && v !== undefined && v !== '') return v;
        return empty;
      },
    };
  },
};
