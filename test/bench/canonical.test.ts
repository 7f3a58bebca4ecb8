import { describe, expect, it } from 'vitest';
import { canonicalValue, canonicalize, diffRows, setColumnsOf } from '../../scripts/bench-canonical.js';

const cols = [
  { name: 'T', type: 'datetime' },
  { name: 'N', type: 'long' },
  { name: 'S', type: 'string' },
  { name: 'D', type: 'dynamic' },
  { name: 'Set', type: 'dynamic' },
];

describe('bench canonical form', () => {
  it('writes datetimes as ISO text from a Date, epoch ms or date text', () => {
    const iso = '2024-06-01T00:00:00.000Z';
    expect(canonicalValue('datetime', new Date(iso))).toBe(iso);
    expect(canonicalValue('datetime', Date.parse(iso))).toBe(iso);
    expect(canonicalValue('datetime', '2024-06-01T00:00:00.0000000Z')).toBe(iso);
    expect(canonicalValue('datetime', null)).toBeNull();
  });

  it('makes numbers and bigints of long columns agree, and null strings empty', () => {
    expect(canonicalValue('long', 3)).toBe(canonicalValue('long', 3n));
    expect(canonicalValue('string', null)).toBe('');
    expect(canonicalValue('guid', 'ABC-d')).toBe('abc-d');
  });

  it('sorts object keys, and the elements of set columns only', () => {
    expect(JSON.stringify(canonicalValue('dynamic', { b: 1, a: [{ y: 1, x: 2 }] }))).toBe('{"a":[{"x":2,"y":1}],"b":1}');
    expect(canonicalValue('dynamic', ['b', 'a'])).toEqual(['b', 'a']);
    expect(canonicalValue('dynamic', ['b', 'a'], true)).toEqual(['a', 'b']);
    expect(canonicalValue('dynamic', [{ k: 2 }, { k: 1 }], true)).toEqual([{ k: 1 }, { k: 2 }]);
  });

  it('gives the same digest whatever the row order, key order and set order', () => {
    const a = [
      { T: new Date(0), N: 1, S: 'x', D: { p: 1, q: 2 }, Set: ['u', 'v'] },
      { T: new Date(86_400_000), N: 2, S: 'y', D: null, Set: [] },
    ];
    const b = [
      { Set: [], D: null, S: 'y', N: 2n, T: '1970-01-02T00:00:00Z' },
      { Set: ['v', 'u'], D: { q: 2, p: 1 }, S: 'x', N: 1, T: 0 },
    ];
    const ca = canonicalize(cols, a, ['Set']);
    expect(canonicalize(cols, b, ['Set']).digest).toBe(ca.digest);
    expect(canonicalize(cols, b).digest).not.toBe(ca.digest); // without the set rule, order counts
    expect(canonicalize(cols, a.slice(0, 1), ['Set']).digest).not.toBe(ca.digest);
    expect(canonicalize(cols.slice(1), a, ['Set']).digest).not.toBe(ca.digest);
  });

  it('finds set columns of a query: named make_set, unnamed make_set(x) as set_x', () => {
    const q = 'T | summarize Entitys=make_set(Entity), count(), make_set(OperationNameValue, 100), U = make_set_if(u, x > 1), makeset(user)';
    expect(setColumnsOf(q).sort()).toEqual(['Entitys', 'U', 'set_OperationNameValue', 'set_user']);
  });

  it('shows the columns in which differing rows differ', () => {
    const left = canonicalize(cols, [{ T: 0, N: 1, S: 'x', D: 1, Set: [] }, { T: 0, N: 5, S: 'same', D: 1, Set: [] }]).rows;
    const right = canonicalize(cols, [{ T: 0, N: 1, S: 'z', D: 1, Set: [] }, { T: 0, N: 5, S: 'same', D: 1, Set: [] }]).rows;
    const d = diffRows(cols, left, right, 'mini-kql', 'reference');
    expect(d.onlyLeft).toBe(1);
    expect(d.onlyRight).toBe(1);
    expect(d.examples.join('\n')).toContain('S: mini-kql="x"  reference="z"');
    expect(diffRows(cols, left, left, 'a', 'b')).toEqual({ onlyLeft: 0, onlyRight: 0, examples: [] });
  });
});
