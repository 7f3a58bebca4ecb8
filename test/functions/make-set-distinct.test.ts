import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { setBuilder } from '../../src/functions/aggregates/make_set.js';
import { dynamicKey, type DynamicValue } from '../../src/runtime/values.js';
import { runKql } from '../../src/index.js';

/** The definition: first-seen order, equal when the JSON texts are equal, nulls skipped, an array's elements added one by one. */
function naiveDistinct(values: DynamicValue[], limit: number): DynamicValue[] {
  const seen = new Set<string>();
  const out: DynamicValue[] = [];
  for (const v of values.flatMap((x) => (Array.isArray(x) ? x : [x]))) {
    if (v === null || out.length >= limit) continue;
    const k = dynamicKey(v);
    if (!seen.has(k)) { seen.add(k); out.push(v); }
  }
  return out;
}

const value: fc.Arbitrary<DynamicValue> = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('a', 'b', '1', ''),
  fc.boolean(),
  fc.constant(null),
  fc.record({ x: fc.integer({ min: 0, max: 2 }), y: fc.constantFrom('p', 'q') }),
  fc.constantFrom<DynamicValue>([1, 2], [[1], 2], { b: 1, a: [2] }, { a: 2, b: 1 }),
);

describe('make_set keeps distinct values by JSON content, small sets and large alike', () => {
  it('matches the definition for any mix of values, below and past the size where hash sets are built', () => {
    fc.assert(fc.property(fc.array(value, { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (values, limit) => {
      const acc = setBuilder('dynamic', limit, false)();
      for (const v of values) acc.add([v]);
      expect(acc.result()[0]).toEqual(naiveDistinct(values, limit));
    }), { numRuns: 300 });
  });
  it('equal bags are one value; 1 and "1" are two', () => {
    const r = runKql('datatable(d: dynamic) [dynamic({"a": 1, "b": [2]}), 1, dynamic({"a": 1, "b": [2]}), "1", 1] | summarize s = make_set(d)', {});
    expect(r.rows[0].s).toEqual([{ a: 1, b: [2] }, 1, '1']);
  });
});
