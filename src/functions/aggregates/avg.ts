import type { KqlType } from '../../runtime/types.js';
import type { Accumulator } from '../registry-types.js';
import { defineAggregate, isMissing } from '../aggregate-define.js';
import { divTime, fromTicks, toTicks, type TimeValue } from '../../runtime/ticks.js';

/** Numbers average to real; timespans and datetimes keep their type (as the analyzer reports). */
export function avgType(t: KqlType): KqlType {
  return t === 'timespan' || t === 'datetime' || t === 'decimal' ? t : 'real';
}

export function averager(withPredicate: boolean, type?: KqlType): () => Accumulator {
  if (type === 'datetime' || type === 'timespan') return timeAverager(withPredicate);
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

/**
 * The average of datetimes or timespans (src/runtime/ticks.ts), rounded to the nearest tick: whole
 * milliseconds add up in a double; once a value with sub-millisecond ticks arrives, the total is kept in exact
 * ticks.
 */
function timeAverager(withPredicate: boolean): () => Accumulator {
  return () => {
    let total = 0, n = 0;
    let ticks: bigint | undefined;
    return {
      add([v, p]) {
        if (withPredicate && p !== true) return;
        if (isMissing(v)) return;
        n++;
        if (ticks === undefined && typeof v === 'number') total += v;
        else ticks = (ticks ?? BigInt(total) * 10000n) + toTicks(v as TimeValue);
      },
      result: () => [n === 0 ? null : divTime(ticks === undefined ? total : fromTicks(ticks), n)],
    };
  };
}

export const avg = defineAggregate({
  name: 'avg',
  description: 'Average of the non-null values.',
  params: ['number'],
  alternatives: [['timespan'], ['datetime']],
  outputs: (args) => [{ type: avgType(args[0].type) }],
  create: (args) => averager(false, args[0].type),
});
