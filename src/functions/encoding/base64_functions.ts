import { defineScalar } from '../define.js';
import { bytesToGuid, decodeBase64, encodeBase64, guidToBytes } from './base64.js';

/**
 * base64_encode_fromarray(bytes) (base64-encode-fromarray-function.md): base64 of a dynamic array of byte
 * values. An element that is not an integer from 0 to 255, or a value that is not an array, gives "".
 */
export const base64_encode_fromarray = defineScalar({
  name: 'base64_encode_fromarray',
  description: 'Base64 of a dynamic array of bytes.',
  overloads: [{
    params: ['dynamic'], result: 'string', nulls: 'pass',
    kernel: ([a]) => {
      if (!Array.isArray(a)) return '';
      const bytes = new Uint8Array(a.length);
      for (let i = 0; i < a.length; i++) {
        const v = a[i];
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 255) return '';
        bytes[i] = v;
      }
      return encodeBase64(bytes);
    },
  }],
});

/**
 * base64_decode_toguid(s) (base64-decode-toguid-function.md): the GUID of 16 base64 bytes in .NET's byte order
 * (the inverse of base64_encode_fromguid); invalid base64 or another length gives null.
 */
export const base64_decode_toguid = defineScalar({
  name: 'base64_decode_toguid',
  description: 'Decodes a base64 string of 16 bytes to a GUID.',
  overloads: [{
    params: ['string'], result: 'guid',
    kernel: ([s]) => {
      const bytes = decodeBase64(s as string);
      return bytes && bytes.length === 16 ? bytesToGuid(bytes) : null;
    },
  }],
});

/** base64_encode_fromguid(g) (base64-encode-fromguid-function.md): base64 of the GUID's 16 bytes in .NET's order; null gives "". */
export const base64_encode_fromguid = defineScalar({
  name: 'base64_encode_fromguid',
  description: 'Base64 of the 16 bytes of a GUID.',
  overloads: [{
    params: ['guid'], result: 'string', nulls: 'pass',
    kernel: ([g]) => {
      const bytes = typeof g === 'string' ? guidToBytes(g) : null;
      return bytes ? encodeBase64(bytes) : '';
    },
  }],
});
