import { defineScalar } from '../define.js';
import { builtString } from '../../runtime/limits.js';
import { chargeText, totalLength } from '../work.js';

export const strcat_delim = defineScalar({
  name: 'strcat_delim',
  description: 'Concatenates arguments as strings with a delimiter between them.',
  overloads: [{
    params: ['str', 'text', 'text'], rest: 'text', result: 'string',
    kernel: ([d, ...xs], ctx) => (
      chargeText(ctx, totalLength(xs as string[]) + (d as string).length * xs.length),
      builtString((xs as string[]).join(d as string), ctx, 'strcat_delim()')
    ),
  }],
});
