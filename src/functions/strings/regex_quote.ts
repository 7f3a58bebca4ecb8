import { defineScalar } from '../define.js';

/**
 * The characters .NET's Regex.Escape escapes (the metacharacters and white space), with the escape each gets.
 * Every escape is also valid RE2 syntax (re2js compiles `\ `, `\#`, `\t`, `\n`, `\r`, `\f`).
 */
const ESCAPES: Record<string, string> = {
  '\\': '\\\\', '*': '\\*', '+': '\\+', '?': '\\?', '|': '\\|', '{': '\\{', '[': '\\[', '(': '\\(', ')': '\\)',
  '^': '\\^', '$': '\\$', '.': '\\.', '#': '\\#', ' ': '\\ ', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\f': '\\f',
};
const SPECIAL = /[\\*+?|{[()^$.# \t\n\r\f]/g;

/** regex_quote(s) (regex-quote-function.md): s with every regex metacharacter escaped, so a pattern matches it literally. */
export const regex_quote = defineScalar({
  name: 'regex_quote',
  description: 'A string with every regular expression metacharacter escaped.',
  overloads: [{
    params: ['text'], result: 'string',
    kernel: ([s]) => (s as string).replace(SPECIAL, (c) => ESCAPES[c]!),
  }],
});
