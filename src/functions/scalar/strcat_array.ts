import { dynamicToString, type DynamicValue } from '../../runtime/values.js';
import { defineScalar } from '../define.js';
import { chargeText } from '../work.js';

export const strcat_array = defineScalar({
  name: 'strcat_array',
  aliases: ['array_strcat'],
  description: 'Joins the elements of a dynamic array with a delimiter.',
  overloads: [{
    params: ['dynamic', 'str'], result: 'string', nulls: 'pass',
    kernel: ([a, d], ctx) => {
      if (!Array.isArray(a)) return '';
      const out = a.map((e) => dynamicToString(e as DynamicValue)).join(d as string);
      chargeText(ctx, out.length + a.length);
      return out;
    },
  }],
});
