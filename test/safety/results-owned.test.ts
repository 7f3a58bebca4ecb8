/**
 * Results are the caller's own (issue 12): no object in a result is shared with the input (tables,
 * watchlists, externalData, parameters), with the query's constants, with another cell of the result,
 * or with another result table (fork, facet). Checked by object identity over everything reachable,
 * and by mutating results (the test setup deep-freezes every input, so a write into a shared input
 * object throws instead of passing unnoticed).
 */
import { describe, expect, test } from 'vitest';
import { runKql, type KqlResult } from '../../src/index.js';

/** Every object (arrays included) reachable from `root`, by identity. */
function objectsOf(root: unknown, into = new Set<object>()): Set<object> {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || into.has(v)) continue;
    into.add(v);
    for (const key of Reflect.ownKeys(v)) stack.push((v as Record<PropertyKey, unknown>)[key]);
  }
  return into;
}

/** The positions (paths) in the result of each object, and which objects appear at two positions. */
function sharedWithin(result: KqlResult): string[] {
  const seen = new Map<object, string>();
  const shared: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v !== 'object' || v === null) return;
    const before = seen.get(v);
    if (before !== undefined) {
      shared.push(`${path} is ${before}`);
      return;
    }
    seen.set(v, path);
    for (const key of Object.keys(v)) walk((v as Record<string, unknown>)[key], `${path}.${key}`);
  };
  walk(result, 'result');
  return shared;
}

function expectOwned(result: KqlResult, ...inputs: unknown[]): void {
  const input = objectsOf(inputs);
  const leaked = [...objectsOf(result)].filter((o) => input.has(o));
  expect(leaked.map((o) => JSON.stringify(o, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x)))).toEqual([]);
  expect(sharedWithin(result)).toEqual([]);
}

function table() {
  return {
    T: {
      schema: [{ name: 'k', type: 'long' as const }, { name: 'd', type: 'dynamic' as const }, { name: 'a', type: 'dynamic' as const }],
      rows: [
        { k: 1, d: { c: { e: 1 }, list: [1, { f: 2 }] }, a: [{ x: 1 }, { x: 2 }] },
        { k: 2, d: { c: { e: 2 }, list: [] }, a: [[1, 2], { big: 9007199254740993n }] },
      ],
    },
  };
}

describe('a result shares no object with the input tables', () => {
  test("the issue's example: rows[0].d.c.e = 999 leaves the caller's table alone", () => {
    const t = table();
    const result = runKql('T | project d', t);
    (result.rows[0].d as { c: { e: number } }).c.e = 999;
    expect(t.T.rows[0].d.c.e).toBe(1);
    expect((result.rows[0].d as { c: { e: number } }).c.e).toBe(999);
  });

  test.each([
    'T | project d',
    'T',
    'T | where k > 0 | project d, a',
    'T | extend d2 = d, a2 = a',
    'T | project c = d.c, l = d.list, first = a[0]',
    'T | summarize make_list(d), make_set(a), take_any(d), arg_max(k, d)',
    'T | summarize by tostring(d) | extend back = parse_json(d)',
    'T | mv-expand a',
    'T | mv-apply e = a on (project e)',
    'T | join kind=inner (T | project k, d2 = d) on k',
    'T | lookup (T | project k, d3 = d) on k',
    'let m = materialize(T | project d); union m, m',
    'T | sort by k desc | take 1',
    'T | top 2 by k',
    'T | project-rename e = d',
    'T | extend p = pack("x", d, "y", a), b = bag_merge(d, d), z = array_concat(a, a)',
    'T | project d | evaluate bag_unpack(d)',
    'T | serialize | extend prevd = prev(d)',
    'T | fork (project d) (project a) (project d, a)',
    'T | facet by k',
  ])('%s', (query) => {
    const t = table();
    const result = runKql(query, t);
    expect(result.rows.length).toBeGreaterThan(0);
    expectOwned(result, t);
  });

  test('watchlists, externaldata and parameters too', () => {
    const watch = [{ SearchKey: 'a', d: { w: [1] } }];
    const external = { 'https://x/y.json': [{ d: { e: [1, 2] } }] };
    const parameters = { p: { q: [1, { r: 2 }] } };
    const options = { watchlists: { W: watch }, externalData: external, parameters };
    const result = runKql(
      `declare query_parameters(p:dynamic);
       _GetWatchlist('W') | project d = todynamic(d), p = p, e = toscalar(externaldata(d:dynamic) ['https://x/y.json'] | project d)`,
      {},
      options,
    );
    expectOwned(result, options);
    const ext = runKql("externaldata(d:dynamic) ['https://x/y.json']", {}, options);
    expectOwned(ext, options);
    const printed = runKql('declare query_parameters(p:dynamic); print p, q = p.q, r = p.q[1]', {}, options);
    expectOwned(printed, options);
  });
});

describe('cells and result tables share nothing with each other', () => {
  test("a constant dynamic value is each row's own", () => {
    const result = runKql('range x from 1 to 3 step 1 | extend d = dynamic({"a": [1]}), e = dynamic([[1]])');
    expect(sharedWithin(result)).toEqual([]);
    (result.rows[0].d as { a: number[] }).a.push(2);
    expect(result.rows[1].d).toEqual({ a: [1] });
  });

  test('two columns holding one value', () => {
    const result = runKql('print d = dynamic({"a": {"b": 1}}) | extend e = d, f = d.a');
    expect(sharedWithin(result)).toEqual([]);
    (result.rows[0].d as { a: { b: number } }).a.b = 5;
    expect(result.rows[0].e).toEqual({ a: { b: 1 } });
    expect(result.rows[0].f).toEqual({ b: 1 });
  });

  test('the tables of fork are independent of each other and of rows/columns', () => {
    const t = table();
    const result = runKql('T | fork (project d) (project d)', t);
    expect(result.results).toHaveLength(2);
    expect(sharedWithin(result)).toEqual([]);
    const [first, second] = result.results!;
    (first.rows[0].d as { c: { e: number } }).c.e = 42;
    first.columns[0].name = 'changed';
    expect((second.rows[0].d as { c: { e: number } }).c.e).toBe(1);
    expect((result.rows[0].d as { c: { e: number } }).c.e).toBe(1);
    expect(result.columns[0].name).toBe('d');
    expect(second.columns[0].name).toBe('d');
  });

  test('a key named __proto__ in a copied value stays plain data', () => {
    const result = runKql('print d = parse_json(\'{"__proto__": {"polluted": 1}, "a": [1]}\')');
    const d = result.rows[0].d as Record<string, unknown>;
    expect(Object.getPrototypeOf(d)).toBe(Object.prototype);
    expect(Object.keys(d)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('values nested deeper than the stack allows are copied without overflowing', () => {
    const result = runKql('range i from 1 to 3000 step 1 | scan declare (d:dynamic) with (step s: true => d = pack_array(s.d);) | take 1 | project d');
    expect(result.rows).toHaveLength(1);
  });
});
