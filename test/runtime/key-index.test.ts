import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyIndex, hashValues, sameKeyValues } from '../../src/runtime/key-index.js';
import { keyOfValues } from '../../src/runtime/hash-key.js';

const keyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('a', 'b', '', '1', 'NaN', 'null'),
  fc.integer({ min: -2, max: 2 }),
  fc.constantFrom(0, -0, 0.5, NaN, Infinity, 2 ** 53, 2 ** 60, 1e21),
  fc.constantFrom(2n ** 53n, 2n ** 60n, 10n ** 21n, -(2n ** 63n)),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.constantFrom({ a: 1 }, { a: 1 }, { a: '1' }, [1, 'x'], [1, 'x'], []),
);

describe('KeyIndex groups exactly as keyOfValues keys', () => {
  it('same groups in the same first-seen order as a Map keyed by keyOfValues', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }).chain((width) => fc.array(fc.array(keyValue, { minLength: width, maxLength: width }), { maxLength: 40 })), (keys) => {
      const byString = new Map<string, number[]>();
      const index = new KeyIndex<{ key: unknown[]; rows: number[] }>((g) => g.key);
      keys.forEach((key, row) => {
        const k = keyOfValues(key);
        if (!byString.has(k)) byString.set(k, []);
        byString.get(k)!.push(row);
        index.getOrAdd(key, (copy) => ({ key: copy, rows: [] })).rows.push(row);
      });
      expect(index.entries.map((g) => g.rows)).toEqual([...byString.values()]);
    }), { numRuns: 500 });
  });
  it('equal keys hash alike, across numbers and bigints of one value', () => {
    expect(sameKeyValues([2 ** 53], [2n ** 53n])).toBe(true);
    expect(hashValues([2 ** 53])).toBe(hashValues([2n ** 53n]));
    expect(hashValues([0, 'a'])).toBe(hashValues([-0, 'a']));
    expect(sameKeyValues([NaN], [NaN])).toBe(true);
    expect(sameKeyValues([1], ['1'])).toBe(false);
    expect(sameKeyValues([null], [''])).toBe(false);
  });
  it('keys that share a hash are still told apart', () => {
    // Every key hashes to one bucket here: the index must compare values.
    const index = new KeyIndex<{ key: unknown[] }>((g) => g.key, () => 7);
    const many = Array.from({ length: 50 }, (_, i) => [`k${i % 10}`, i % 3]);
    for (const k of many) index.getOrAdd(k, (copy) => ({ key: copy }));
    expect(index.size).toBe(30);
    expect(index.entries.slice(0, 3).map((g) => g.key)).toEqual([['k0', 0], ['k1', 1], ['k2', 2]]);
  });
  it('datetime and timespan columns: a number (milliseconds) and a bigint (ticks) of the same digits are different keys, as in keyOfValues', () => {
    // src/runtime/ticks.ts: 1 is 1 ms, 1n is 1 tick; in a long column they are one value.
    const time = [true, false];
    expect(sameKeyValues([1, 1], [1n, 1], time)).toBe(false);
    expect(sameKeyValues([1n, 1], [1n, 1n], time)).toBe(true);
    expect(sameKeyValues([2 ** 53, 2 ** 53], [2 ** 53, 2n ** 53n], time)).toBe(true);
    const timeValue: fc.Arbitrary<unknown> = fc.constantFrom(0, 1, 2, 1n, 2n, 3n, -1n, null);
    fc.assert(fc.property(fc.array(fc.tuple(timeValue, keyValue), { maxLength: 40 }), (keys) => {
      const byString = new Map<string, number[]>();
      const index = new KeyIndex<{ key: unknown[]; rows: number[] }>((g) => g.key, undefined, time);
      keys.forEach((key, row) => {
        const k = keyOfValues(key, time);
        if (!byString.has(k)) byString.set(k, []);
        byString.get(k)!.push(row);
        index.getOrAdd(key, (copy) => ({ key: copy, rows: [] })).rows.push(row);
      });
      expect(index.entries.map((g) => g.rows)).toEqual([...byString.values()]);
    }), { seed: 3, numRuns: 300 });
  });
});
