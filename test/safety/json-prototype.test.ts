/**
 * JSON from data (parse_json, todynamic, dynamic columns, parse_xml, bag functions, mv-expand,
 * make_set/make_bag, output rows): the keys __proto__, constructor and prototype stay plain data, and
 * Object.prototype is never touched.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runKql } from '../../src/index.js';
import { expectPrototypesUntouched, snapshotPrototypes } from './helpers.js';

const J = '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "prototype": 3}';
const KEYS = ['__proto__', 'constructor', 'prototype'];

function tables(): Record<string, unknown> {
  return {
    T: {
      schema: [{ name: 'd', type: 'dynamic' }, { name: 's', type: 'string' }],
      // A dynamic column as JSON text, and as an object built by JSON.parse (own __proto__ key).
      rows: [{ d: J, s: J }, { d: JSON.parse(J), s: J }],
    },
  };
}

function own(o: unknown, key: string): unknown {
  expect(typeof o === 'object' && o !== null, `not an object: ${JSON.stringify(o)}`).toBe(true);
  const desc = Object.getOwnPropertyDescriptor(o as object, key);
  expect(desc, `missing own key ${key} in ${JSON.stringify(o)}`).toBeDefined();
  return desc!.value;
}

/** The bag parsed from J, checked key by key as own data. */
function expectPoisonBag(o: unknown): void {
  expect(Object.keys(o as object).sort()).toEqual([...KEYS].sort());
  expect(own(own(o, '__proto__'), 'polluted')).toBe(1);
  expect(own(own(own(o, 'constructor'), 'prototype'), 'polluted')).toBe(2);
  expect(own(o, 'prototype')).toBe(3);
  expect(JSON.parse(JSON.stringify(o))).toEqual(JSON.parse(J));
}

function run(query: string) {
  return runKql(query, tables() as never);
}

let before: string[];
beforeEach(() => {
  before = snapshotPrototypes();
});
afterEach(() => {
  expectPrototypesUntouched(before);
});

describe('prototype keys in JSON stay plain data', () => {
  test('parse_json and todynamic', () => {
    const r = run(`print a = parse_json('${J}'), b = todynamic('${J}'), c = parsejson('${J}')`);
    for (const k of ['a', 'b', 'c']) expectPoisonBag(r.rows[0][k]);
    expect(Object.getPrototypeOf(r.rows[0])).toBe(Object.prototype);
  });

  test('dynamic columns, from JSON text and from objects', () => {
    const r = run('T | project d');
    expect(r.rows).toHaveLength(2);
    for (const row of r.rows) expectPoisonBag(row.d);
  });

  test('dynamic literals and datatable', () => {
    const r = run(`datatable(d:dynamic) [dynamic(${J})] | extend e = dynamic(${J})`);
    expectPoisonBag(r.rows[0].d);
    expectPoisonBag(r.rows[0].e);
  });

  test('member access reads only own keys', () => {
    const r = run(
      "print a = parse_json('{}')['__proto__'], b = parse_json('{}').constructor, c = parse_json('{}')['toString'], " +
        "d = parse_json('[]')['length'], e = parse_json('{}')['hasOwnProperty'], " +
        `f = parse_json('${J}')['__proto__'].polluted, g = parse_json('${J}').constructor.prototype.polluted`,
    );
    expect(r.rows[0]).toEqual({ a: null, b: null, c: null, d: null, e: null, f: 1, g: 2 });
  });

  test('bag_pack, pack, bag_merge, bag_remove_keys, bag_keys', () => {
    const r = run(
      'T | take 1 | project ' +
        'p = bag_pack("__proto__", dynamic({"polluted": 1}), "constructor", dynamic({"prototype": {"polluted": 2}}), "prototype", 3), ' +
        'q = pack("__proto__", dynamic({"polluted": 1}), "constructor", dynamic({"prototype": {"polluted": 2}}), "prototype", 3), ' +
        'm = bag_merge(d, dynamic({"a": 1})), ' +
        'm2 = bag_merge(dynamic({"a": 1}), d), ' +
        'k = bag_keys(d), ' +
        'rm = bag_remove_keys(d, dynamic(["a"]))',
    );
    const row = r.rows[0];
    expectPoisonBag(row.p);
    expectPoisonBag(row.q);
    for (const m of [row.m, row.m2]) {
      expect(own(m, 'a')).toBe(1);
      expect(own(own(m, '__proto__'), 'polluted')).toBe(1);
      expect(own(m, 'prototype')).toBe(3);
    }
    expect([...(row.k as string[])].sort()).toEqual([...KEYS].sort());
    expectPoisonBag(row.rm);
  });

  test('mv-expand and mv-apply of a bag', () => {
    const r = run('T | mv-expand kv = d | project kv');
    expect(r.rows).toHaveLength(6);
    const keys = r.rows.map((row) => Object.keys(row.kv as object)[0]);
    expect(keys.sort()).toEqual([...KEYS, ...KEYS].sort());
    const proto = r.rows.find((row) => Object.keys(row.kv as object)[0] === '__proto__')!.kv;
    expect(own(own(proto, '__proto__'), 'polluted')).toBe(1);
    const a = run('T | mv-apply kv = d on (where isnotnull(kv)) | project kv');
    expect(a.rows).toHaveLength(6);
  });

  test('summarize make_bag, make_set, make_list, and grouping by a bag', () => {
    const r = run('T | summarize b = make_bag(d), s = make_set(d), l = make_list(d), c = count() by t = tostring(d)');
    expect(r.rows).toHaveLength(1);
    const row = r.rows[0];
    expectPoisonBag(row.b);
    expect(row.s).toHaveLength(1);
    expectPoisonBag((row.s as unknown[])[0]);
    expect(row.l).toHaveLength(2);
    expect(row.c).toBe(2);
  });

  test('bag_unpack and columns named __proto__ / constructor in output rows', () => {
    const r = run('T | take 1 | project d | evaluate bag_unpack(d)');
    expect(r.columns.map((c) => c.name).sort()).toEqual([...KEYS].sort());
    const row = r.rows[0];
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(own(own(row, '__proto__'), 'polluted')).toBe(1);
    expect(own(row, 'prototype')).toBe(3);
    const p = run("print ['__proto__'] = 1, ['constructor'] = 2, ['prototype'] = 3");
    expect(own(p.rows[0], '__proto__')).toBe(1);
    expect(own(p.rows[0], 'constructor')).toBe(2);
    expect(Object.getPrototypeOf(p.rows[0])).toBe(Object.prototype);
  });

  test('parse_xml with elements and attributes named __proto__ and constructor', () => {
    const r = run(
      "print x = parse_xml('<__proto__ constructor=\"c\"><polluted>1</polluted><constructor>2</constructor><prototype>3</prototype></__proto__>')",
    );
    const root = own(r.rows[0].x, '__proto__');
    expect(own(root, '@constructor')).toBe('c');
    expect(own(root, 'polluted')).toBe('1');
    expect(own(root, 'constructor')).toBe('2');
    expect(own(root, 'prototype')).toBe('3');
  });

  test('extract_json and parse_url', () => {
    const r = run(`print a = extract_json('$.__proto__.polluted', '${J}'), b = extract_json('$.constructor', '{}'), ` +
      "u = parse_url('http://h/p?__proto__=1&constructor=2')");
    expect(r.rows[0].a).toBe('1');
    expect(r.rows[0].b).toBe('');
    const qp = own(r.rows[0].u, 'Query Parameters');
    expect(own(qp, '__proto__')).toBe('1');
    expect(own(qp, 'constructor')).toBe('2');
  });

  test("the caller's rows are not modified", () => {
    const t = tables() as { T: { rows: Record<string, unknown>[] } };
    const copy = JSON.stringify(t.T.rows);
    runKql('T | mv-expand d | summarize make_bag(d)', t as never);
    expect(JSON.stringify(t.T.rows)).toBe(copy);
  });
});
