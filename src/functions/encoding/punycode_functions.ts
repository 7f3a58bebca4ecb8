import punycode from 'punycode/punycode.js';
import { defineScalar } from '../define.js';

/** The label separators of IDNA (RFC 3490 3.1): full stop, ideographic full stop, fullwidth and halfwidth full stops. */
const SEPARATORS = /[.\u3002\uFF0E\uFF61]/;

/**
 * Longest text (label) encoded or decoded, in UTF-16 code units. Punycode's decoder inserts each character
 * into the output (quadratic) and its encoder passes over the input once per distinct code point, so a
 * megabyte string would take minutes; DNS labels have at most 63 characters. Longer input gives "".
 */
export const MAX_PUNYCODE_LENGTH = 16_384;

/** punycode's decode, or "" when the input is too long, not ASCII or not valid punycode. */
function decodeLabel(label: string): string {
  if (label.length > MAX_PUNYCODE_LENGTH || /[^\0-\x7f]/.test(label)) return '';
  try {
    return punycode.decode(label);
  } catch {
    return '';
  }
}

/** punycode_to_string(s) (punycode-to-string-function.md): decodes punycode (without "xn--"); invalid input gives "". */
export const punycode_to_string = defineScalar({
  name: 'punycode_to_string',
  description: 'Decodes a string from punycode (without the xn-- prefix).',
  overloads: [{ params: ['string'], result: 'string', kernel: ([s]) => decodeLabel(s as string) }],
});

/**
 * punycode_from_string(s) (punycode-from-string-function.md): the punycode of s (RFC 3492), without "xn--".
 * Letter case is kept; an all-ASCII input ends with the delimiter ("abc" -> "abc-"), as RFC 3492 encodes it.
 */
export const punycode_from_string = defineScalar({
  name: 'punycode_from_string',
  description: 'Encodes a string to punycode (without the xn-- prefix).',
  overloads: [{
    params: ['string'], result: 'string',
    kernel: ([s]) => {
      if ((s as string).length > MAX_PUNYCODE_LENGTH) return '';
      try {
        return punycode.encode(s as string);
      } catch {
        return '';
      }
    },
  }],
});

/**
 * punycode_domain_to_string(domain) (punycode-domain-to-string-function.md): despite its name, encodes an
 * internationalized domain name: labels (split at any IDNA full stop, joined by '.') holding non-ASCII
 * characters become "xn--" + their punycode; no other IDNA mapping is done (case and spaces are kept, as in
 * the docs' 'Lê Lợi。Thuận Thiên。com' -> 'xn--L Li-gpa4517b.xn--Thun Thin-s4a7194f.com').
 */
export const punycode_domain_to_string = defineScalar({
  name: 'punycode_domain_to_string',
  description: 'Encodes an internationalized domain name to its punycode (xn--) form.',
  overloads: [{
    params: ['string'], result: 'string',
    kernel: ([s]) => {
      try {
        const labels = (s as string).split(SEPARATORS);
        if (labels.some((l) => l.length > MAX_PUNYCODE_LENGTH)) return '';
        return labels.map((l) => (/[^\0-\x7f]/.test(l) ? 'xn--' + punycode.encode(l) : l)).join('.');
      } catch {
        return '';
      }
    },
  }],
});

/**
 * punycode_domain_from_string(domain) (punycode-domain-from-string-function.md): decodes every "xn--" label of
 * a domain name (case kept: xn--Ge-mia -> Gáe); a label that does not decode makes the result "".
 */
export const punycode_domain_from_string = defineScalar({
  name: 'punycode_domain_from_string',
  description: 'Decodes a punycode (xn--) domain name to its Unicode form.',
  overloads: [{
    params: ['string'], result: 'string',
    kernel: ([s]) => {
      const labels = (s as string).split(SEPARATORS);
      const out: string[] = [];
      for (const l of labels) {
        if (!/^xn--/i.test(l)) {
          out.push(l);
          continue;
        }
        const d = decodeLabel(l.slice(4));
        if (d === '') return '';
        out.push(d);
      }
      return out.join('.');
    },
  }],
});
