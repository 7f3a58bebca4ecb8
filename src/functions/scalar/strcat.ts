import { defineScalar } from '../define.js';
import { builtString } from '../../runtime/limits.js';
import { chargeText, totalLength } from '../work.js';

/** strcat converts every argument with tostring rules, so nulls contribute "". */
export const strcat = defineScalar({
  name: 'strcat',
  description: 'Concatenates 1 to 64 arguments as strings.',
  overloads: [{ params: ['text'], rest: 'text', result: 'string', kernel: (args, ctx) => (chargeText(ctx, totalLength(args as string[])), builtString((args as string[]).join(''), ctx, 'strcat()')) }],
});
