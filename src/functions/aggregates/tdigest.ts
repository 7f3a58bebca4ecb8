import type { Accumulator } from '../registry-types.js';
import { defineAggregate, isMissing } from '../aggregate-define.js';
import { TDigest, digestType } from '../sketches/tdigest-core.js';

/**
 * tdigest(x [, weight]): the percentile sketch of the group (src/functions/sketches/tdigest-core.ts);
 * tdigest_merge(sketch) / merge_tdigest: the merge of the sketches of the group. Null values (and NaN, as
 * percentile() skips them) are skipped, and so are rows whose weight is null or not positive (UNCERTAIN).
 * Sketches of another type than the group's first one are skipped (the docs require one type; UNCERTAIN).
 */
export const tdigest = defineAggregate({
  name: 'tdigest',
  description: 'Percentile sketch of the values of the group, for percentile_tdigest() and tdigest_merge().',
  params: ['number', 'integer'], optional: 1,
  alternatives: [['datetime', 'integer'], ['timespan', 'integer']],
  outputs: () => [{ type: 'dynamic' }],
  create: (args) => {
    const type = digestType(args[0].type);
    const weighted = args.length > 1;
    return (): Accumulator => {
      const d = new TDigest(type);
      return {
        add([v, w]) {
          if (isMissing(v) || (typeof v === 'number' && Number.isNaN(v))) return;
          const weight = weighted ? Number(w ?? NaN) : 1;
          if (!(weight > 0)) return;
          d.add(typeof v === 'bigint' && type === 'real' ? Number(v) : v, weight);
        },
        result: () => [d.values.length === 0 ? null : d.toDynamic()],
      };
    };
  },
});

export const tdigest_merge = defineAggregate({
  name: 'tdigest_merge',
  aliases: ['merge_tdigest'],
  prefix: 'merge_tdigests',
  description: 'Merges the tdigest sketches of the group into one.',
  params: ['dynamic'],
  outputs: () => [{ type: 'dynamic' }],
  create: () => () => {
    let merged: TDigest | undefined;
    return {
      add([v]) {
        const d = TDigest.fromDynamic(v);
        if (!d) return;
        if (!merged) merged = d;
        else if (d.type === merged.type) merged.merge(d);
      },
      result: () => [merged ? merged.toDynamic() : null],
    };
  },
});
