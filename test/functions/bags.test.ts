import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { KqlSemanticError } from '../../src/errors/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { bindError, call, type Case } from './helpers.js';

const Dy = 'dynamic' as const;
const S = 'string' as const;
const L = 'long' as const;

const rows = (q: string, tables?: Parameters<typeof runKql>[1]) => runKql(q, tables).rows;

describe('bag functions: the docs examples', () => {
  it('bag_has_key (bag-has-key-function.md)', () => {
    expect(rows(`datatable(input: dynamic)
[
    dynamic({'key1' : 123, 'key2': 'abc'}),
    dynamic({'key1' : 123, 'key3': 'abc'}),
]
| extend result = bag_has_key(input, 'key2')`).map((r) => r.result)).toEqual([true, false]);
    expect(rows(`datatable(input: dynamic)
[
    dynamic({'key1': 123, 'key2': {'prop1' : 'abc', 'prop2': 'xyz'}, 'key3': [100, 200]}),
]
| extend result = bag_has_key(input, '$.key2.prop1')`).map((r) => r.result)).toEqual([true]);
  });

  it('bag_set_key (bag-set-key-function.md)', () => {
    expect(rows(`datatable(input: dynamic)
[
    dynamic({'key1': 1, 'key2': 2}),
    dynamic({'key1': 1, 'key3': 'abc'}),
]
| extend result = bag_set_key(input, 'key3', 3)`).map((r) => r.result)).toEqual([
      { key1: 1, key2: 2, key3: 3 },
      { key1: 1, key3: 3 },
    ]);
    expect(rows(`datatable(input: dynamic)
[
    dynamic({'key1': 123, 'key2': {'prop1': 123, 'prop2': 'xyz'}}),
    dynamic({'key1': 123})
]
| extend result = bag_set_key(input, '$.key2.prop1', 'abc')`).map((r) => r.result)).toEqual([
      { key1: 123, key2: { prop1: 'abc', prop2: 'xyz' } },
      { key1: 123, key2: { prop1: 'abc' } },
    ]);
  });

  it('bag_zip (bag-zip.md)', () => {
    const zip = (keys: string, values: string) => rows(`let Data = datatable(KeysArray: dynamic, ValuesArray: dynamic) [
    dynamic(${keys}), dynamic(${values})
];
Data
| extend NewBag = bag_zip(KeysArray, ValuesArray)`)[0].NewBag;
    expect(zip("['a', 'b', 'c']", "[1, '2', 3.4]")).toEqual({ a: 1, b: '2', c: 3.4 });
    expect(zip("['a', 'b', 'c']", "[1, '2']")).toEqual({ a: 1, b: '2', c: null });
    expect(zip("['a', 'b']", "[1, '2', 2.5]")).toEqual({ a: 1, b: '2' });
    expect(zip("['a', 8, 'b']", "[1, '2', 2.5]")).toEqual({ a: 1, b: 2.5 });
    expect(zip("['a', 8, 'b']", '1')).toEqual({ a: null, b: null });
    expect(rows(`let Data = datatable(KeysArray: dynamic, ValuesArray: dynamic) [
    dynamic('a'), dynamic([1, '2', 2.5])
];
Data
| extend NewBag = bag_zip(KeysArray, ValuesArray)
| extend IsNewBagEmpty=isnull(NewBag)`)[0]).toMatchObject({ NewBag: null, IsNewBagEmpty: true });
  });

  it('bag_pack_columns (bag-pack-columns-function.md)', () => {
    expect(rows(`datatable(Id: string, Value: string, Other: long)
[
    "A", "val_a", 1,
    "B", "val_b", 2,
    "C", "val_c", 3
]
| extend Packed = bag_pack_columns(Id, Value)`)).toEqual([
      { Id: 'A', Value: 'val_a', Other: 1, Packed: { Id: 'A', Value: 'val_a' } },
      { Id: 'B', Value: 'val_b', Other: 2, Packed: { Id: 'B', Value: 'val_b' } },
      { Id: 'C', Value: 'val_c', Other: 3, Packed: { Id: 'C', Value: 'val_c' } },
    ]);
  });

  it('pack_all (pack-all-function.md)', () => {
    const q = `datatable(SourceNumber:string,TargetNumber:string,CharsCount:long)
[
'555-555-1234','555-555-1212',46,
'555-555-1234','555-555-1213',50,
'555-555-1313','',42, 
'','555-555-3456',74 
]
| extend Packed=pack_all(), PackedIgnoreNullEmpty=pack_all(true)`;
    const out = rows(q).map((r) => [r.Packed, r.PackedIgnoreNullEmpty]);
    expect(out).toEqual([
      [{ SourceNumber: '555-555-1234', TargetNumber: '555-555-1212', CharsCount: 46 }, { SourceNumber: '555-555-1234', TargetNumber: '555-555-1212', CharsCount: 46 }],
      [{ SourceNumber: '555-555-1234', TargetNumber: '555-555-1213', CharsCount: 50 }, { SourceNumber: '555-555-1234', TargetNumber: '555-555-1213', CharsCount: 50 }],
      [{ SourceNumber: '555-555-1313', TargetNumber: '', CharsCount: 42 }, { SourceNumber: '555-555-1313', CharsCount: 42 }],
      [{ SourceNumber: '', TargetNumber: '555-555-3456', CharsCount: 74 }, { TargetNumber: '555-555-3456', CharsCount: 74 }],
    ]);
    expect(formatColumns(runKql(q).columns)).toBe(formatColumns(analyzeWithOracle(q).columns));
  });
});

describe('pack_all reads every column', () => {
  const T = [
    { a: 1, b: 'x', c: null, t: '2024-01-02T03:04:05Z' },
    { a: 2, b: '', c: 5, t: null },
  ];
  const schema = [
    { name: 'a', type: 'long' as const }, { name: 'b', type: 'string' as const },
    { name: 'c', type: 'long' as const }, { name: 't', type: 'datetime' as const },
  ];
  const tables = { T: { schema, rows: T } };

  it('after a projection to the bag alone (column pruning must not leave the other columns unread)', () => {
    const result = runKql('T | extend p = pack_all() | project p', tables).rows;
    expect(result).toEqual([
      { p: { a: 1, b: 'x', c: null, t: '2024-01-02T03:04:05.0000000Z' } },
      { p: { a: 2, b: '', c: 5, t: null } },
    ]);
  });

  it('in a where fused into the scan, and with a row-dependent flag', () => {
    expect(rows('T | where bag_has_key(pack_all(true), "c") | project a', tables)).toEqual([{ a: 2 }]);
    expect(rows('T | project p = pack_all(a == 1)', tables)).toEqual([
      { p: { a: 1, b: 'x', t: '2024-01-02T03:04:05.0000000Z' } },
      { p: { a: 2, b: '', c: 5, t: null } },
    ]);
  });

  it('only the columns of its own input, in order, after earlier operators', () => {
    expect(rows('print x = 1, y = "a" | project y, x | extend p = pack_all()')).toEqual([{ y: 'a', x: 1, p: { y: 'a', x: 1 } }]);
  });

  it('a non-bool flag or a second argument fails to bind', () => {
    expect(() => runKql('print pack_all("yes")')).toThrow(KqlSemanticError);
    expect(() => runKql('print pack_all(true, false)')).toThrow(KqlSemanticError);
  });
});

// Worked by hand from the docs' definitions.
const cases: Case[] = [
  ['bag_has_key', [Dy, S], [{ a: null }, 'a'], true],
  ['bag_has_key', [Dy, S], [{ a: { b: 1 } }, '$.a.c'], false],
  ['bag_has_key', [Dy, S], [{ a: { b: 1 } }, "$['a']['b']"], true],
  ['bag_has_key', [Dy, S], [{ 'a.b': 1 }, 'a.b'], true],
  ['bag_has_key', [Dy, S], [{ a: [1] }, '$.a[0]'], false],
  ['bag_has_key', [Dy, S], [{ a: 1 }, '$'], false],
  ['bag_has_key', [Dy, S], [{}, 'toString'], false],
  ['bag_has_key', [Dy, S], [[1, 2], 'a'], false],
  ['bag_has_key', [Dy, S], [null, 'a'], null],
  ['bag_set_key', [Dy, S, L], [{ a: 1 }, 'a', 2], { a: 2 }],
  ['bag_set_key', [Dy, S, Dy], [{ a: 1 }, 'b', [1, 2]], { a: 1, b: [1, 2] }],
  ['bag_set_key', [Dy, S, L], [{ a: 1 }, '$.a.b', 2], { a: { b: 2 } }],
  ['bag_set_key', [Dy, S, L], [{}, '$.x.y.z', 2], { x: { y: { z: 2 } } }],
  ['bag_set_key', [Dy, S, L], [{ a: 1 }, 'b', null], { a: 1, b: null }],
  ['bag_set_key', [Dy, S, 'datetime'], [{}, 'd', Date.UTC(2020, 0, 1)], { d: '2020-01-01T00:00:00.0000000Z' }],
  ['bag_set_key', [Dy, S, L], [{ a: 1 }, '$[0]', 2], null],
  ['bag_set_key', [Dy, S, L], [[1], 'a', 2], null],
  ['bag_set_key', [Dy, S, L], [null, 'a', 2], null],
  ['bag_zip', [Dy, Dy], [[], [1]], {}],
  ['bag_zip', [Dy, Dy], [['a', 'a'], [1, 2]], { a: 2 }],
  ['bag_zip', [Dy, Dy], [['a'], null], { a: null }],
  ['bag_zip', [Dy, Dy], [null, [1]], null],
];

describe('bag functions: edge cases and nulls', () => {
  it.each(cases)('%s case %#', (name, types, values, expected) => {
    expect(call(name, types, values)).toEqual(expected);
  });

  it('a very deep key path neither overflows the stack nor builds a huge bag', () => {
    const deep = '$' + '.a'.repeat(200_000);
    expect(call('bag_set_key', [Dy, S, L], [{}, deep, 1])).toBeNull();
    expect(call('bag_has_key', [Dy, S], [{ a: {} }, deep])).toBe(false);
    expect(call('bag_set_key', [Dy, S, L], [{}, '$' + '.a'.repeat(50), 1])).toBeTruthy();
  });

  it('a "__proto__" key is stored as data', () => {
    const r = call('bag_set_key', [Dy, S, L], [{}, '__proto__', 1]) as object;
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect(Object.keys(r)).toEqual(['__proto__']);
    const z = call('bag_zip', [Dy, Dy], [['__proto__'], [{ polluted: true }]]) as Record<string, unknown>;
    expect((z as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(z)).toEqual(['__proto__']);
  });
});

describe('bag functions: types', () => {
  it('result types and names match the analyzer', () => {
    for (const q of [
      'print a=bag_has_key(dynamic({}),"a"), b=bag_set_key(dynamic({}),"a",1), c=bag_zip(dynamic(["a"]),dynamic([1]))',
      'print x=1, y="a" | extend a=bag_pack_columns(x,y), b=pack_all(), c=pack_all(true)',
      'print x=1, y="a" | extend bag_pack_columns(x), pack_all()',
    ]) {
      expect(formatColumns(runKql(q).columns), q).toBe(formatColumns(analyzeWithOracle(q).columns));
    }
  });

  it('wrong argument types fail to bind, as in the analyzer', () => {
    for (const q of [
      'print bag_has_key(dynamic({}), 1)',
      'print bag_has_key("a", "b")',
      'print bag_set_key(dynamic({}), 1, 2)',
      'print bag_zip(dynamic(["a"]), 1)',
      'print x=1 | extend bag_pack_columns(x, x+1)',
    ]) {
      expect(() => runKql(q), q).toThrow(KqlSemanticError);
      expect(analyzeWithOracle(q).errors.length, q).toBeGreaterThan(0);
    }
    expect(bindError('bag_pack_columns', [L]).argIndex).toBe(0);
  });
});
