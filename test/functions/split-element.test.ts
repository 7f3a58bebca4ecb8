/**
 * `split(s, d)[i]` with a constant index takes the one part it needs (ScalarImpl.element) instead of
 * building the whole array; its value must be exactly that of indexing the array split() returns.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runKql } from '../../src/index.js';

/** Each index read both ways: directly (the element path) and through a dynamic copy of the array (the array path). */
function bothWays(rows: { s: string; d: string }[], index: number, withIndexArg?: number) {
  const call = withIndexArg === undefined ? 'split(s, d)' : `split(s, d, ${withIndexArg})`;
  const query = `T | extend direct = ${call}[${index}], viaArray = todynamic(tostring(${call}))[${index}] | project direct, viaArray`;
  return runKql(query, { T: rows }).rows;
}

describe('split(...)[constant index]', () => {
  it.each([
    ['projects/p/zones/z/machineTypes/e2-small', '/', -1, 'e2-small'],
    ['projects/p/zones/z/machineTypes/e2-small', '/', 0, 'projects'],
    ['projects/p/zones/z/machineTypes/e2-small', '/', 5, 'e2-small'],
    ['projects/p/zones/z/machineTypes/e2-small', '/', 6, null],
    ['projects/p/zones/z/machineTypes/e2-small', '/', -6, 'projects'],
    ['projects/p/zones/z/machineTypes/e2-small', '/', -7, null],
    ['user@contoso.com', '@', 1, 'contoso.com'],
    ['no-delimiter', '@', 0, 'no-delimiter'],
    ['no-delimiter', '@', -1, 'no-delimiter'],
    ['no-delimiter', '@', 1, null],
    ['a//b', '/', 1, ''],
    ['', '/', 0, ''],
    ['aaa', 'aa', -1, 'a'],
    ['abc', '', 0, 'abc'],
    ['abc', '', -1, 'abc'],
  ])('split(%j, %j)[%d] is %j', (s, d, index, expected) => {
    expect(bothWays([{ s, d }], index)).toEqual([{ direct: expected, viaArray: expected }]);
  });

  it('with an index argument too: split(s, d, n)[i]', () => {
    const rows = [{ s: 'a_b_c', d: '_' }];
    expect(bothWays(rows, 0, 1)).toEqual([{ direct: 'b', viaArray: 'b' }]);
    expect(bothWays(rows, -1, 2)).toEqual([{ direct: 'c', viaArray: 'c' }]);
    expect(bothWays(rows, 1, 1)).toEqual([{ direct: null, viaArray: null }]);
    expect(bothWays(rows, 0, 5)).toEqual([{ direct: null, viaArray: null }]);
    expect(bothWays(rows, 0, -1)).toEqual([{ direct: null, viaArray: null }]);
  });

  it('agrees with indexing the whole array on generated texts, delimiters and indexes', () => {
    const text = fc.array(fc.constantFrom('a', 'b', '/', '@', '//', 'ab'), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(fc.record({ s: text, d: fc.constantFrom('/', '@', 'a', 'ab', '//', '') }), { minLength: 1, maxLength: 5 }), fc.integer({ min: -6, max: 6 }), (rows, index) => {
        for (const row of bothWays(rows, index)) expect(row.direct).toEqual(row.viaArray);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
