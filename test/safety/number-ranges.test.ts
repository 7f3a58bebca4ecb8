/**
 * Numbers in range (issue 12): literals, conversions and loaded values outside a type's range follow
 * Kusto's docs (scalar-data-types/long.md, int.md: long is signed 64-bit, int signed 32-bit;
 * tolong-function.md, toint-function.md: "if the conversion isn't successful, the result is null"),
 * never a silently different number. Choices where the docs say nothing are in docs/reliability.md.
 */
import { describe, expect, test } from 'vitest';
import { KqlError, runKql } from '../../src/index.js';

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(KqlError);
    return (err as KqlError).code;
  }
  return undefined;
}

function row(query: string, tables = {}, options = {}): Record<string, unknown> {
  return runKql(query, tables, options).rows[0];
}

describe('literals', () => {
  test.each([
    'print a = 12345678901234567890123456789012345678',
    'print a = 99999999999999999999',
    'print a = 9223372036854775808',
    'print a = int(3000000000)',
    'print a = int(-2147483649)',
    'print a = long(99999999999999999999)',
    'print a = 0x10000000000000000',
  ])('%s is a syntax error, not another number', (query) => {
    expect(codeOf(() => runKql(query))).toBe('SYN_BAD_LITERAL');
  });

  test('the extremes themselves are fine', () => {
    expect(row('print a = 9223372036854775807, b = -9223372036854775808, c = int(2147483647), d = int(-2147483648)')).toEqual({
      a: 9223372036854775807n,
      b: -9223372036854775808n,
      c: 2147483647,
      d: -2147483648,
    });
  });

  test('a datatable value outside its int or long column is an error, not a wider or fractional value', () => {
    expect(codeOf(() => runKql('datatable(a:int)[3000000000]'))).toBe('SEM_TYPE_MISMATCH');
    expect(codeOf(() => runKql('datatable(a:int)[-2147483649]'))).toBe('SEM_TYPE_MISMATCH');
    expect(codeOf(() => runKql('datatable(a:long)[1e30]'))).toBe('SEM_TYPE_MISMATCH');
    expect(runKql('datatable(a:int, b:long)[2147483647, 9223372036854775807]').rows).toEqual([{ a: 2147483647, b: 9223372036854775807n }]);
    // A real in a long column is truncated as tolong() does (UNCERTAIN: docs/reliability.md).
    expect(runKql('datatable(a:long, b:int)[5.9, -2.5]').rows).toEqual([{ a: 5, b: -2 }]);
  });
});

describe('conversions give null outside the range', () => {
  test('tolong and toint', () => {
    expect(
      row(`print a = tolong("99999999999999999999"), b = toint(3000000000), c = tolong(1e30), d = toint("3000000000"),
                 e = toint(2147483648), f = toint(-2147483649), g = tolong(real(nan)), h = tolong(real(+inf)), i = tolong(-1e19),
                 j = toint(dynamic(3000000000)), k = tolong(parse_json("1e30")), l = toint(1e10)`),
    ).toEqual({ a: null, b: null, c: null, d: null, e: null, f: null, g: null, h: null, i: null, j: null, k: null, l: null });
  });

  test('values at the edges convert exactly', () => {
    expect(row('print a = tolong("9223372036854775807"), b = tolong("-9223372036854775808"), c = toint("2147483647"), d = toint(-2147483648.9), e = toint(2.3)')).toEqual({
      a: 9223372036854775807n,
      b: -9223372036854775808n,
      c: 2147483647,
      d: -2147483648,
      e: 2,
    });
  });

  test('a dynamic value expanded into an int column is null when it does not fit', () => {
    const rows = runKql('print d = dynamic([1, 3000000000, 9223372036854775807]) | mv-expand d to typeof(int)').rows;
    expect(rows.map((r) => r.d)).toEqual([1, null, null]);
  });

  test('an int stays an int: -int(-2147483648) wraps as .NET does (UNCERTAIN)', () => {
    const r = runKql('print a = -toint(-2147483648)');
    expect(r.columns).toEqual([{ name: 'a', type: 'int' }]);
    expect(r.rows[0].a).toBe(-2147483648);
  });
});

describe("values in the caller's tables", () => {
  const intTable = {
    T: {
      schema: [{ name: 'i', type: 'int' as const }, { name: 'l', type: 'long' as const }],
      rows: [
        { i: 3000000000, l: 99999999999999999999999 },
        { i: '3000000000', l: '99999999999999999999' },
        { i: 2147483648n, l: 9223372036854775808n },
        { i: -2147483649, l: -1e19 },
        { i: 1e300, l: Infinity },
        { i: 2147483647, l: 9223372036854775807n },
        { i: -2147483648, l: '-9223372036854775808' },
        { i: 7.9, l: -7.9 },
      ],
    },
  };

  test('outside an int column (32 bits) or a long column (64 bits): null', () => {
    const rows = runKql('T', intTable).rows;
    expect(rows.slice(0, 5)).toEqual(Array(5).fill({ i: null, l: null }));
    expect(rows.slice(5)).toEqual([
      { i: 2147483647, l: 9223372036854775807n },
      { i: -2147483648, l: -9223372036854775808n },
      { i: 7, l: -7 },
    ]);
  });

  test('the same through the scan (a filter reads them first) and through a table loaded whole', () => {
    expect(runKql('T | where isnull(i) | count', intTable).rows[0].Count).toBe(5);
    expect(runKql('T | join kind=inner (T) on i | count', intTable).rows[0].Count).toBe(3);
  });

  test('int parameters, watchlists and externaldata columns hold 32 bits too', () => {
    expect(row('declare query_parameters(p:int, q:long); print p, q', {}, { parameters: { p: 3000000000, q: 1e30 } })).toEqual({ print_0: null, print_1: null });
    expect(row('declare query_parameters(p:int); print p', {}, { parameters: { p: 2147483647 } })).toEqual({ print_0: 2147483647 });
    const external = { 'https://x/n.json': [{ i: 3000000000 }, { i: 12 }] };
    expect(runKql("externaldata(i:int) ['https://x/n.json']", {}, { externalData: external }).rows).toEqual([{ i: null }, { i: 12 }]);
    const watch = { schema: [{ name: 'SearchKey', type: 'string' as const }, { name: 'i', type: 'int' as const }], rows: [{ SearchKey: 'k', i: 4294967296 }] };
    expect(runKql("_GetWatchlist('W') | project i", {}, { watchlists: { W: watch } }).rows).toEqual([{ i: null }]);
  });

  test('an integral number beyond long (1e23) in a table without a schema is inferred real, keeping its value', () => {
    const r = runKql('T | project a, b', { T: [{ a: 99999999999999999999999, b: 5 }] });
    expect(r.columns).toEqual([{ name: 'a', type: 'real' }, { name: 'b', type: 'long' }]);
    expect(r.rows).toEqual([{ a: 1e23, b: 5 }]);
  });
});
