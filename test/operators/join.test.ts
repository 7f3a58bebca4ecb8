import { describe, expect, it } from 'vitest';
import { rows, cols, schemaOf, expectSemantic, at, unordered } from './helpers.js';
import type { TableInput } from '../../src/index.js';

// The join docs' tables:
// X = datatable(Key:string, Value1:long)['a',1, 'b',2, 'b',3, 'c',4]
// Y = datatable(Key:string, Value2:long)['b',10, 'c',20, 'c',30, 'd',40]
const X: TableInput = {
  schema: [{ name: 'Key', type: 'string' }, { name: 'Value1', type: 'long' }],
  rows: [{ Key: 'a', Value1: 1 }, { Key: 'b', Value1: 2 }, { Key: 'b', Value1: 3 }, { Key: 'c', Value1: 4 }],
};
const Y: TableInput = {
  schema: [{ name: 'Key', type: 'string' }, { name: 'Value2', type: 'long' }],
  rows: [{ Key: 'b', Value2: 10 }, { Key: 'c', Value2: 20 }, { Key: 'c', Value2: 30 }, { Key: 'd', Value2: 40 }],
};
const XY = { X, Y };
const XS = { X: [{ name: 'Key', type: 'string' as const }, { name: 'Value1', type: 'long' as const }], Y: [{ name: 'Key', type: 'string' as const }, { name: 'Value2', type: 'long' as const }] };
const r = (Key: string, Value1: number | null, Key1: string, Value2: number | null) => ({ Key, Value1, Key1, Value2 });

describe('join', () => {
  it('default kind is innerunique: the left side is deduplicated on the key', () => {
    const out = rows('X | join Y on Key', XY);
    expect(cols('X | join Y on Key', XY)).toBe('Key:string, Value1:long, Key1:string, Value2:long');
    // One of the two 'b' rows of X survives (which one is unspecified); 'c' matches two rows of Y.
    expect(out).toHaveLength(3);
    expect(out.filter((x) => x.Key === 'b')).toHaveLength(1);
    expect([2, 3]).toContain(out.find((x) => x.Key === 'b')!.Value1);
    expect(unordered(out.filter((x) => x.Key === 'c'))).toEqual(unordered([r('c', 4, 'c', 20), r('c', 4, 'c', 30)]));
  });
  it('kind=inner: every matching pair', () => {
    expect(unordered(rows('X | join kind=inner Y on Key', XY))).toEqual(
      unordered([r('b', 2, 'b', 10), r('b', 3, 'b', 10), r('c', 4, 'c', 20), r('c', 4, 'c', 30)]),
    );
  });
  it('kind=leftouter: unmatched left rows get null/"" right columns', () => {
    expect(unordered(rows('X | join kind=leftouter Y on Key', XY))).toEqual(
      unordered([r('a', 1, '', null), r('b', 2, 'b', 10), r('b', 3, 'b', 10), r('c', 4, 'c', 20), r('c', 4, 'c', 30)]),
    );
  });
  it('kind=rightouter', () => {
    expect(unordered(rows('X | join kind=rightouter Y on Key', XY))).toEqual(
      unordered([r('b', 2, 'b', 10), r('b', 3, 'b', 10), r('c', 4, 'c', 20), r('c', 4, 'c', 30), r('', null, 'd', 40)]),
    );
  });
  it('kind=fullouter', () => {
    expect(unordered(rows('X | join kind=fullouter Y on Key', XY))).toEqual(
      unordered([r('a', 1, '', null), r('b', 2, 'b', 10), r('b', 3, 'b', 10), r('c', 4, 'c', 20), r('c', 4, 'c', 30), r('', null, 'd', 40)]),
    );
  });
  it('kind=leftsemi / leftanti return only left columns', () => {
    expect(schemaOf('X | join kind=leftsemi Y on Key', XS)).toBe('Key:string, Value1:long');
    expect(unordered(rows('X | join kind=leftsemi Y on Key', XY))).toEqual(
      unordered([{ Key: 'b', Value1: 2 }, { Key: 'b', Value1: 3 }, { Key: 'c', Value1: 4 }]),
    );
    expect(rows('X | join kind=leftanti Y on Key', XY)).toEqual([{ Key: 'a', Value1: 1 }]);
  });
  it('kind=rightsemi / rightanti return only right columns', () => {
    expect(schemaOf('X | join kind=rightanti Y on Key', XS)).toBe('Key:string, Value2:long');
    expect(unordered(rows('X | join kind=rightsemi Y on Key', XY))).toEqual(
      unordered([{ Key: 'b', Value2: 10 }, { Key: 'c', Value2: 20 }, { Key: 'c', Value2: 30 }]),
    );
    expect(rows('X | join kind=rightanti Y on Key', XY)).toEqual([{ Key: 'd', Value2: 40 }]);
  });
  it('$left.a == $right.b with different names: no suffix needed (oracle)', () => {
    const t = {
      A: [{ id: 1, v: 'x' }, { id: 2, v: 'y' }],
      B: [{ ref: 2, w: 'p' }, { ref: 3, w: 'q' }],
    };
    const q = 'A | join kind=inner (B) on $left.id == $right.ref';
    expect(cols(q, t)).toBe('id:long, v:string, ref:long, w:string');
    expect(rows(q, t)).toEqual([{ id: 2, v: 'y', ref: 2, w: 'p' }]);
  });
  it('clashing right-side names get a numeric suffix, skipping names already taken', () => {
    const schemas = {
      A: [{ name: 'k', type: 'string' as const }, { name: 'v', type: 'long' as const }, { name: 'v1', type: 'long' as const }],
      B: [{ name: 'k', type: 'string' as const }, { name: 'v', type: 'long' as const }],
    };
    // oracle: k:string, v:long, v1:long, k1:string, v2:long
    expect(schemaOf('A | join kind=inner B on k', schemas)).toBe('k:string, v:long, v1:long, k1:string, v2:long');
  });
  it('a subquery on the right side', () => {
    expect(unordered(rows('X | join kind=inner (Y | where Value2 > 15) on Key', XY))).toEqual(
      unordered([r('c', 4, 'c', 20), r('c', 4, 'c', 30)]),
    );
  });
  it('null values in non-key columns pass through', () => {
    const t = { A: { schema: XS.X, rows: [{ Key: 'b', Value1: null }] }, Y };
    expect(rows('A | join kind=inner Y on Key', t)).toEqual([r('b', null, 'b', 10)]);
  });
  it('empty inputs', () => {
    const E = { schema: XS.X, rows: [] };
    expect(rows('E | join kind=inner Y on Key', { E, Y })).toEqual([]);
    expect(rows('E | join kind=rightouter Y on Key', { E, Y })).toHaveLength(4);
    expect(rows('X | join kind=leftanti (Y | take 0) on Key', XY)).toHaveLength(4);
  });
  it('a key missing on one side is a semantic error', () => {
    const q = 'X | join Y on Value1';
    expectSemantic(q, XS, 'SEM_UNKNOWN_COLUMN', 1, at(q, 'Value1'));
  });
  it('keys of incompatible types are an error', () => {
    const q = 'X | join Y on $left.Key == $right.Value2';
    expectSemantic(q, XS, 'SEM_TYPE_MISMATCH', 1, at(q, '$left'));
  });
  it('text keys match exactly: case counts, an empty string matches an empty string, guids match guids', () => {
    const q = "datatable(k: string, a: long)['x', 1, 'X', 2, '', 3] | join kind=inner (datatable(k: string, b: long)['x', 10, '', 30]) on k | project a, b";
    expect(unordered(rows(q))).toEqual(unordered([{ a: 1, b: 10 }, { a: 3, b: 30 }]));
    const g = "datatable(g: guid, a: long)[guid(0f8fad5b-d9cb-469f-a165-70867728950e), 1] | lookup (datatable(g: guid, b: long)[guid(0f8fad5b-d9cb-469f-a165-70867728950e), 2]) on g | project a, b";
    expect(rows(g)).toEqual([{ a: 1, b: 2 }]);
  });
});
