/**
 * parseExactJson (src/runtime/values.ts) reads JSON text as JSON.parse does, except that integers beyond 2^53
 * within int64 keep every digit (bigints), and jsonText writes them back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText, parseExactJson, tryParseJson } from '../../src/runtime/values.js';

/** Same as JSON.parse's value, except where an exact bigint stands for JSON.parse's rounded double. */
function sameButExact(exact: unknown, plain: unknown): boolean {
  if (typeof exact === 'bigint') return typeof plain === 'number' && Number(exact) === plain && !Number.isSafeInteger(plain);
  if (Array.isArray(exact)) return Array.isArray(plain) && exact.length === plain.length && exact.every((e, i) => sameButExact(e, plain[i]));
  if (exact !== null && typeof exact === 'object') {
    if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) return false;
    const ke = Object.keys(exact), kp = Object.keys(plain);
    return ke.length === kp.length && ke.every((k, i) => k === kp[i]
      && Object.prototype.hasOwnProperty.call(exact, k) && sameButExact((exact as Record<string, unknown>)[k], (plain as Record<string, unknown>)[k]));
  }
  return Object.is(exact, plain);
}

describe('exact JSON', () => {
  it('agrees with JSON.parse on any JSON text, keys and key order included (property)', () => {
    const big = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((b) => `${b}`);
    const value: fc.Arbitrary<string> = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.json({ maxDepth: 0 }), big, fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d))),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'),
        fc.array(tie('node'), { maxLength: 4 }).map((xs) => ` [ ${xs.join(' ,\n')} ] `),
        fc.array(fc.tuple(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'a', 'constructor')), tie('node')), { maxLength: 4 })
          .map((kv) => `{${kv.map(([k, v]) => `${JSON.stringify(k)}\t:${v}`).join(',')}}`)),
    })).node as fc.Arbitrary<string>;
    fc.assert(fc.property(value, (text) => sameButExact(parseExactJson(text), JSON.parse(text))), { seed: 7, numRuns: 2000 });
  });

  it('keeps integers beyond 2^53 within int64; everything else as JSON.parse reads it', () => {
    expect(parseExactJson('[9007199254740991, 9007199254740992, -9007199254740993, 9223372036854775807, 9223372036854775808, 1e16, 12345678901234567.0, -0]'))
      .toEqual([9007199254740991, 9007199254740992n, -9007199254740993n, 9223372036854775807n, 9223372036854775808, 1e16, 12345678901234568, -0]);
    const o = parseExactJson('{"__proto__": 9007199254740993, "a": 1, "a": 9007199254740995}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(o, '__proto__')?.value).toBe(9007199254740993n);
    expect(o.a).toBe(9007199254740995n);
    expect(Object.keys(o)).toEqual(['__proto__', 'a']);
  });

  it('reads text again only when it may hold such an integer, and round-trips through jsonText', () => {
    expect(tryParseJson('{"id": 123456789012345}')).toEqual({ id: 123456789012345 });
    expect(tryParseJson('{"s": "9007199254740993", "n": 9007199254740993}')).toEqual({ s: '9007199254740993', n: 9007199254740993n });
    const text = '{"a":[9223372036854775807,-9223372036854775808,"x\\"y",1.5,null,true],"b":{}}';
    expect(jsonText(parseExactJson(text))).toBe(text);
  });
});
