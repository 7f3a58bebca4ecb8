import type { Accumulator } from '../registry-types.js';
import { defineAggregate, isMissing } from '../aggregate-define.js';

/**
 * stdev/variance (sample, n-1 denominator) and stdevp/variancep (population), with *if variants.
 * Nulls are skipped; an empty group gives null; the sample statistics of a single value are 0
 * (UNCERTAIN: Kusto's result for one value; 0 avoids dividing by zero).
 * Welford's algorithm keeps the sum of squares numerically stable.
 */
function moments(kind: 'stdev' | 'variance' | 'stdevp' | 'variancep', withPredicate: boolean): () => Accumulator {
  return () => {
    let n = 0, mean = 0, m2 = 0;
    return {
      add([v, p]) {
        if (withPredicate && p !== true) return;
        if (isMissing(v)) return;
        const x = typeof v === 'bigint' ? Number(v) : (v as number); // a long beyond 2^53 as a double
        n++;
        const d = x - mean;
        mean += d / n;
        m2 += d * (x - mean);
      },
      result() {
        if (n === 0) return [null];
        const population = kind === 'stdevp' || kind === 'variancep';
        const variance = population ? m2 / n : n === 1 ? 0 : m2 / (n - 1);
        return [kind.startsWith('stdev') ? Math.sqrt(variance) : variance];
      },
    };
  };
}

function statistic(name: 'stdev' | 'variance' | 'stdevp' | 'variancep', withPredicate: boolean) {
  const fullName = withPredicate ? `${name}if` : name;
  return defineAggregate({
    name: fullName,
    description: `${name.startsWith('stdev') ? 'Standard deviation' : 'Variance'} (${name.endsWith('p') ? 'population' : 'sample'}) of the non-null values${withPredicate ? ' of rows where the predicate is true' : ''}.`,
    params: withPredicate ? ['number', 'bool'] : ['number'],
    outputs: () => [{ type: 'real' }],
    create: () => moments(name, withPredicate),
  });
}

export const stdev = statistic('stdev', false);
export const stdevif = statistic('stdev', true);
export const stdevp = statistic('stdevp', false);
export const variance = statistic('variance', false);
export const varianceif = statistic('variance', true);
export const variancep = statistic('variancep', false);
export const variancepif = statistic('variancep', true);
