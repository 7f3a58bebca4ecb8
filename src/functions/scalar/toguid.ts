import { defineScalar } from '../define.js';
import { toRealValue } from '../convert.js';

const HEX32 = /^[0-9a-fA-F]{32}$/;
const DASHED = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A GUID in its canonical lower-case dashed form, or null. Accepts 32 hex digits, dashed, or either in {} / (). */
export function parseGuid(text: string): string | null {
  let t = text.trim();
  if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('(') && t.endsWith(')'))) t = t.slice(1, -1);
  if (HEX32.test(t)) t = `${t.slice(0, 8)}-${t.slice(8, 12)}-${t.slice(12, 16)}-${t.slice(16, 20)}-${t.slice(20)}`;
  return DASHED.test(t) ? t.toLowerCase() : null;
}

/** toguid(x) (toguid-function.md): a string (or dynamic) holding a GUID -> that guid; anything else -> null. The analyzer accepts only string or dynamic. */
export const toguid = defineScalar({
  name: 'toguid',
  description: 'Converts a string to a guid; failures give null.',
  overloads: [{
    params: ['str'], result: 'guid',
    kernel: ([v]) => parseGuid(v as string),
  }],
});

/**
 * todecimal(x): a decimal, held as a JS number (so 53 bits of precision, not Kusto's 128-bit decimal);
 * failures give null.
 */
export const todecimal = defineScalar({
  name: 'todecimal',
  description: 'Converts a value to decimal (held as a double here); failures give null.',
  overloads: [{ params: ['any'], result: 'decimal', kernel: ([v], _c, info) => {
    const n = toRealValue(v, info[0].type);
    return n === null || !Number.isFinite(n) ? null : n;
  } }],
});
