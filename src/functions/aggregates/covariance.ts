import type { Accumulator } from '../registry-types.js';
import { defineAggregate, isMissing } from '../aggregate-define.js';

/**
 * covariance(x, y) (sample, n-1) and covariancep (population), with *if variants. Rows where either value is
 * null are skipped; an empty group gives null; the sample covariance of one pair is 0, as stdev's is
 * (UNCERTAIN). The co-moment is updated incrementally (Welford) for numerical stability.
 */
function coMoment(population: boolean, withPredicate: boolean): () => Accumulator {
  return () => {
    let n = 0, mx = 0, my = 0, c = 0;
    return {
      add([a, b, p]) {
        if (withPredicate && p !== true) return;
        if (isMissing(a) || isMissing(b)) return;
        const x = Number(a), y = Number(b); // a long beyond 2^53 (a bigint) as the nearest double
        n++;
        const dx = x - mx;
        mx += dx / n;
        my += (y - my) / n;
        c += dx * (y - my);
      },
      result() {
        if (n === 0) return [null];
        return [population ? c / n : n === 1 ? 0 : c / (n - 1)];
      },
    };
  };
}

function covarianceAggregate(name: string, population: boolean, withPredicate: boolean) {
  return defineAggregate({
    name,
    description: `Covariance (${population ? 'population' : 'sample'}) of two expressions${withPredicate ? ' over rows where the predicate is true' : ''}.`,
    params: withPredicate ? ['number', 'number', 'bool'] : ['number', 'number'],
    outputs: () => [{ type: 'real' }],
    create: () => coMoment(population, withPredicate),
  });
}

export const covariance = covarianceAggregate('covariance', false, false);
export const covarianceif = covarianceAggregate('covarianceif', false, true);
export const covariancep = covarianceAggregate('covariancep', true, false);
export const covariancepif = covarianceAggregate('covariancepif', true, true);
