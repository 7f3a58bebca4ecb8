/** pi, the trigonometric functions and degree/radian conversion. acos and asin are null outside [-1, 1] (docs). */
import { defineScalar } from '../define.js';
import { realUnary } from './unary.js';

const unit = (f: (x: number) => number) => (x: number): number | null => (x < -1 || x > 1 ? null : f(x));

export const pi = defineScalar({
  name: 'pi',
  description: 'The constant Pi.',
  overloads: [{ params: [], result: 'real', kernel: () => Math.PI }],
});
export const cos = realUnary('cos', 'Cosine of an angle in radians.', Math.cos);
export const sin = realUnary('sin', 'Sine of an angle in radians.', Math.sin);
export const tan = realUnary('tan', 'Tangent of an angle in radians.', Math.tan);
export const cot = realUnary('cot', 'Cotangent of an angle in radians.', (x) => 1 / Math.tan(x));
export const acos = realUnary('acos', 'Arc cosine in radians; null outside [-1, 1].', unit(Math.acos));
export const asin = realUnary('asin', 'Arc sine in radians; null outside [-1, 1].', unit(Math.asin));
export const atan = realUnary('atan', 'Arc tangent in radians.', Math.atan);
export const atan2 = defineScalar({
  name: 'atan2',
  description: 'Angle in radians between the positive x-axis and the point (x, y), from atan2(y, x).',
  overloads: [{ params: ['number', 'number'], result: 'real', kernel: ([y, x]) => Math.atan2(y as number, x as number) }],
});
export const degrees = realUnary('degrees', 'Converts an angle from radians to degrees.', (x) => (x * 180) / Math.PI);
export const radians = realUnary('radians', 'Converts an angle from degrees to radians.', (x) => (x * Math.PI) / 180);
