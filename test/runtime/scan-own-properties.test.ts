import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';

describe("a caller's row: only its own properties are cells", () => {
  it('a property inherited from a prototype is not a cell; an own one is', () => {
    const inherited = Object.create({ x: 'from prototype' }) as Record<string, unknown>;
    inherited.y = 'own';
    const T = { schema: [{ name: 'x', type: 'string' as const }, { name: 'y', type: 'string' as const }], rows: [inherited, { x: 'plain', y: 'row' }] };
    expect(runKql('T | project x, y', { T }).rows).toEqual([{ x: '', y: 'own' }, { x: 'plain', y: 'row' }]);
    expect(runKql('T | where isempty(x) | project y', { T }).rows).toEqual([{ y: 'own' }]);
  });
  it("columns named like Object.prototype's members read only own values", () => {
    const T = { schema: [{ name: 'toString', type: 'string' as const }, { name: 'constructor', type: 'dynamic' as const }], rows: [{} as Record<string, unknown>, { toString: 'mine', constructor: { a: 1 } }] };
    expect(runKql('T | project toString, constructor', { T }).rows).toEqual([{ toString: '', constructor: null }, { toString: 'mine', constructor: { a: 1 } }]);
  });
  it('rows without a prototype are read as well', () => {
    const row = Object.assign(Object.create(null) as Record<string, unknown>, { n: 5 });
    expect(runKql('T | project n', { T: { schema: [{ name: 'n', type: 'long' as const }], rows: [row] } }).rows).toEqual([{ n: 5 }]);
  });
  it('a dynamic value stays plain JSON even while Object.prototype has an enumerable property', () => {
    const T = { schema: [{ name: 'd', type: 'dynamic' as const }], rows: [{ d: { a: 1, when: new Date(0) } }, { d: { b: [1, 'x'] } }] };
    const proto = Object.prototype as Record<string, unknown>;
    proto.injected = 'x';
    try {
      const out = runKql('T | project d, keys = bag_keys(d)', { T }).rows;
      expect(out.map((r) => r.keys)).toEqual([['a', 'when'], ['b']]);
      expect(Object.keys(out[0].d as object)).toEqual(['a', 'when']);
      expect((out[0].d as Record<string, unknown>).when).toBe('1970-01-01T00:00:00.000Z');
    } finally {
      delete proto.injected;
    }
  });
});
