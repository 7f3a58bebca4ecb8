import type { ArgInfo, BindFailure } from '../registry-types.js';
import { defineScalar } from '../define.js';

function validCodepoint(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0x10ffff && !(v >= 0xd800 && v <= 0xdfff);
}

function checkArgs(args: ArgInfo[]): BindFailure | undefined {
  const i = args.findIndex((a) => a.type !== 'int' && a.type !== 'long' && a.type !== 'dynamic');
  return i < 0 ? undefined : {
    error: `Argument ${i + 1} of 'unicode_codepoints_to_string' must be an integer or a dynamic array of integers, not ${args[i].type}.`,
    argIndex: i,
  };
}

/**
 * unicode_codepoints_to_string(values, ...) (unicode-codepoints-to-string-function.md; deprecated alias
 * make_string): the string of the given code points; each argument is an int, a long or a dynamic array of
 * them. Any value that is not a valid code point (or a null) gives "" (Kusto: null, which a string column
 * shows as "").
 */
export const unicode_codepoints_to_string = defineScalar({
  name: 'unicode_codepoints_to_string',
  aliases: ['make_string'],
  description: 'The string made of the given Unicode code points (integers or dynamic arrays of integers).',
  overloads: [{
    params: ['any'], rest: 'any', nulls: 'pass', check: checkArgs,
    result: 'string',
    kernel: (values) => {
      let out = '';
      for (const v of values) {
        const items = Array.isArray(v) ? v : [v];
        for (const cp of items) {
          if (!validCodepoint(cp)) return '';
          out += String.fromCodePoint(cp);
        }
      }
      return out;
    },
  }],
});

/** unicode_codepoints_from_string(value) (deprecated alias to_utf8): the code points of a string, as a dynamic array. */
export const unicode_codepoints_from_string = defineScalar({
  name: 'unicode_codepoints_from_string',
  aliases: ['to_utf8'],
  description: 'The Unicode code points of a string, as a dynamic array.',
  overloads: [{
    params: ['string'], result: 'dynamic',
    kernel: ([s]) => Array.from(s as string, (c) => c.codePointAt(0)!),
  }],
});
