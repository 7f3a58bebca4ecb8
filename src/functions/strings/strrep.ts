import { defineScalar } from '../define.js';
import { builtString } from '../../runtime/limits.js';
import { chargeText } from '../work.js';

/** Largest multiplier Kusto accepts (strrep-function.md); larger ones are clamped to it. */
const MAX_MULTIPLIER = 67_108_864;
/**
 * Longest result built, in UTF-16 code units (16 Mi). A longer result would make one value of hundreds of
 * megabytes from a short query, so the function gives "" instead (docs/differences-from-kusto.md).
 */
export const MAX_STRREP_LENGTH = 16 * 1024 * 1024;

/**
 * strrep(value, multiplier [, delimiter]) (strrep-function.md): value repeated multiplier times, joined by
 * delimiter. value and delimiter are converted with tostring rules (strrep(3s, 2, ' ') = "00:00:03 00:00:03").
 * A multiplier below 1 or null gives "" (strings are never null).
 */
export const strrep = defineScalar({
  name: 'strrep',
  description: 'A string repeated a number of times, optionally joined by a delimiter.',
  overloads: [{
    params: ['text', 'integer', 'text'], optional: 1, result: 'string', nulls: 'pass',
    kernel: ([value, multiplier, delimiter], ctx) => {
      if (multiplier === null || multiplier === undefined) return '';
      const n = Math.min(Number(multiplier), MAX_MULTIPLIER);
      if (!(n >= 1)) return '';
      const s = value as string;
      const d = (delimiter as string | undefined) ?? '';
      const length = s.length * n + d.length * (n - 1);
      if (length > MAX_STRREP_LENGTH) return '';
      chargeText(ctx, length);
      return builtString((s + d).repeat(n - 1) + s, ctx, 'strrep()');
    },
  }],
});
