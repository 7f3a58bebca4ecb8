import { defineScalar } from '../define.js';
import { chargeText } from '../work.js';

/** Length in Unicode characters (code points), so a surrogate pair counts once. */
export const strlen = defineScalar({
  name: 'strlen',
  description: 'Returns the number of characters in a string.',
  overloads: [{ params: ['str'], result: 'long', kernel: ([s], ctx) => (chargeText(ctx, (s as string).length), codePoints(s as string)) }],
});

/** The number of code points of `s` (a lone surrogate counts as one), without building an array of them. */
function codePoints(s: string): number {
  let pairs = 0;
  for (let i = 0; i + 1 < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return s.length - pairs;
}
