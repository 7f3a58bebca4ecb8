import { defineScalar } from '../define.js';
import { parseGuid, toRealValue } from '../convert.js';

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
