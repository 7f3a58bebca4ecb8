import { describe, expect, it } from 'vitest';
import { bindError, bindScalar, call, type Case } from './helpers.js';

const S = 'string' as const;
const Dy = 'dynamic' as const;
// Expected values from the examples of the ipv4-*, parse-ipv4, has-ipv4, toguid, reverse, string-size,
// translate, url-encode/decode, base64-*, array-slice, array-sort-*, zip, repeat, bag-merge, bag-remove-keys,
// parse-url and parse-urlquery docs, or worked by hand.
const cases: Case[] = [
  ['ipv4_is_private', [S], ['192.168.1.1/24'], true],
  ['ipv4_is_private', [S], ['10.1.2.3/24'], true],
  ['ipv4_is_private', [S], ['202.1.2.3'], false],
  ['ipv4_is_private', [S], ['127.0.0.1'], false],
  ['ipv4_is_private', [S], ['172.31.255.255'], true],
  ['ipv4_is_private', [S], ['172.32.0.1'], false],
  ['ipv4_is_private', [S], ['not an ip'], null],
  ['ipv4_is_private', [S], [''], null],
  ['ipv4_is_private', [Dy], [null], null],
  ['ipv4_is_private', [S], ['256.1.1.1'], null],
  ['ipv4_compare', [S, S], ['192.168.1.1', '192.168.1.255'], -1],
  ['ipv4_compare', [S, S], ['192.168.1.255', '192.168.1.1'], 1],
  ['ipv4_compare', [S, S], ['192.168.1.1/24', '192.168.1.255/24'], 0],
  ['ipv4_compare', [S, S, 'long'], ['192.168.1.1', '192.168.1.255', 24], 0],
  ['ipv4_compare', [S, S], ['192.168.1.1', 'x'], null],
  ['ipv4_is_match', [S, S], ['192.168.1.1', '192.168.1.255'], false],
  ['ipv4_is_match', [S, S], ['192.168.1.1/24', '192.168.1.255/24'], true],
  ['ipv4_is_match', [S, S, 'long'], ['192.168.1.1', '192.168.1.255', 24], true],
  ['ipv4_is_match', [S, S], ['', '1.1.1.1'], null],
  ['ipv4_is_in_range', [S, S], ['192.168.1.1', '192.168.1.1'], true],
  ['ipv4_is_in_range', [S, S], ['192.168.1.1', '192.168.1.255/24'], true],
  ['ipv4_is_in_range', [S, S], ['192.168.2.1', '192.168.1.255/24'], false],
  ['ipv4_is_in_range', [S, S], ['192.168.2.1', 'bad'], null],
  ['ipv4_is_in_any_range', [S, S, S], ['192.168.1.6', '192.168.1.1/24', '10.0.0.1/8'], true],
  ['ipv4_is_in_any_range', [S, Dy], ['192.168.1.6', ['10.0.0.1/8', '127.0.0.1/8']], false],
  ['ipv4_is_in_any_range', [S, Dy], ['10.1.2.3', ['10.0.0.1/8', '127.0.0.1/8']], true],
  ['ipv4_is_in_any_range', [S, S], ['x', '10.0.0.1/8'], null],
  ['parse_ipv4', [S], ['127.0.0.1'], 2130706433],
  ['parse_ipv4', [S], ['192.1.168.1'], 3221334017],
  ['parse_ipv4', [S], ['192.1.168.1/24'], 3221334016],
  ['parse_ipv4', [S], ['192.1.168'], null],
  ['parse_ipv4', [S], [''], null],
  ['has_ipv4', [S, S], ['05:04:54 127.0.0.1 GET /favicon.ico 404', '127.0.0.1'], true],
  ['has_ipv4', [S, S], ['05:04:54 127.0.0.256 GET /favicon.ico 404', '127.0.0.256'], false],
  ['has_ipv4', [S, S], ['x127.0.0.1 and 127.0.0.10', '127.0.0.1'], false],
  ['has_ipv4', [S, S], ['', '127.0.0.1'], false],
  ['has_any_ipv4', [S, S, S], ['05:04:54 127.0.0.1 GET', '127.0.0.2', '127.0.0.1'], true],
  ['has_any_ipv4', [S, Dy], ['05:04:54 127.0.0.1 GET', ['127.0.0.2', '127.0.0.3']], false],
  ['toguid', [S], ['0123456789abcdef0123456789abcdef'], '01234567-89ab-cdef-0123-456789abcdef'],
  ['toguid', [S], ['{74BE27DE-1E4E-49D9-B579-FE0B331D3642}'], '74be27de-1e4e-49d9-b579-fe0b331d3642'],
  ['toguid', [S], ['not a guid'], null],
  ['toguid', [S], [''], null],
  ['toguid', [Dy], [null], null],
  ['todecimal', [S], ['123.45678'], 123.45678],
  ['todecimal', [S], ['abc'], null],
  ['todecimal', ['long'], [null], null],
  ['reverse', [S], ['ABCDEF'], 'FEDCBA'],
  ['reverse', ['long'], [123], '321'],
  ['reverse', [S], [''], ''],
  ['reverse', ['long'], [null], ''],
  ['string_size', [S], ['hello'], 5],
  ['string_size', [S], ['⒦⒰⒮⒯⒪'], 15],
  ['string_size', [S], [''], 0],
  ['isascii', [S], ['abc'], true],
  ['isascii', [S], ['abc☃'], false],
  ['isascii', [S], [''], true],
  ['isutf8', [S], ['abc☃'], true],
  ['isutf8', [S], ['\ud800x'], false],
  ['translate', [S, S, S], ['abc', 'x', 'abc'], 'xxx'],
  ['translate', [S, S, S], ['abc', '', 'ab'], ''],
  ['translate', [S, S, S], ['krasp', 'otsku', 'spark'], 'kusto'],
  ['translate', [S, S, S], ['a', 'b', ''], ''],
  ['url_encode', [S], ['https://www.bing.com/'], 'https%3a%2f%2fwww.bing.com%2f'],
  ['url_encode', [S], ['a b&c=é'], 'a+b%26c%3d%c3%a9'],
  ['url_encode', [S], [''], ''],
  ['url_decode', [S], ['https%3a%2f%2fwww.bing.com%2f'], 'https://www.bing.com/'],
  ['url_decode', [S], ['a+b%26c%3d%c3%a9'], 'a b&c=é'],
  ['url_decode', [S], ['%zz'], ''],
  ['base64_encode_tostring', [S], ['Kusto'], 'S3VzdG8='],
  ['base64_encode_tostring', [S], [''], ''],
  ['base64_decode_tostring', [S], ['S3VzdG8='], 'Kusto'],
  ['base64_decode_tostring', [S], ['U3RyaW5n0KHRgtGA0L7Rh9C60LA='], 'StringСтрочка'],
  ['base64_decode_tostring', [S], ['U3RyaW5nKAAACAD/ZMwAAAAAAAA='], ''],
  ['base64_decode_tostring', [S], ['not base64!'], ''],
  ['base64_decode_toarray', [S], ['S3VzdG8='], [75, 117, 115, 116, 111]],
  ['base64_decode_toarray', [S], ['!!'], null],
  ['array_slice', [Dy, 'long', 'long'], [[1, 2, 3], 1, 2], [2, 3]],
  ['array_slice', [Dy, 'long', 'long'], [[1, 2, 3, 4, 5], 2, -1], [3, 4, 5]],
  ['array_slice', [Dy, 'long', 'long'], [[1, 2, 3, 4, 5], -3, -2], [3, 4]],
  ['array_slice', [Dy, 'long', 'long'], [[1, 2, 3], 5, 7], []],
  ['array_slice', [Dy, 'long', 'long'], [[], 0, 1], []],
  ['array_slice', [Dy, 'long', 'long'], ['text', 0, 1], null],
  ['array_slice', [Dy, 'long', 'long'], [[1], null, 1], null],
  ['array_sort_asc', [Dy], [[7, 1, null, 3]], [1, 3, 7, null]],
  ['array_sort_asc', [Dy, 'bool'], [[7, 1, null, 3], false], [null, 1, 3, 7]],
  ['array_sort_asc', [Dy], [['b', 1, 'a', 2]], [1, 2, 'a', 'b']],
  ['array_sort_desc', [Dy], [['b', 'c', 'a', null]], ['c', 'b', 'a', null]],
  ['array_sort_desc', [Dy], [[]], []],
  ['array_sort_asc', [Dy], [{ a: 1 }], null],
  ['zip', [Dy, Dy], [[1, 3, 5], [2, 4, 6]], [[1, 2], [3, 4], [5, 6]]],
  ['zip', [Dy, Dy], [[1, 3, 5], [2, 4]], [[1, 2], [3, 4], [5, null]]],
  ['zip', [Dy, Dy], [[], []], []],
  ['zip', [Dy, Dy], [[1], 'x'], null],
  ['repeat', [S, 'long'], ['a', 3], ['a', 'a', 'a']],
  ['repeat', ['long', 'long'], [1, 3], [1, 1, 1]],
  ['repeat', ['long', 'long'], [1, 0], []],
  ['repeat', ['long', 'long'], [1, -1], []],
  ['repeat', ['long', 'long'], [null, 2], [null, null]],
  ['repeat', ['long', 'long'], [1, null], null],
  ['set_has_element', [Dy, S], [['this', 'is', 'an', 'example'], 'example'], true],
  ['set_has_element', [Dy, S], [['this', 'is', 'an', 'example'], 'test'], false],
  ['set_has_element', [Dy, 'long'], [[1, 2, 3], 2], true],
  ['set_has_element', [Dy, 'long'], [[], 2], false],
  ['set_has_element', [Dy, 'long'], ['x', 2], null],
  ['bag_merge', [Dy, Dy], [{ A1: 12, B1: 2, C1: 3 }, { A2: 81, B2: 82, A1: 1 }], { A1: 12, B1: 2, C1: 3, A2: 81, B2: 82 }],
  ['bag_merge', [Dy, Dy], [{}, {}], {}],
  ['bag_merge', [Dy, Dy], [null, { a: 1 }], { a: 1 }],
  ['bag_remove_keys', [Dy, Dy], [{ key1: 123, key2: 'abc' }, ['key1']], { key2: 'abc' }],
  ['bag_remove_keys', [Dy, Dy], [{ key1: 123, key2: 'abc' }, ['key3', 'key4']], { key1: 123, key2: 'abc' }],
  ['bag_remove_keys', [Dy, Dy], [{ key1: 123, key2: { prop1: 456, prop2: 789 } }, ['$.key2.prop1', 'key1']], { key2: { prop2: 789 } }],
  ['bag_remove_keys', [Dy, Dy], [{}, ['a']], {}],
  ['bag_remove_keys', [Dy, Dy], [[1], ['a']], null],
  ['dynamic_to_json', [Dy], [{ b: 1, a: [2, { d: 1, c: 2 }] }], '{"a":[2,{"c":2,"d":1}],"b":1}'],
  ['dynamic_to_json', [Dy], [null], 'null'],
  ['parse_url', [S], ['scheme://username:password@host:1234/this/is/a/path?k1=v1&k2=v2#fragment'], {
    Scheme: 'scheme', Host: 'host', Port: '1234', Path: '/this/is/a/path', Username: 'username', Password: 'password',
    'Query Parameters': { k1: 'v1', k2: 'v2' }, Fragment: 'fragment',
  }],
  ['parse_url', [S], ['https://contoso.com/a b'], {
    Scheme: 'https', Host: 'contoso.com', Port: '', Path: '/a b', Username: '', Password: '', 'Query Parameters': {}, Fragment: '',
  }],
  ['parse_url', [S], [''], {}],
  ['parse_urlquery', [S], ['k1=v1&k2=v2&k3=v3'], { 'Query Parameters': { k1: 'v1', k2: 'v2', k3: 'v3' } }],
  ['parse_urlquery', [S], ['?a=%20b&c'], { 'Query Parameters': { a: ' b', c: '' } }],
  ['parse_urlquery', [S], [''], { 'Query Parameters': {} }],
];

describe('more scalar functions', () => {
  it.each(cases)('%s(%j) of %j', (name, types, values, expected) => {
    expect(call(name, types, values)).toEqual(expected);
  });

  it('result types match the analyzer', () => {
    expect(bindScalar('parse_ipv4', [S]).type).toBe('long');
    expect(bindScalar('ipv4_compare', [S, S]).type).toBe('long');
    expect(bindScalar('ipv4_is_private', [S]).type).toBe('bool');
    expect(bindScalar('toguid', [S]).type).toBe('guid');
    expect(bindScalar('todecimal', [S]).type).toBe('decimal');
    expect(bindScalar('string_size', [S]).type).toBe('long');
    expect(bindScalar('repeat', [S, 'long']).type).toBe('dynamic');
    expect(bindScalar('arraylength', [Dy]).type).toBe('long');
    expect(bindScalar('parsejson', [S]).type).toBe('dynamic');
    expect(bindScalar('array_strcat', [Dy, S]).type).toBe('string');
  });

  it('rejects wrong argument types', () => {
    expect(bindError('ipv4_is_private', ['long']).argIndex).toBe(0);
    expect(bindError('ipv4_is_match', [S, 'long']).argIndex).toBe(1);
    expect(bindError('array_slice', [Dy, S, 'long']).argIndex).toBe(1);
    expect(bindError('zip', [Dy, S]).argIndex).toBe(1);
    expect(bindError('bag_merge', [Dy, 'long']).argIndex).toBe(1);
    expect(bindError('string_size', ['long']).argIndex).toBe(0);
    expect(bindError('url_decode', ['long']).argIndex).toBe(0);
    expect(bindError('repeat', [S, S]).argIndex).toBe(1);
    expect(bindError('toguid', ['long']).argIndex).toBe(0);
  });

  it('never lets a "__proto__" key from data change a prototype', () => {
    const evil = JSON.parse('{"__proto__": {"polluted": 1}}');
    const merged = call('bag_merge', [Dy, Dy], [evil, { a: 1 }]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
