/** Encodings: base64 variants, zlib and gzip, punycode. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';
import { base64_decode_toguid, base64_encode_fromarray, base64_encode_fromguid } from './base64_functions.js';
import {
  gzip_compress_to_base64_string, gzip_decompress_from_base64_string, zlib_compress_to_base64_string, zlib_decompress_from_base64_string,
} from './compression.js';
import { punycode_domain_from_string, punycode_domain_to_string, punycode_from_string, punycode_to_string } from './punycode_functions.js';

export const ENCODING_SCALARS: ScalarFunction[] = [
  base64_encode_fromarray, base64_decode_toguid, base64_encode_fromguid,
  zlib_compress_to_base64_string, zlib_decompress_from_base64_string, gzip_compress_to_base64_string, gzip_decompress_from_base64_string,
  punycode_to_string, punycode_from_string, punycode_domain_to_string, punycode_domain_from_string,
];
