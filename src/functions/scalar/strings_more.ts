import { defineScalar } from '../define.js';

const utf8 = new TextEncoder();

/** reverse(x): the text of x, characters in reverse order (reverse-function.md); non-strings are converted with tostring. */
export const reverse = defineScalar({
  name: 'reverse',
  description: 'The text of a value with its characters in reverse order.',
  overloads: [{ params: ['text'], result: 'string', kernel: ([s]) => [...(s as string)].reverse().join('') }],
});

/** string_size(s): size in bytes of the UTF-8 encoding (string-size-function.md). */
export const string_size = defineScalar({
  name: 'string_size',
  description: 'Size of a string in bytes (UTF-8).',
  overloads: [{ params: ['str'], result: 'long', kernel: ([s]) => utf8.encode(s as string).length }],
});

export const isascii = defineScalar({
  name: 'isascii',
  description: 'Whether every character of a string is ASCII (code point below 128).',
  overloads: [{ params: ['str'], result: 'bool', kernel: ([s]) => /^[\x00-\x7f]*$/.test(s as string) }],
});

/** JS strings are UTF-16; a string is valid UTF-8 text unless it holds an unpaired surrogate. */
export const isutf8 = defineScalar({
  name: 'isutf8',
  description: 'Whether a string is valid UTF-8 text (no unpaired surrogates).',
  overloads: [{ params: ['str'], result: 'bool', kernel: ([s]) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s as string) }],
});

/**
 * translate(searchList, replacementList, source) (translate-function.md): each character of searchList is
 * replaced by the character at the same position in replacementList; when replacementList is shorter its
 * last character repeats; an empty replacementList deletes the characters.
 */
export const translate = defineScalar({
  name: 'translate',
  description: 'Replaces characters of searchList in the source by the matching characters of replacementList.',
  overloads: [{
    params: ['str', 'str', 'str'], result: 'string',
    kernel: ([from, to, source]) => {
      const f = [...(from as string)], t = [...(to as string)];
      const map = new Map<string, string>();
      f.forEach((ch, i) => { if (!map.has(ch)) map.set(ch, t.length === 0 ? '' : t[Math.min(i, t.length - 1)]); });
      return [...(source as string)].map((ch) => map.get(ch) ?? ch).join('');
    },
  }],
});

/**
 * Percent-encoding as .NET's HttpUtility.UrlEncode: ASCII letters, digits and -_.!*() are kept, every other
 * UTF-8 byte is %xx in lower case, and a space is `space` ('+' for url_encode, "%20" for url_encode_component).
 */
function percentEncode(s: string, space: string): string {
  let out = '';
  for (const b of utf8.encode(s)) {
    const ch = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.!*()]/.test(ch)) out += ch;
    else if (b === 32) out += space;
    else out += '%' + b.toString(16).padStart(2, '0');
  }
  return out;
}

/** url_encode(s) (url-encode-function.md): a space becomes '+' ("https%3a%2f%2fwww.bing.com%2fhello+world"). */
export const url_encode = defineScalar({
  name: 'url_encode',
  description: 'Encodes a string for use in a URL (a space becomes +).',
  overloads: [{ params: ['string'], result: 'string', kernel: ([s]) => percentEncode(s as string, '+') }],
});

/** url_encode_component(s) (url-encode-component-function.md): as url_encode, but a space becomes %20. */
export const url_encode_component = defineScalar({
  name: 'url_encode_component',
  description: 'Encodes a string for use in a URL (a space becomes %20).',
  overloads: [{ params: ['string'], result: 'string', kernel: ([s]) => percentEncode(s as string, '%20') }],
});

/** url_decode(s): %xx escapes (UTF-8) and '+' as space; an invalid escape sequence gives "" (UNCERTAIN: Kusto gives null). */
export const url_decode = defineScalar({
  name: 'url_decode',
  description: 'Decodes a URL-encoded string.',
  overloads: [{
    params: ['str'], result: 'string',
    kernel: ([s]) => {
      try {
        return decodeURIComponent((s as string).replace(/\+/g, ' '));
      } catch {
        return '';
      }
    },
  }],
});

function fromBase64(text: string): Uint8Array | null {
  const t = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 !== 0) return null;
  try {
    const bin = atob(t);
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export const base64_encode_tostring = defineScalar({
  name: 'base64_encode_tostring',
  aliases: ['base64_encodestring'],
  description: 'Base64 of the UTF-8 bytes of a string.',
  overloads: [{
    params: ['str'], result: 'string',
    kernel: ([s]) => btoa(Array.from(utf8.encode(s as string), (b) => String.fromCharCode(b)).join('')),
  }],
});

/** base64_decode_tostring(s): the UTF-8 text of base64 bytes; invalid base64 or invalid UTF-8 gives "" (Kusto: null). */
export const base64_decode_tostring = defineScalar({
  name: 'base64_decode_tostring',
  aliases: ['base64_decodestring'],
  description: 'Decodes a base64 string to UTF-8 text.',
  overloads: [{
    params: ['str'], result: 'string',
    kernel: ([s]) => {
      const bytes = fromBase64(s as string);
      if (!bytes) return '';
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return '';
      }
    },
  }],
});

/** base64_decode_toarray(s): the bytes as a dynamic array of numbers; invalid base64 gives null. */
export const base64_decode_toarray = defineScalar({
  name: 'base64_decode_toarray',
  description: 'Decodes a base64 string to a dynamic array of bytes.',
  overloads: [{
    params: ['str'], result: 'dynamic',
    kernel: ([s]) => { const b = fromBase64(s as string); return b ? Array.from(b) : null; },
  }],
});
