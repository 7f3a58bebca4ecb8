/**
 * The encoding family (issue 11): base64_encode_fromarray, base64_decode_toguid, base64_encode_fromguid, the zlib
 * and gzip base64 functions and the punycode functions. Values from the examples of each function's page in
 * MicrosoftDocs/dataexplorer-docs or worked by hand; result types from the official analyzer.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync, zlibSync } from 'fflate';
import fc from 'fast-check';
import { runKql } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { call, failCode } from './helpers.js';
import { MAX_DECOMPRESSED_BYTES } from '../../src/functions/encoding/compression.js';
import { MAX_PUNYCODE_LENGTH } from '../../src/functions/encoding/punycode_functions.js';

function rows(q: string): Record<string, unknown>[] {
  return runKql(q).rows;
}
function one(q: string): Record<string, unknown> {
  return rows(q)[0]!;
}
const b64 = (u: Uint8Array) => btoa(String.fromCharCode(...u));
const S = ['string'] as const;
const str = (name: string, s: string) => call(name, [...S], [s]);

describe('encoding family: result types match the analyzer', () => {
  it('every function', () => {
    const q = 'print a=base64_encode_fromarray(dynamic([1])), b=base64_decode_toguid("x"), c=base64_encode_fromguid(toguid("ae3133f2-6e22-49ae-b06a-16e6a9b212eb")),'
      + ' d=zlib_compress_to_base64_string("x"), e=zlib_decompress_from_base64_string("x"), f=gzip_compress_to_base64_string("x"),'
      + ' g=gzip_decompress_from_base64_string("x"), h=punycode_to_string("x"), i=punycode_from_string("x"), j=punycode_domain_to_string("x"),'
      + ' k=punycode_domain_from_string("x")';
    const ours = formatColumns(runKql(q).columns);
    expect(ours).toBe('a:string, b:guid, c:string, d:string, e:string, f:string, g:string, h:string, i:string, j:string, k:string');
    expect(formatColumns(analyzeWithOracle(q).columns)).toBe(ours);
  });

  it.each([
    'print a=base64_encode_fromarray("x")',
    'print a=base64_decode_toguid(1)',
    'print a=base64_decode_toguid(dynamic("x"))',
    'print a=base64_encode_fromguid("abcd1231")',
    'print a=zlib_compress_to_base64_string(1)',
    'print a=zlib_decompress_from_base64_string(dynamic("x"))',
    'print a=gzip_compress_to_base64_string(1)',
    'print a=gzip_decompress_from_base64_string(dynamic("x"))',
    'print a=punycode_to_string(1)',
    'print a=punycode_from_string(dynamic("x"))',
    'print a=punycode_domain_to_string(1)',
    'print a=punycode_domain_from_string(1)',
  ])('wrong argument type fails to bind, as in the analyzer: %s', (q) => {
    expect(analyzeWithOracle(q).errors.length).toBeGreaterThan(0);
    expect(failCode(q)).toBe('SEM_TYPE_MISMATCH');
  });
});

describe('base64_encode_fromarray', () => {
  it('docs examples: the inverse of base64_decode_toarray; invalid base64 (unpadded) decodes to null, which encodes to ""', () => {
    expect(one('let bytes_array = toscalar(print base64_decode_toarray("S3VzdG8="));\nprint decoded_base64_string = base64_encode_fromarray(bytes_array)'))
      .toEqual({ decoded_base64_string: 'S3VzdG8=' });
    expect(one('let empty_bytes_array = toscalar(print base64_decode_toarray("U3RyaW5n0KHR0tGA0L7Rh9C60LA"));\nprint empty_string = base64_encode_fromarray(empty_bytes_array)'))
      .toEqual({ empty_string: '' });
  });
  it('elements must be integers 0..255; a non-array or null gives ""; [] gives ""', () => {
    expect(one('print a = base64_encode_fromarray(dynamic([75, 117, 115, 116, 111])), b = base64_encode_fromarray(dynamic([256])),'
      + ' c = base64_encode_fromarray(dynamic([1.5])), d = base64_encode_fromarray(dynamic(["1"])), e = base64_encode_fromarray(dynamic({"a":1})),'
      + ' f = base64_encode_fromarray(dynamic(null)), g = base64_encode_fromarray(dynamic([])), h = base64_encode_fromarray(dynamic([0, 255, -1]))'))
      .toEqual({ a: 'S3VzdG8=', b: '', c: '', d: '', e: '', f: '', g: '', h: '' });
  });
});

describe('base64 GUIDs', () => {
  it('docs example of base64_encode_fromguid (.NET Guid.ToByteArray order)', () => {
    expect(one('print Quine = base64_encode_fromguid(toguid("ae3133f2-6e22-49ae-b06a-16e6a9b212eb"))').Quine).toBe('8jMxriJurkmwahbmqbIS6w==');
  });
  it('base64_decode_toguid reads the same order (the docs page prints 10e99626-bc2b-754c-...: see differences-from-kusto.md)', () => {
    expect(one('print Quine = base64_decode_toguid("JpbpECu8dUy7Pv5gbeJXAA==")').Quine).toBe('10e99626-bc2b-4c75-bb3e-fe606de25700');
    expect(one('print g = base64_decode_toguid("8jMxriJurkmwahbmqbIS6w==")').g).toBe('ae3133f2-6e22-49ae-b06a-16e6a9b212eb');
  });
  it('docs example: invalid base64 or not 16 bytes is null; round trips', () => {
    expect(one('print Empty = base64_decode_toguid("abcd1231"), b = base64_decode_toguid("JpbpECu8dUy7Pv5gbeJXAA"), c = base64_decode_toguid(""),'
      + ' d = base64_encode_fromguid(base64_decode_toguid("JpbpECu8dUy7Pv5gbeJXAA==")), e = base64_encode_fromguid(guid(null))'))
      .toEqual({ Empty: null, b: null, c: null, d: 'JpbpECu8dUy7Pv5gbeJXAA==', e: '' });
  });
});

describe('zlib and gzip', () => {
  it('docs examples: compressing "1234567890qwertyuiop" gives the documented bytes exactly', () => {
    expect(one('print zcomp = zlib_compress_to_base64_string("1234567890qwertyuiop")').zcomp).toBe('eAEBFADr/zEyMzQ1Njc4OTBxd2VydHl1aW9wOAkGdw==');
    expect(one('print res = gzip_compress_to_base64_string("1234567890qwertyuiop")').res).toBe('H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==');
  });
  it('docs examples: decompressing', () => {
    expect(one('print zcomp = zlib_decompress_from_base64_string("eJwLSS0uUSguKcrMS1cwNDIGACxqBQ4=")').zcomp).toBe('Test string 123');
    expect(one('print zcomp = zlib_decompress_from_base64_string("x0x0x0")').zcomp).toBe('');
    expect(one('print res=gzip_decompress_from_base64_string("H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==")').res).toBe('1234567890qwertyuiop');
    expect(one('print res=gzip_decompress_from_base64_string("x0x0x0")').res).toBe('');
  });
  it('round trips, including empty and non-ASCII text', () => {
    for (const s of ['', 'a', 'héllo wörld ✓ 𝄞', 'abc'.repeat(40_000)]) {
      expect(str('zlib_decompress_from_base64_string', str('zlib_compress_to_base64_string', s) as string)).toBe(s);
      expect(str('gzip_decompress_from_base64_string', str('gzip_compress_to_base64_string', s) as string)).toBe(s);
    }
  });
  it('reads data compressed at any level by another compressor', () => {
    const data = new TextEncoder().encode('to be or not to be, '.repeat(1000));
    expect(str('zlib_decompress_from_base64_string', b64(zlibSync(data, { level: 9 })))).toBe('to be or not to be, '.repeat(1000));
    expect(str('gzip_decompress_from_base64_string', b64(gzipSync(data, { level: 6, mtime: 0 })))).toBe('to be or not to be, '.repeat(1000));
  });
  it('headers are checked: gzip FLG must be 0, zlib must be deflate with a 32K window and a valid check', () => {
    const named = gzipSync(new TextEncoder().encode('x'), { filename: 'a.txt', mtime: 0 });
    expect(named[3]).toBe(8);
    expect(str('gzip_decompress_from_base64_string', b64(named))).toBe('');
    const z = zlibSync(new TextEncoder().encode('x'));
    expect(str('zlib_decompress_from_base64_string', b64(z))).toBe('x');
    expect(str('zlib_decompress_from_base64_string', b64(Uint8Array.from([z[0]! ^ 0x10, ...z.subarray(1)])))).toBe('');
    expect(str('zlib_decompress_from_base64_string', b64(Uint8Array.from([z[0]!, z[1]! ^ 1, ...z.subarray(2)])))).toBe('');
    // gzip data to the zlib function and the other way round
    expect(str('zlib_decompress_from_base64_string', b64(gzipSync(new TextEncoder().encode('x'))))).toBe('');
    expect(str('gzip_decompress_from_base64_string', b64(z))).toBe('');
  });
  it('truncated data, invalid UTF-8 and empty input give ""', () => {
    const z = zlibSync(new TextEncoder().encode('hello world, hello world'));
    expect(str('zlib_decompress_from_base64_string', b64(z.subarray(0, z.length - 8)))).toBe('');
    expect(str('zlib_decompress_from_base64_string', b64(zlibSync(Uint8Array.from([0xff, 0xfe]))))).toBe('');
    expect(str('zlib_decompress_from_base64_string', '')).toBe('');
    expect(str('gzip_decompress_from_base64_string', '')).toBe('');
    expect(one('print a = zlib_compress_to_base64_string(""), b = zlib_decompress_from_base64_string(zlib_compress_to_base64_string(""))')).toEqual({ a: 'eAEBAAD//wAAAAE=', b: '' });
  });
  it('a decompression bomb stops at the output limit and gives ""', () => {
    const zeros = new Uint8Array(MAX_DECOMPRESSED_BYTES + 1);
    const bomb = b64(zlibSync(zeros, { level: 1 }));
    expect(bomb.length).toBeLessThan(100_000);
    expect(str('zlib_decompress_from_base64_string', bomb)).toBe('');
    const gbomb = gzipSync(zeros, { level: 1, mtime: 0 });
    gbomb[8] = 0;
    expect(str('gzip_decompress_from_base64_string', b64(gbomb))).toBe('');
    // Exactly at the limit is still read (the bytes are NULs, valid UTF-8).
    const atLimit = zlibSync(zeros.subarray(1), { level: 1 });
    expect((str('zlib_decompress_from_base64_string', b64(atLimit)) as string).length).toBe(MAX_DECOMPRESSED_BYTES);
  });
});

describe('punycode', () => {
  it('docs examples: punycode_to_string and punycode_from_string', () => {
    expect(one("print decoded = punycode_to_string('acadmie-franaise-npb1a')").decoded).toBe('académie-française');
    expect(one("print encoded = punycode_from_string('académie-française')").encoded).toBe('acadmie-franaise-npb1a');
    const q = `print domain='艺术.com'
| extend domain_vec = split(domain, '.')
| extend encoded_host = punycode_from_string(tostring(domain_vec[0]))
| extend encoded_domain = strcat('xn--', encoded_host, '.', domain_vec[1])`;
    expect(one(q)).toEqual({ domain: '艺术.com', domain_vec: ['艺术', 'com'], encoded_host: 'cqv902d', encoded_domain: 'xn--cqv902d.com' });
  });
  it('docs example: punycode_domain_to_string encodes domain names (any IDNA full stop separates labels)', () => {
    const q = `datatable(domain:string )['Lê Lợi。Thuận Thiên。com', 'Riðill｡Skáldskaparmál｡org', "Kaledvoulc'h.Artorījos.edu"]
| extend str=punycode_domain_to_string(domain)`;
    expect(rows(q).map((r) => r.str)).toEqual([
      'xn--L Li-gpa4517b.xn--Thun Thin-s4a7194f.com', 'xn--Riill-jta.xn--Skldskaparml-dbbj.org', "Kaledvoulc'h.xn--Artorjos-ejb.edu",
    ]);
  });
  it('docs example: punycode_domain_from_string decodes, keeping letter case', () => {
    const q = `datatable(encoded:string) ["xn--Ge-mia.Bulg.edu", "xn--Lin-8na.Celtchair.org", "xn--Ry-lja8c.xn--Jng-uta63a.xn--Bng-9ka.com"]
| extend domain=punycode_domain_from_string(encoded)`;
    expect(rows(q).map((r) => r.domain)).toEqual(['Gáe.Bulg.edu', 'Lúin.Celtchair.org', 'Rúyì.Jīngū.Bàng.com']);
  });
  it('invalid input gives ""; empty input gives ""; round trips', () => {
    expect(one("print a = punycode_to_string('ü'), b = punycode_to_string('99999999999'), c = punycode_to_string(''), d = punycode_from_string(''),"
      + " e = punycode_domain_from_string('xn--99999999999.com'), f = punycode_domain_from_string('plain.com'), g = punycode_domain_to_string('plain.com'),"
      + " h = punycode_to_string(punycode_from_string('日本語テキスト')), i = punycode_domain_from_string(punycode_domain_to_string('bücher.例え.jp'))"))
      .toEqual({ a: '', b: '', c: '', d: '', e: '', f: 'plain.com', g: 'plain.com', h: '日本語テキスト', i: 'bücher.例え.jp' });
  });
  it('inputs longer than the limit give "" instead of a quadratic decode', () => {
    const long = 'a'.repeat(MAX_PUNYCODE_LENGTH) + '-' + '9'.repeat(10);
    expect(str('punycode_to_string', long)).toBe('');
    expect(str('punycode_from_string', 'é'.repeat(MAX_PUNYCODE_LENGTH + 1))).toBe('');
    expect(str('punycode_from_string', 'é'.repeat(100))).not.toBe('');
    expect(str('punycode_domain_to_string', 'é'.repeat(MAX_PUNYCODE_LENGTH + 1) + '.com')).toBe('');
  });
});

describe('url_encode / url_encode_component (fixed: the component form encodes a space as %20)', () => {
  it('docs examples', () => {
    expect(one("let url = @'https://www.bing.com/hello world';\nprint original = url, encoded = url_encode(url)"))
      .toEqual({ original: 'https://www.bing.com/hello world', encoded: 'https%3a%2f%2fwww.bing.com%2fhello+world' });
    expect(one("let url = @'https://www.bing.com/hello world';\nprint original = url, encoded = url_encode_component(url)"))
      .toEqual({ original: 'https://www.bing.com/hello world', encoded: 'https%3a%2f%2fwww.bing.com%2fhello%20world' });
  });
  it('types as in the analyzer; only strings are accepted', () => {
    const q = 'print a = url_encode("a b"), b = url_encode_component("a b&c=é")';
    expect(formatColumns(runKql(q).columns)).toBe(formatColumns(analyzeWithOracle(q).columns));
    expect(one(q)).toEqual({ a: 'a+b', b: 'a%20b%26c%3d%c3%a9' });
    for (const bad of ['print a = url_encode_component(1)', 'print a = url_encode_component(dynamic("x"))', 'print a = url_encode(dynamic("x"))']) {
      expect(analyzeWithOracle(bad).errors.length).toBeGreaterThan(0);
      expect(failCode(bad)).toBe('SEM_TYPE_MISMATCH');
    }
  });
});

describe('tohex (fixed: a negative int prints as 32-bit two\'s complement; minLength at most 16)', () => {
  it('docs example', () => {
    const q = `print
    tohex(256) == '100',
    tohex(-256) == 'ffffffffffffff00',
    tohex(toint(-256), 8) == 'ffffff00',
    tohex(256, 8) == '00000100',
    tohex(256, 2) == '100'`;
    expect(Object.values(one(q))).toEqual([true, true, true, true, true]);
  });
  it('ints and longs, widths, nulls', () => {
    const q = 'print a = tohex(toint(-1)), b = tohex(-1), c = tohex(toint(255), 4), d = tohex(1, 20), e = tohex(toint(null)), f = tohex(-2147483648), g = tohex(toint(-2147483648))';
    expect(formatColumns(runKql(q).columns)).toBe(formatColumns(analyzeWithOracle(q).columns));
    expect(one(q)).toEqual({ a: 'ffffffff', b: 'ffffffffffffffff', c: '00ff', d: '0000000000000001', e: '', f: 'ffffffff80000000', g: '80000000' });
    expect(failCode('print a = tohex(1.5)')).toBe('SEM_TYPE_MISMATCH');
  });
});

describe('round-trip properties', () => {
  it('compress then decompress gives the text back (well-formed Unicode)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
      expect(str('zlib_decompress_from_base64_string', str('zlib_compress_to_base64_string', s) as string)).toBe(s);
      expect(str('gzip_decompress_from_base64_string', str('gzip_compress_to_base64_string', s) as string)).toBe(s);
    }), { seed: 9, numRuns: 300 });
  });
  it('base64 GUID and punycode round trips', () => {
    fc.assert(fc.property(fc.uuid(), (g) => {
      expect(call('base64_decode_toguid', ['string'], [call('base64_encode_fromguid', ['guid'], [g])])).toBe(g);
    }), { seed: 4, numRuns: 200 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), (s) => {
      expect(str('punycode_to_string', str('punycode_from_string', s) as string)).toBe(s);
    }), { seed: 2, numRuns: 300 });
  });
});
