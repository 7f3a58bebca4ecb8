import type { ScalarFunction } from '../registry-types.js';
import { convertTo, strictCommonType } from '../convert.js';
import { lessFor } from '../aggregates/min.js';

/** max_of/min_of: nulls are ignored; all arguments need a common type (numbers widen). */
function extremeOf(name: 'max_of' | 'min_of', wantMax: boolean): ScalarFunction {
  return {
    name, minArgs: 2, maxArgs: 64,
    description: `The ${wantMax ? 'largest' : 'smallest'} of the arguments, ignoring nulls.`,
    bind(args) {
      if (args.length < 2) return { error: `The function '${name}' expects at least 2 arguments.` };
      const type = strictCommonType(args.map((a) => a.type));
      if (!type || type === 'dynamic' || type === 'guid') {
        const bad = args.findIndex((a, i) => i > 0 && strictCommonType([args[0].type, a.type]) === undefined);
        return { error: `The arguments of '${name}' must share one orderable type.`, argIndex: bad > 0 ? bad : 0 };
      }
      const types = args.map((a) => a.type);
      // Datetimes and timespans are milliseconds or ticks (src/runtime/ticks.ts): ordered by their own <.
      const less = lessFor(type);
      return {
        type,
        call(values) {
          let best: unknown = null;
          values.forEach((raw, i) => {
            const v = convertTo(raw, types[i], type);
            if (v === null || v === undefined) return;
            if (best === null || (wantMax ? less(best, v) : less(v, best))) best = v;
          });
          return best ?? (type === 'string' ? '' : null);
        },
      };
    },
  };
}

export const max_of = extremeOf('max_of', true);
export const min_of = extremeOf('min_of', false);
