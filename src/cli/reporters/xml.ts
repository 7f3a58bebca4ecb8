/**
 * Escaping for XML 1.0 text and attributes. Characters XML 1.0 forbids even as references (control
 * characters other than tab, newline and carriage return; U+FFFE, U+FFFF; unpaired surrogates) are
 * written as the visible text `\uXXXX`, so the document stays well-formed and the value stays readable.
 */

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function visible(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ENTITIES: Record<string, string> = { ...TEXT_ENTITIES, '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Element content: `&`, `<` and `>` escaped (`>` too, so `]]>` cannot appear). */
export function xmlText(value: string): string {
  return value.replace(FORBIDDEN, visible).replace(/[&<>]/g, (ch) => TEXT_ENTITIES[ch]);
}

/** An attribute value (to go inside double quotes); tabs and line breaks as references, so parsers keep them. */
export function xmlAttr(value: string): string {
  return value.replace(FORBIDDEN, visible).replace(/[&<>"'\t\n\r]/g, (ch) => ATTR_ENTITIES[ch]);
}

/** `<name a="1" b="x">`, attributes in the order given, undefined ones left out. */
export function xmlOpen(name: string, attrs: Record<string, string | number | undefined>, selfClose = false): string {
  const text = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
  return `<${name}${text}${selfClose ? '/>' : '>'}`;
}
