import { valueToString } from '../../runtime/values.js';
import { defineScalar } from '../define.js';
import { chargeText, jsonLengthAtLeast } from '../work.js';

/** Past this many characters, the JSON text of a dynamic value is charged to the run before it is built. */
const CHARGE_FROM = 1 << 16;

/** tostring(x): text of any scalar; null becomes "" (strings have no null). */
export const tostring = defineScalar({
  name: 'tostring',
  description: 'Converts a value to its string representation; null becomes the empty string.',
  overloads: [{
    params: ['any'], result: 'string', nulls: 'pass',
    kernel: ([v], ctx, info) => {
      // One JSON.stringify of a big array cannot check the deadline: charge its time and memory first.
      if (v !== null && typeof v === 'object' && info[0].type === 'dynamic') {
        const length = jsonLengthAtLeast(v, 1 << 28);
        if (length >= CHARGE_FROM) {
          chargeText(ctx, length);
          ctx?.guard?.allocated(2 * length, 'tostring()');
        }
      }
      return valueToString(v, info[0].type);
    },
  }],
});
