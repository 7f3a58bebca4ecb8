import type { KqlType } from '../../runtime/types.js';
import type { Accumulator } from '../registry-types.js';
import { defineAggregate, isMissing } from '../aggregate-define.js';

/** Numbers average to real; timespans and datetimes keep their type (as the analyzer reports). */
export function avgType(t: KqlType): KqlType {
  return t === 'timespan' || t === 'datetime' || t === 'decimal' ? t : 'real';
}

export function averager(withPredicate: boolean): () => Accumulator {
  return () => {
    let total = 0, n = 0;
    return {
      add([v, p]) {
        if (withPredicate && p !== true) return;
        // A long beyond 2^53 (a bigint) adds as the nearest double: the average is a real.
        if (!isMissing(v)) { total += typeof v === 'bigint' ? Number(v) : (v as number); n++; }
      },
      result: () => [n === 0 ? null : total / n],
    };
  };
}

export const avg = defineAggregate({
  name: 'avg',
  description: 'Average of the non-null values.',
  params: ['number'],
  alternatives: [['timespan'], ['datetime']],
  outputs: (args) => [{ type: avgType(args[0].type) }],
  create: () => averager(false),
});
