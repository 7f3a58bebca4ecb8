import { Inflate, gzipSync, zlibSync } from 'fflate';
import { defineScalar } from '../define.js';
import { decodeBase64, encodeBase64 } from './base64.js';

/**
 * Most bytes a decompression produces (16 MiB). A few kilobytes of deflate data can expand a thousandfold, so
 * past this the functions stop and give "" instead of filling memory (docs/differences-from-kusto.md).
 */
export const MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024;
/** Compressed bytes fed to the inflater at a time: one slice expands to at most about 1032 times its size. */
const SLICE = 1024;

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Raw deflate data inflated, or null when it is invalid, truncated or would exceed MAX_DECOMPRESSED_BYTES. */
function inflateBounded(data: Uint8Array): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total <= MAX_DECOMPRESSED_BYTES) chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length && !ended; i += SLICE) {
      const end = Math.min(i + SLICE, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
      if (total > MAX_DECOMPRESSED_BYTES) return null;
    }
    if (data.length === 0) return null;
  } catch {
    return null;
  }
  if (!ended) return null;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** UTF-8 text of bytes, or "" when they are not valid UTF-8. */
function text(bytes: Uint8Array | null): string {
  if (!bytes) return '';
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return '';
  }
}

/**
 * zlib_compress_to_base64_string(s) (zlib-base64-compress-function.md): base64 of the zlib stream of the UTF-8
 * bytes, written as Kusto's documented example is: header 78 01 and stored (uncompressed) deflate blocks.
 */
export const zlib_compress_to_base64_string = defineScalar({
  name: 'zlib_compress_to_base64_string',
  description: 'zlib-compresses the UTF-8 bytes of a string and encodes the result in base64.',
  overloads: [{
    params: ['string'], result: 'string',
    kernel: ([s]) => encodeBase64(zlibSync(utf8.encode(s as string), { level: 0 })),
  }],
});

/**
 * zlib_decompress_from_base64_string(s) (zlib-base64-decompress-function.md): the UTF-8 text of base64 zlib data.
 * The header must be deflate with window size 15 (78 xx, a valid check value, no preset dictionary); invalid
 * base64, zlib data or UTF-8, or more than MAX_DECOMPRESSED_BYTES of output, gives "".
 */
export const zlib_decompress_from_base64_string = defineScalar({
  name: 'zlib_decompress_from_base64_string',
  description: 'Decodes base64 and zlib-decompresses it to a UTF-8 string ("" when invalid).',
  overloads: [{
    params: ['string'], result: 'string',
    kernel: ([s]) => {
      const b = decodeBase64(s as string);
      if (!b || b.length < 2 || b[0] !== 0x78 || ((b[0] << 8) | b[1]!) % 31 !== 0 || (b[1]! & 0x20) !== 0) return '';
      return text(inflateBounded(b.subarray(2)));
    },
  }],
});

/**
 * gzip_compress_to_base64_string(s) (gzip-base64-compress.md): base64 of a gzip member of the UTF-8 bytes, as
 * Kusto's documented example is written: header 1f 8b 08 00, time 0, XFL 0, OS 0xff, stored deflate blocks.
 */
export const gzip_compress_to_base64_string = defineScalar({
  name: 'gzip_compress_to_base64_string',
  description: 'gzip-compresses the UTF-8 bytes of a string and encodes the result in base64.',
  overloads: [{
    params: ['string'], result: 'string',
    kernel: ([s]) => {
      const out = gzipSync(utf8.encode(s as string), { level: 0, mtime: 0 });
      out[8] = 0;
      out[9] = 0xff;
      return encodeBase64(out);
    },
  }],
});

/**
 * gzip_decompress_from_base64_string(s) (gzip-base64-decompress.md): the UTF-8 text of base64 gzip data. As the
 * docs say, ID1, ID2 and CM must be 1f 8b 08 and the FLG byte 0 (no optional header fields); the deflate data
 * starts after the 10-byte header. Anything invalid, or more than MAX_DECOMPRESSED_BYTES of output, gives "".
 */
export const gzip_decompress_from_base64_string = defineScalar({
  name: 'gzip_decompress_from_base64_string',
  description: 'Decodes base64 and gzip-decompresses it to a UTF-8 string ("" when invalid).',
  overloads: [{
    params: ['string'], result: 'string',
    kernel: ([s]) => {
      const b = decodeBase64(s as string);
      if (!b || b.length < 10 || b[0] !== 0x1f || b[1] !== 0x8b || b[2] !== 8 || b[3] !== 0) return '';
      return text(inflateBounded(b.subarray(10)));
    },
  }],
});
