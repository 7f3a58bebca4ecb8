/** All aggregate functions by name and alias (exact, case-sensitive). */
import type { AggregateFunction } from './registry-types.js';
import { any, take_any } from './aggregates/any.js';
import { arg_max, arg_min, argmax, argmin } from './aggregates/arg_max.js';
import { avg } from './aggregates/avg.js';
import { avgif } from './aggregates/avgif.js';
import { count } from './aggregates/count.js';
import { countif } from './aggregates/countif.js';
import { dcount } from './aggregates/dcount.js';
import { dcountif } from './aggregates/dcountif.js';
import { make_list } from './aggregates/make_list.js';
import { make_list_if } from './aggregates/make_list_if.js';
import { make_set } from './aggregates/make_set.js';
import { make_set_if } from './aggregates/make_set_if.js';
import { max } from './aggregates/max.js';
import { min } from './aggregates/min.js';
import { sum } from './aggregates/sum.js';
import { sumif } from './aggregates/sumif.js';
import { make_bag, make_bag_if, make_dictionary } from './aggregates/make_bag.js';
import { stdev, stdevif, stdevp, variance, varianceif, variancep, variancepif } from './aggregates/stdev.js';
import { percentile, percentiles } from './aggregates/percentile.js';
import { anyif, maxif, minif, take_anyif } from './aggregates/minif.js';
import { count_distinct, count_distinctif } from './aggregates/count_distinct.js';
import { make_list_with_nulls } from './aggregates/make_list_with_nulls.js';
import { percentiles_array, percentilesw, percentilesw_array, percentilew } from './aggregates/percentilew.js';
import { covariance, covarianceif, covariancep, covariancepif } from './aggregates/covariance.js';
import { binary_all_and, binary_all_or, binary_all_xor } from './aggregates/binary_all.js';
import { buildschema } from './aggregates/buildschema.js';
import { hll, hll_if, hll_merge } from './aggregates/hll.js';
import { tdigest, tdigest_merge } from './aggregates/tdigest.js';

const ALL: AggregateFunction[] = [
  count, countif, dcount, dcountif, sum, sumif, avg, avgif, min, max,
  make_set, make_set_if, make_list, make_list_if, arg_max, arg_min, any, take_any,
  make_bag, make_bag_if, make_dictionary, stdev, stdevif, stdevp, variance, varianceif, variancep,
  percentile, percentiles, minif, maxif, take_anyif, anyif, count_distinct, count_distinctif,
  make_list_with_nulls, percentiles_array, percentilew, percentilesw, percentilesw_array, variancepif,
  covariance, covarianceif, covariancep, covariancepif, binary_all_and, binary_all_or, binary_all_xor,
  argmax, argmin, buildschema, hll, hll_if, hll_merge, tdigest, tdigest_merge,
];

const BY_NAME = new Map<string, AggregateFunction>();
for (const f of ALL) for (const n of [f.name, ...(f.aliases ?? [])]) BY_NAME.set(n, f);

export function lookupAggregateFunction(name: string): AggregateFunction | undefined {
  return BY_NAME.get(name);
}

export function listAggregateFunctions(): AggregateFunction[] {
  return [...ALL];
}
