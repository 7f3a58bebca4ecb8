/** The golden comparator itself must be able to fail: these run without the engine. */
import { describe, expect, test } from 'vitest';
import { normalizeRows, sortRows } from './compare.js';

const cols = [
  { name: 's', type: 'string' },
  { name: 't', type: 'datetime' },
  { name: 'set', type: 'dynamic' },
  { name: 'd', type: 'dynamic' },
];
const norm = (rows: Record<string, unknown>[]) => sortRows(normalizeRows(rows, cols, ['set']));

describe('golden comparator', () => {
  const expected = [{ s: 'a', t: '2024-05-01T00:00:00Z', set: ['x', 'y'], d: ['p', 'q'] }];

  test('equal: Date vs ISO string, set order, object key order', () => {
    const got = [{ s: 'a', t: new Date('2024-05-01T00:00:00.000Z'), set: ['y', 'x'], d: ['p', 'q'] }];
    expect(norm(got)).toEqual(norm(expected));
    expect(norm([{ s: '', t: null, set: [{ b: 1, a: 2 }], d: null }])).toEqual(norm([{ s: '', t: null, set: [{ a: 2, b: 1 }], d: null }]));
  });

  test('not equal: a different instant, a non-set array in another order, a missing or extra key, null vs ""', () => {
    const base = { s: 'a', t: new Date('2024-05-01T00:00:00Z'), set: ['x', 'y'], d: ['p', 'q'] };
    expect(norm([{ ...base, t: new Date('2024-05-01T00:00:01Z') }])).not.toEqual(norm(expected));
    expect(norm([{ ...base, d: ['q', 'p'] }])).not.toEqual(norm(expected));
    expect(norm([{ ...base, t: '2024-05-01T00:00:00Z' }])).toEqual(norm(expected)); // strings accepted only when they parse to the same instant
    const { s: _s, ...noS } = base;
    expect(norm([noS])).not.toEqual(norm(expected));
    expect(norm([{ ...base, extra: 1 }])).not.toEqual(norm(expected));
    expect(norm([{ ...base, s: null }])).not.toEqual(norm([{ ...base, s: '' }]));
    expect(norm([{ ...base, set: ['x', 'y', 'y'] }])).not.toEqual(norm(expected));
  });

  test('multiset: duplicate rows count', () => {
    const r = { s: 'a', t: null, set: [], d: null };
    expect(norm([r, r])).not.toEqual(norm([r]));
  });
});
