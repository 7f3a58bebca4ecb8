/** Encodings: base64 variants, zlib and gzip, punycode. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';

export const ENCODING_SCALARS: ScalarFunction[] = [];
