import type { KqlType } from '../../runtime/types.js';
import type { ParamKind } from '../define.js';
import type { Accumulator } from '../registry-types.js';
import { defineAggregate, isMissing } from '../aggregate-define.js';
import { lessTime, type TimeValue } from '../../runtime/ticks.js';

/** Orderable argument types, as the analyzer requires for min/max/arg_min/arg_max. */
export const ORDERABLE: ParamKind[][] = [['number'], ['datetime'], ['timespan'], ['string'], ['bool']];

/** < for the orderable types other than datetime and timespan: numbers, bools (false < true), strings ordinal. */
export function less(a: unknown, b: unknown): boolean {
  return (a as number | string) < (b as number | string);
}

function lessTimeValues(a: unknown, b: unknown): boolean {
  return lessTime(a as TimeValue, b as TimeValue);
}

/** < for values of one type: datetimes and timespans are milliseconds or ticks (src/runtime/ticks.ts). */
export function lessFor(type: KqlType): (a: unknown, b: unknown) => boolean {
  return type === 'datetime' || type === 'timespan' ? lessTimeValues : less;
}

/**
 * Keeps the smallest (or largest) non-null value. Empty strings are skipped too, as strings have no null.
 * UNCERTAIN: whether Kusto's min() over strings skips "".
 */
export function extreme(type: KqlType, wantMax: boolean): () => Accumulator {
  const empty = type === 'string' ? '' : null;
  if (type === 'datetime' || type === 'timespan') return () => new TimeExtreme(wantMax);
  return () => new Extreme(wantMax, empty);
}

/** A class, not closures: summarize keeps one per group, so each costs one small object. */
class Extreme implements Accumulator {
  private best: unknown = undefined;

  constructor(private readonly wantMax: boolean, private readonly empty: unknown) {}

  add(args: unknown[]): void {
    const v = args[0];
    if (isMissing(v) || v === '' || (typeof v === 'number' && Number.isNaN(v))) return;
    const best = this.best;
    if (best === undefined || (this.wantMax ? less(best, v) : less(v, best))) this.best = v;
  }

  result(): unknown[] {
    return [this.best === undefined ? this.empty : this.best];
  }
}

/** Extreme over datetimes or timespans: milliseconds or ticks (src/runtime/ticks.ts), ordered by lessTime. */
class TimeExtreme implements Accumulator {
  private best: TimeValue | undefined = undefined;

  constructor(private readonly wantMax: boolean) {}

  add(args: unknown[]): void {
    const v = args[0] as TimeValue | null | undefined;
    if (v === null || v === undefined) return;
    const best = this.best;
    if (best === undefined || (this.wantMax ? lessTime(best, v) : lessTime(v, best))) this.best = v;
  }

  result(): unknown[] {
    return [this.best === undefined ? null : this.best];
  }
}

export const min = defineAggregate({
  name: 'min',
  description: 'Smallest non-null value in the group.',
  params: ['number'],
  alternatives: ORDERABLE.slice(1),
  outputs: (args) => [{ type: args[0].type }],
  create: (args) => extreme(args[0].type, false),
});
