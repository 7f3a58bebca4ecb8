import type { KqlType } from '../../runtime/types.js';
import { MS_PER_HOUR } from '../../runtime/datetime.js';
import { addTime, compareTime, mulTime, signTime, type TimeValue } from '../../runtime/ticks.js';
import { toDynamic, type DynamicValue } from '../../runtime/values.js';
import { defineScalar } from '../define.js';
import type { EvalContext } from '../registry-types.js';

/** The docs' cap on the number of values; a longer series is truncated. */
export const MAX_RANGE_VALUES = 1_048_576;

/**
 * The values start, start + step, ... while they do not pass stop (counting down for a negative step).
 * A zero or non-finite step gives null: the series would never reach stop.
 */
function series(start: number, stop: number, step: number, type: KqlType): DynamicValue {
  if (!Number.isFinite(step) || step === 0 || !Number.isFinite(start) || !Number.isFinite(stop)) return null;
  const out: DynamicValue[] = [];
  for (let i = 0; out.length < MAX_RANGE_VALUES; i++) {
    const v = start + i * step;
    if (step > 0 ? v > stop : v < stop) break;
    out.push(toDynamic(v, type));
  }
  return out;
}

/** The same over datetimes or timespans, exactly to the tick (src/runtime/ticks.ts). */
function timeSeries(start: TimeValue, stop: TimeValue, step: TimeValue, type: KqlType): DynamicValue {
  const sign = signTime(step);
  if (sign === 0) return null;
  const out: DynamicValue[] = [];
  for (let i = 0; out.length < MAX_RANGE_VALUES; i++) {
    const offset = mulTime(step, i);
    if (offset === null) break;
    const v = addTime(start, offset);
    if (compareTime(v, stop) === sign) break;
    out.push(toDynamic(v, type));
  }
  return out;
}

/** One overload: start and stop of `type`, the step of `stepType` (1, or 1h for datetimes and timespans, when omitted). */
function overload(type: KqlType, stepType: KqlType, defaultStep: number) {
  const time = type === 'datetime' || type === 'timespan';
  return {
    params: [type, type, stepType], optional: 1, result: 'dynamic' as const,
    kernel: ([start, stop, step]: unknown[], ctx: EvalContext) => {
      const values = time
        ? timeSeries(start as TimeValue, stop as TimeValue, (step as TimeValue | undefined) ?? defaultStep, type)
        : series(start as number, stop as number, (step as number | undefined) ?? defaultStep, type);
      if (values) ctx.guard?.generated((values as unknown[]).length, 'range()');
      return values;
    },
  };
}

/**
 * range(start, stop [, step]) (range-function.md): a dynamic array of equally spaced values up to and
 * including stop, at most 1,048,576 of them. Integers give longs (the long overload comes first), any real
 * argument gives reals. A null argument gives null. UNCERTAIN: a negative step counts down (the docs only
 * show positive steps).
 */
export const range = defineScalar({
  name: 'range',
  description: 'A dynamic array of equally spaced values from start up to stop (numbers, datetimes or timespans).',
  overloads: [
    overload('long', 'long', 1),
    overload('real', 'real', 1),
    overload('datetime', 'timespan', MS_PER_HOUR),
    overload('timespan', 'timespan', MS_PER_HOUR),
  ],
});
