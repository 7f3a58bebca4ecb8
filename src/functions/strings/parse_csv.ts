import { defineScalar } from '../define.js';

/**
 * The fields of the first record of CSV text (RFC 4180): fields are separated by commas; a field that starts
 * with a double quote runs to the next lone double quote, and "" inside it is one quote, so commas and line
 * feeds inside quotes are data; the record ends at the first unquoted line feed (a CR before it is dropped).
 * Text after a closing quote, up to the next comma, is appended to the field; an unclosed quote runs to the
 * end. One pass over the text: the work and the result are linear in its length.
 */
export function csvFields(text: string): string[] {
  const fields: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    let field = '';
    if (text.charCodeAt(i) === 34 /* " */) {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) { field += text.slice(i); i = n; break; }
        field += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) { field += '"'; i = q + 2; continue; }
        i = q + 1;
        break;
      }
    }
    // Unquoted text (or what follows a closing quote) up to the next comma or line feed.
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 44 /* , */ || c === 10 /* \n */) break;
      j++;
    }
    let end = j;
    if (j < n && text.charCodeAt(j) === 10 && end > i && text.charCodeAt(end - 1) === 13) end--;
    field += text.slice(i, end);
    fields.push(field);
    if (j >= n || text.charCodeAt(j) === 10) return fields;
    i = j + 1;
  }
}

/** parse_csv(text) (parse-csv-function.md): the values of the first CSV record of text, as a dynamic array of strings. */
export const parse_csv = defineScalar({
  name: 'parse_csv',
  description: 'Splits one record of comma-separated values (RFC 4180 quoting) into a dynamic array of strings.',
  overloads: [{ params: ['str'], result: 'dynamic', kernel: ([s]) => csvFields(s as string) }],
});
