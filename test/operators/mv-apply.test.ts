import { describe, expect, it } from 'vitest';
import { rows, cols, schemaOf, expectSemantic, at } from './helpers.js';
import type { TableInput } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';

const ALERTS: TableInput = {
  schema: [{ name: 'Id', type: 'long' }, { name: 'Entities', type: 'dynamic' }],
  rows: [
    { Id: 1, Entities: [{ Type: 'account', Name: 'bob' }, { Type: 'ip', Address: '10.0.0.1' }] },
    { Id: 2, Entities: [{ Type: 'host', HostName: 'h1' }] }, // no ip -> dropped
    { Id: 3, Entities: [{ Type: 'ip', Address: '1.2.3.4' }, { Type: 'ip', Address: '5.6.7.8' }] },
    { Id: 4, Entities: [] }, // empty -> dropped
    { Id: 5, Entities: null }, // null -> one null element, fails the where -> dropped
  ],
};
const AS = { A: (ALERTS as { schema: { name: string; type: 'long' | 'dynamic' }[] }).schema };
const SEED = "A | mv-apply Entity = Entities on (where Entity.Type == 'ip' | extend Ip = tostring(Entity.Address))";

describe('mv-apply', () => {
  it('seed-rule shape: keeps one row per surviving element, drops rows with none', () => {
    // oracle: Id:long, Entities:dynamic, Entity:dynamic, Ip:string
    expect(schemaOf(SEED, AS)).toBe('Id:long, Entities:dynamic, Entity:dynamic, Ip:string');
    expect(rows(`${SEED} | project Id, Ip`, { A: ALERTS })).toEqual([
      { Id: 1, Ip: '10.0.0.1' },
      { Id: 3, Ip: '1.2.3.4' },
      { Id: 3, Ip: '5.6.7.8' },
    ]);
    expect(rows(`${SEED} | where Id == 1 | project Entity`, { A: ALERTS })).toEqual([{ Entity: { Type: 'ip', Address: '10.0.0.1' } }]);
  });
  it('the subquery runs per row: take 1 / summarize', () => {
    expect(rows('A | mv-apply Entity = Entities on (take 1) | project Id, t = tostring(Entity.Type)', { A: ALERTS })).toEqual([
      { Id: 1, t: 'account' },
      { Id: 2, t: 'host' },
      { Id: 3, t: 'ip' },
      { Id: 5, t: '' },
    ]);
    // docs pattern: mv-apply x on (summarize ...) -- one row per input row with an aggregate
    expect(rows('print xs = dynamic([1, 5, 3]) | mv-apply x = xs to typeof(long) on (summarize m = max(x)) | project m')).toEqual([{ m: 5 }]);
  });
  it('the source columns that were not expanded stay, even when the subquery projects or summarizes them away (docs step 3)', () => {
    // Column lists from the official analyzer; values worked out by hand. A subquery column named like a
    // kept source column takes its place (and its value).
    const P = 'print E = dynamic({"a": [1, 2]}), x = 1, y = "s" | ';
    const cases: [string, string, Record<string, unknown>[]][] = [
      ['mv-apply d = E.a on (project k = d)', 'E:dynamic, x:long, y:string, k:dynamic', [{ E: { a: [1, 2] }, x: 1, y: 's', k: 1 }, { E: { a: [1, 2] }, x: 1, y: 's', k: 2 }]],
      ['mv-apply d = E.a on (summarize c = count())', 'E:dynamic, x:long, y:string, c:long', [{ E: { a: [1, 2] }, x: 1, y: 's', c: 2 }]],
      ['mv-apply d = E.a on (project k = d, x = "new")', 'E:dynamic, x:string, y:string, k:dynamic', [{ E: { a: [1, 2] }, x: 'new', y: 's', k: 1 }, { E: { a: [1, 2] }, x: 'new', y: 's', k: 2 }]],
      ['extend E = E.a | mv-apply E on (project k = E)', 'x:long, y:string, k:dynamic', [{ x: 1, y: 's', k: 1 }, { x: 1, y: 's', k: 2 }]],
      ['extend E = E.a | mv-apply E on (extend k = E)', 'x:long, y:string, E:dynamic, k:dynamic', [{ x: 1, y: 's', E: 1, k: 1 }, { x: 1, y: 's', E: 2, k: 2 }]],
      ['extend E = E.a | mv-apply with_itemindex = i E on (project k = E)', 'x:long, y:string, k:dynamic', [{ x: 1, y: 's', k: 1 }, { x: 1, y: 's', k: 2 }]],
    ];
    for (const [op, columns, expected] of cases) {
      expect(schemaOf(P + op), op).toBe(columns);
      expect(formatColumns(analyzeWithOracle(P + op).columns), op).toBe(columns);
      expect(rows(P + op), op).toEqual(expected);
    }
  });
  it('docs example: top element of each array', () => {
    // _data = range x from 1 to 8 step 1 | summarize l=make_list(x) by xMod2 = x % 2
    // | mv-apply element=l to typeof(long) on (top 1 by element) -> xMod2 1: 7, xMod2 0: 8
    const q = 'range x from 1 to 8 step 1 | summarize l = make_list(x) by xMod2 = x % 2 | mv-apply element = l to typeof(long) on (top 1 by element) | project xMod2, element';
    expect(rows(q).sort((a, b) => (a.xMod2 as number) - (b.xMod2 as number))).toEqual([
      { xMod2: 0, element: 8 },
      { xMod2: 1, element: 7 },
    ]);
  });
  it('empty input', () => {
    expect(rows(SEED, { A: { schema: AS.A, rows: [] } })).toEqual([]);
  });
  it('applying to a non-dynamic column is a type mismatch', () => {
    const q = 'A | mv-apply x = Id on (take 1)';
    expectSemantic(q, AS, 'SEM_TYPE_MISMATCH', 1, at(q, 'Id on'));
  });
  it('an unknown column inside the subquery', () => {
    const q = 'A | mv-apply Entity = Entities on (where Nope == 1)';
    expectSemantic(q, AS, 'SEM_UNKNOWN_COLUMN', 1, at(q, 'Nope'));
  });
  it('several kept elements of one caller row each get their own values (the row itself is reused for the last)', () => {
    const T: TableInput = { schema: [{ name: 'Id', type: 'long' }, { name: 'Xs', type: 'dynamic' }], rows: [
      { Id: 1, Xs: [1, 2, 3, 4] },
      { Id: 2, Xs: [5] },
      { Id: 3, Xs: [0] },
    ] };
    const before = JSON.stringify(T);
    // Fused where keeps 2 of 4 elements; the subquery overwrites a source column in place.
    expect(rows('T | mv-apply x = Xs to typeof(long) on (where x % 2 == 0 | extend Id = Id * 10 + x) | project Id, x', { T })).toEqual([
      { Id: 12, x: 2 }, { Id: 14, x: 4 }, { Id: 30, x: 0 },
    ]);
    // No where: every element is kept; item index and a later extend per row.
    expect(rows('T | mv-apply with_itemindex = i x = Xs on (extend y = x) | extend z = Id | project Id, i, x, z', { T })).toEqual([
      { Id: 1, i: 0, x: 1, z: 1 }, { Id: 1, i: 1, x: 2, z: 1 }, { Id: 1, i: 2, x: 3, z: 1 }, { Id: 1, i: 3, x: 4, z: 1 },
      { Id: 2, i: 0, x: 5, z: 2 }, { Id: 3, i: 0, x: 0, z: 3 },
    ]);
    // mv-expand of two arrays in parallel over caller rows, then an in-place extend.
    expect(rows('T | extend Ys = Xs | mv-expand Xs, Ys | extend s = tolong(Xs) + tolong(Ys) | where Id < 3 | project Id, s', { T })).toEqual([
      { Id: 1, s: 2 }, { Id: 1, s: 4 }, { Id: 1, s: 6 }, { Id: 1, s: 8 }, { Id: 2, s: 10 },
    ]);
    expect(JSON.stringify(T)).toBe(before);
  });
  it('an element named like an existing column leaves that column in its place (oracle), and rows of several kept elements stay apart', () => {
    const T: TableInput = { schema: [{ name: 'Id', type: 'long' }, { name: 'Xs', type: 'dynamic' }], rows: [
      { Id: 1, Xs: [1, 2, 3] }, { Id: 2, Xs: [4] },
    ] };
    const q = 'T | mv-apply E = Xs to typeof(long) on (where E > 1 | extend F = E * 10) | mv-apply E = Xs to typeof(long) on (where E != 2 | extend G = E + F)';
    expect(cols(q, { T })).toBe('Id:long, Xs:dynamic, E:long, F:long, G:long');
    expect(rows(`${q} | project Id, F, E, G`, { T })).toEqual([
      { Id: 1, F: 20, E: 1, G: 21 }, { Id: 1, F: 20, E: 3, G: 23 },
      { Id: 1, F: 30, E: 1, G: 31 }, { Id: 1, F: 30, E: 3, G: 33 },
      { Id: 2, F: 40, E: 4, G: 44 },
    ]);
    // Column lists from the official analyzer. Without the column in the subquery's result, the source's
    // own value and type stay.
    const P = 'print A = dynamic([1, 2]), E = 5, x = 1 | ';
    const cases: [string, Record<string, unknown>[]][] = [
      ['mv-apply E = A on (extend k = E)', [{ A: [1, 2], E: 1, x: 1, k: 1 }, { A: [1, 2], E: 2, x: 1, k: 2 }]],
      ['mv-apply E = A on (project k = E)', [{ A: [1, 2], E: 5, x: 1, k: 1 }, { A: [1, 2], E: 5, x: 1, k: 2 }]],
      ['mv-apply E = A to typeof(long) on (summarize c = count())', [{ A: [1, 2], E: 5, x: 1, c: 2 }]],
      ['mv-apply E = A on (where E == 2)', [{ A: [1, 2], E: 2, x: 1 }]],
    ];
    for (const [op, expected] of cases) {
      expect(schemaOf(P + op), op).toBe(formatColumns(analyzeWithOracle(P + op).columns));
      expect(rows(P + op), op).toEqual(expected);
    }
    expect(schemaOf('print E = dynamic([1, 2]), x = 1 | mv-apply E = E on (project k = E)')).toBe('E:dynamic, x:long, k:dynamic');
  });
});
