/** sign (always a real, as the analyzer types it, also for integers), isinf and isfinite (real arguments only). */
import { defineScalar } from '../define.js';
import { realUnary } from './unary.js';

export const sign = realUnary('sign', 'The sign of a number: -1, 0 or +1 (a real).', (x) => (Number.isNaN(x) ? NaN : x > 0 ? 1 : x < 0 ? -1 : 0));

export const isinf = defineScalar({
  name: 'isinf',
  description: 'True if a real is positive or negative infinity.',
  overloads: [{ params: ['real'], result: 'bool', kernel: ([x]) => x === Infinity || x === -Infinity }],
});

export const isfinite = defineScalar({
  name: 'isfinite',
  description: 'True if a real is neither infinite nor NaN.',
  overloads: [{ params: ['real'], result: 'bool', kernel: ([x]) => Number.isFinite(x) }],
});
