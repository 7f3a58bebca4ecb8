import { parseJsonLenient } from '../../runtime/values.js';
import { defineScalar } from '../define.js';
import { chargeText } from '../work.js';

/**
 * parse_json(text): JSON text -> dynamic; text that is not JSON stays a dynamic string; "" -> null.
 * A dynamic argument is returned unchanged. JSON.parse defines keys such as __proto__ as own
 * properties, so untrusted JSON cannot pollute prototypes.
 */
export const parse_json = defineScalar({
  name: 'parse_json',
  aliases: ['todynamic', 'parsejson', 'toobject'],
  description: 'Interprets a string as a JSON value and returns it as dynamic.',
  overloads: [
    { params: ['string'], result: 'dynamic', kernel: ([s], ctx) => (chargeText(ctx, (s as string).length), parseJsonLenient(s as string)) },
    { params: ['dynamic'], result: 'dynamic', kernel: ([v]) => v },
  ],
});
