/** series_outliers(series [, kind, ignore_val, min_percentile, max_percentile]): Tukey-fence scores (series-outliers-function.md). */
import { constantString, defineScalar } from '../define.js';
import { outlierScores } from '../series/decompose.js';
import { readSeries } from '../series/series-math.js';
import { ErrorCodes } from '../../errors/index.js';

export const series_outliers = defineScalar({
  name: 'series_outliers',
  description: "Anomaly scores of a numeric series by Tukey's fences ('ctukey': custom percentiles, default 10/90; 'tukey': 25/75).",
  overloads: [{
    params: ['dynamic', 'string', 'number', 'number', 'number'],
    optional: 4,
    result: 'dynamic',
    nulls: 'pass',
    check(args) {
      const kind = constantString(args[1]);
      if (kind !== undefined && kind !== '' && kind !== 'tukey' && kind !== 'ctukey') {
        return { error: `series_outliers(): unknown kind '${kind}' (expected 'tukey' or 'ctukey')`, argIndex: 1, code: ErrorCodes.SEM_INVALID_ARGUMENT };
      }
      for (const i of [3, 4]) {
        const p = args[i]?.constant?.value;
        if (typeof p === 'number' && (p < 2 || p > 98)) {
          return { error: 'series_outliers(): percentiles must be in the range [2.0, 98.0]', argIndex: i, code: ErrorCodes.SEM_INVALID_ARGUMENT };
        }
      }
      return undefined;
    },
    kernel([v, kind, ignore, minPct, maxPct]) {
      const series = readSeries(v);
      if (!series) return null;
      return outlierScores(series, kind === 'tukey' ? 'tukey' : 'ctukey', typeof ignore === 'number' ? ignore : null,
        typeof minPct === 'number' ? minPct : 10, typeof maxPct === 'number' ? maxPct : 90);
    },
  }],
});
