import type { KqlType } from '../../runtime/types.js';
import type { ParamKind } from '../define.js';
import type { Accumulator } from '../registry-types.js';
import { defineAggregate, isMissing } from '../aggregate-define.js';

/** Orderable argument types, as the analyzer requires for min/max/arg_min/arg_max. */
export const ORDERABLE: ParamKind[][] = [['number'], ['datetime'], ['timespan'], ['string'], ['bool']];

/** < for the orderable types: numbers, datetimes, timespans, bools (false < true), strings ordinal. */
export function less(a: unknown, b: unknown): boolean {
  return (a as number | string) < (b as number | string);
}

/**
 * Keeps the smallest (or largest) non-null value. Empty strings are skipped too, as strings have no null.
 * UNCERTAIN: whether Kusto's min() over strings skips "".
 */
export function extreme(type: KqlType, wantMax: boolean): () => Accumulator {
  const empty = type === 'string' ? '' : null;
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

export const min = defineAggregate({
  name: 'min',
  description: 'Smallest non-null value in the group.',
  params: ['number'],
  alternatives: ORDERABLE.slice(1),
  outputs: (args) => [{ type: args[0].type }],
  create: (args) => extreme(args[0].type, false),
});
