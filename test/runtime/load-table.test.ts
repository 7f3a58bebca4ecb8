/** Odd values in the caller's rows are converted, never a crash (found by the fuzzer). */
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';

describe('loading hostile values', () => {
  it('bigints and objects with a non-function toString become text in string columns and null-free JSON in dynamic ones', () => {
    const odd = [-500000000000000n, { prototype: 1, toString: 2, hasOwnProperty: 3 }] as unknown;
    const r = runKql('T | project s, d', { T: { schema: [{ name: 's', type: 'string' }, { name: 'd', type: 'dynamic' }], rows: [{ s: odd, d: odd }] } });
    expect(r.rows).toEqual([{ s: '["-500000000000000",{"prototype":1,"toString":2,"hasOwnProperty":3}]', d: null }]);
    expect(Object.prototype).not.toHaveProperty('prototype');
  });
});
