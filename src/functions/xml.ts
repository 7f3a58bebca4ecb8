/**
 * A small, non-validating XML reader for parse_xml(): XML text -> the JSON shape Kusto documents
 * (parse-xml-function.md), which is Json.NET's XML convention:
 *
 *   <e/>                        -> {"e": null}
 *   <e></e>                     -> {"e": ""}
 *   <e>text</e>                 -> {"e": "text"}
 *   <e name="value"/>           -> {"e": {"@name": "value"}}
 *   <e name="value">text</e>    -> {"e": {"@name": "value", "#text": "text"}}
 *   <e><a>1</a><a>2</a></e>     -> {"e": {"a": ["1", "2"]}}      (repeated children become an array)
 *   <e> text <a>x</a> </e>      -> {"e": {"#text": "text", "a": "x"}}  (text beside elements is trimmed)
 *
 * Attributes come first, then children in document order; a repeated name is an array at its first
 * position. Names keep their prefixes (`xmlns`, `ns:e`); values are always strings.
 * The XML declaration, processing instructions and comments are skipped; CDATA sections are text.
 *
 * Safety: a single iterative pass (no recursion), so input cannot overflow the stack; nesting deeper than
 * MAX_XML_DEPTH, input over 1 MiB (Kusto's documented limit), a DOCTYPE (no DTDs, hence no entity
 * expansion), undefined entities and any well-formedness error give null.
 */
import type { DynamicValue } from '../runtime/values.js';

type Bag = { [key: string]: DynamicValue };

/** Deepest element nesting accepted; deeper documents give null. */
export const MAX_XML_DEPTH = 256;
/** Kusto's documented input limit: 1 MB (1,048,576 bytes of UTF-8). */
export const MAX_XML_BYTES = 1_048_576;

interface Frame {
  name: string;
  attrs: [string, string][];
  /** Element children and text nodes ('#text') in order. */
  items: [string, DynamicValue][];
  /** Text collected since the last child element (merged across comments and CDATA). */
  text: string;
  hasElement: boolean;
}

const NAME = /[A-Za-z_:\u00C0-\uFFFF][A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]*/y;
const ENTITY = /&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/y;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

function validChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Replace entity and character references; undefined when a '&' starts no valid reference. */
function decodeEntities(raw: string): string | undefined {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    out += raw.slice(from, amp);
    ENTITY.lastIndex = amp;
    const m = ENTITY.exec(raw);
    if (!m) return undefined;
    if (m[3]) {
      out += NAMED[m[3]];
    } else {
      const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
      if (!validChar(cp)) return undefined;
      out += String.fromCodePoint(cp);
    }
    from = ENTITY.lastIndex;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

/**
 * Set an own data property. Only `__proto__` is an accessor on Object.prototype, so only it needs
 * defineProperty (an element may be called __proto__); plain assignment keeps objects fast.
 */
function setOwn(o: Bag, k: string, v: DynamicValue): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

function isBlank(s: string): boolean {
  return /^[ \t\r\n]*$/.test(s);
}

/** Move pending text into the frame's items as a text node (whitespace-only text is dropped). */
function flushText(f: Frame): void {
  if (f.text !== '' && !isBlank(f.text)) f.items.push(['#text', f.text]);
  f.text = '';
}

function elementValue(f: Frame, selfClosing: boolean): DynamicValue {
  flushText(f);
  if (f.attrs.length === 0) {
    if (f.items.length === 0) return selfClosing ? null : '';
    if (!f.hasElement && f.items.length === 1) return f.items[0][1];
  }
  const out: Bag = {};
  for (const [k, v] of f.attrs) setOwn(out, `@${k}`, v);
  const seen = new Set<string>();
  const multi = new Set<string>();
  for (const [k, rawValue] of f.items) {
    // Text beside elements or attributes is trimmed, as the docs' mixed-content example shows.
    const v = k === '#text' && typeof rawValue === 'string' ? rawValue.trim() : rawValue;
    if (!seen.has(k)) {
      seen.add(k);
      setOwn(out, k, v);
    } else if (multi.has(k)) {
      (out[k] as DynamicValue[]).push(v);
    } else {
      multi.add(k);
      setOwn(out, k, [out[k]!, v]);
    }
  }
  return out;
}

function readName(s: string, at: number): string | undefined {
  NAME.lastIndex = at;
  const m = NAME.exec(s);
  return m ? m[0] : undefined;
}

function skipSpace(s: string, at: number): number {
  let i = at;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return i;
    i++;
  }
}

/** XML text -> dynamic per parse_xml, or null when the text is not well-formed XML (or too big or deep). */
export function parseXml(input: string): DynamicValue {
  if (input.length > MAX_XML_BYTES) return null;
  if (input.length * 3 > MAX_XML_BYTES && utf8Length(input) > MAX_XML_BYTES) return null;
  // Line endings are normalized to \n, as an XML processor must.
  const s = input.replace(/\r\n?/g, '\n');
  const n = s.length;
  const stack: Frame[] = [];
  let root: Bag | undefined;
  let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;

  while (i < n) {
    const lt = s.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const raw = s.slice(i, textEnd);
      if (stack.length === 0) {
        if (!isBlank(raw)) return null;
      } else {
        const text = decodeEntities(raw);
        if (text === undefined) return null;
        stack[stack.length - 1].text += text;
      }
      i = textEnd;
      if (lt < 0) break;
    }
    // s[i] === '<'
    if (s.startsWith('<?', i)) {
      const end = s.indexOf('?>', i + 2);
      if (end < 0) return null;
      i = end + 2;
    } else if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end < 0) return null;
      i = end + 3;
    } else if (s.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) return null;
      const end = s.indexOf(']]>', i + 9);
      if (end < 0) return null;
      stack[stack.length - 1].text += s.slice(i + 9, end);
      i = end + 3;
    } else if (s.startsWith('<!', i)) {
      return null; // DOCTYPE and other declarations: no DTD processing
    } else if (s.startsWith('</', i)) {
      const name = readName(s, i + 2);
      if (name === undefined) return null;
      const close = skipSpace(s, i + 2 + name.length);
      if (s[close] !== '>') return null;
      const f = stack.pop();
      if (!f || f.name !== name) return null;
      const value = elementValue(f, false);
      i = close + 1;
      if (!attach(f.name, value)) return null;
    } else {
      const name = readName(s, i + 1);
      if (name === undefined) return null;
      if (stack.length === 0 && root !== undefined) return null; // a second root element
      if (stack.length >= MAX_XML_DEPTH) return null;
      const f: Frame = { name, attrs: [], items: [], text: '', hasElement: false };
      let j = i + 1 + name.length;
      let selfClosing = false;
      const attrNames = new Set<string>();
      for (;;) {
        const k = skipSpace(s, j);
        if (s[k] === '>') { j = k + 1; break; }
        if (s[k] === '/' && s[k + 1] === '>') { j = k + 2; selfClosing = true; break; }
        if (k === j) return null; // attributes must be separated by whitespace
        const attr = readName(s, k);
        if (attr === undefined) return null;
        let p = skipSpace(s, k + attr.length);
        if (s[p] !== '=') return null;
        p = skipSpace(s, p + 1);
        const quote = s[p];
        if (quote !== '"' && quote !== "'") return null;
        const end = s.indexOf(quote, p + 1);
        if (end < 0) return null;
        const raw = s.slice(p + 1, end);
        if (raw.includes('<')) return null;
        const decoded = decodeEntities(raw.replace(/[\t\n]/g, ' '));
        if (decoded === undefined) return null;
        if (attrNames.has(attr)) return null;
        attrNames.add(attr);
        f.attrs.push([attr, decoded]);
        j = end + 1;
      }
      i = j;
      if (selfClosing) {
        if (stack.length > 0) flushText(stack[stack.length - 1]);
        if (!attach(name, elementValue(f, true))) return null;
      } else {
        if (stack.length > 0) flushText(stack[stack.length - 1]);
        stack.push(f);
      }
    }
  }
  if (stack.length > 0 || root === undefined) return null;
  return root;

  function attach(name: string, value: DynamicValue): boolean {
    const parent = stack[stack.length - 1];
    if (parent) {
      flushText(parent);
      parent.items.push([name, value]);
      parent.hasElement = true;
      return true;
    }
    if (root !== undefined) return false;
    root = {};
    setOwn(root, name, value);
    return true;
  }
}
