/**
 * long is an exact signed 64-bit integer (src/runtime/int64.ts): a number while it is a safe integer, a bigint
 * beyond 2^53. Expected values are worked out independently of the engine: BigInt arithmetic on the stated
 * operands, the Kusto docs' hash() / hash_xxhash64() examples, and the published XXH64 test vectors.
 */
import { describe, expect, it } from 'vitest';
import { analyzeKql, formatTable, KqlSyntaxError, runKql } from '../../src/index.js';
import * as int64 from '../../src/runtime/int64.js';
import { formatResult } from '../../src/cli/output.js';
import { jsonText } from '../../src/runtime/values.js';
import { analyzeWithOracle } from '../support/oracle.js';

const MAX = 9223372036854775807n;
const MIN = -9223372036854775808n;
const P53 = 9007199254740992n; // 2^53, the first integer that is not safe

/** The rows of a query over optional tables. */
function rows(query: string, tables: Parameters<typeof runKql>[1] = {}): Record<string, unknown>[] {
  return runKql(query, tables).rows;
}
/** The single value of a one-row, one-column result. */
function value(query: string, tables: Parameters<typeof runKql>[1] = {}): unknown {
  const r = rows(query, tables);
  expect(r).toHaveLength(1);
  return Object.values(r[0])[0];
}

/** A long column holding 2^53 - 1, 2^53 and 2^53 + 1 (each given differently: number, bigint, text). */
const Big = {
  schema: [{ name: 'Id', type: 'long' as const }, { name: 'Tag', type: 'string' as const }],
  rows: [
    { Id: 9007199254740991, Tag: 'safe' },
    { Id: 9007199254740992n, Tag: 'p53' },
    { Id: '9007199254740993', Tag: 'p53+1' },
    { Id: 9007199254740993n, Tag: 'p53+1 again' },
    { Id: '9223372036854775807', Tag: 'max' },
    { Id: -9223372036854775808n, Tag: 'min' },
    { Id: null, Tag: 'null' },
  ],
};

describe('the int64 module', () => {
  it('is canonical: a number exactly while safe, a bigint beyond, both directions at 2^53', () => {
    expect(int64.canonical(P53 - 1n)).toBe(9007199254740991);
    expect(int64.canonical(P53)).toBe(P53);
    expect(int64.canonical(-(P53 - 1n))).toBe(-9007199254740991);
    expect(int64.canonical(-P53)).toBe(-P53);
    expect(int64.add(9007199254740991, 1)).toBe(P53);
    expect(int64.sub(P53, 1)).toBe(9007199254740991);
    expect(int64.sub(-9007199254740991, 1)).toBe(-P53);
    expect(int64.add(-P53, 1)).toBe(-9007199254740991);
    expect(int64.mul(94906265, 94906265)).toBe(9007199136250225); // safe product stays a number
    expect(int64.mul(94906267, 94906267)).toBe(94906267n * 94906267n);
  });

  it('wraps around at the int64 boundaries (two\'s complement)', () => {
    expect(int64.add(MAX, 1)).toBe(MIN);
    expect(int64.sub(MIN, 1)).toBe(MAX);
    expect(int64.mul(MAX, 2)).toBe(-2);
    expect(int64.mul(3037000500, 3037000500)).toBe(BigInt.asIntN(64, 3037000500n * 3037000500n));
    expect(int64.div(MIN, -1)).toBe(MIN);
    expect(int64.mod(MIN, -1)).toBe(0);
    expect(int64.neg(MIN)).toBe(MIN);
    expect(int64.abs(MIN)).toBe(MIN);
    expect(int64.div(1, 0)).toBeNull();
    expect(int64.mod(P53, 0)).toBeNull();
  });

  it('parses text exactly and refuses what lies outside int64', () => {
    expect(int64.parseLong('9223372036854775807')).toBe(MAX);
    expect(int64.parseLong(' -9223372036854775808 ')).toBe(MIN);
    expect(int64.parseLong('9223372036854775808')).toBeNull();
    expect(int64.parseLong('-9223372036854775809')).toBeNull();
    expect(int64.parseLong('9007199254740993')).toBe(P53 + 1n);
    expect(int64.parseLong('9007199254740991')).toBe(9007199254740991);
    expect(int64.parseLong('1.5')).toBeNull();
  });

  it('reads doubles as the exact integer they hold', () => {
    expect(int64.fromDouble(2 ** 60)).toBe(2n ** 60n);
    expect(int64.fromDouble(2 ** 63)).toBeNull();
    expect(int64.fromDouble(-(2 ** 63))).toBe(MIN);
    expect(int64.fromDouble(-2.7)).toBe(-2);
    expect(int64.fromDouble(NaN)).toBeNull();
    expect(int64.fromDouble(-0)).toBe(0);
  });

  it('orders and compares numbers and bigints by value', () => {
    expect(int64.compareNumeric(P53, 9007199254740991)).toBe(1);
    expect(int64.compareNumeric(P53, 2 ** 53)).toBe(0);
    expect(int64.compareNumeric(NaN, MIN)).toBe(-1);
    expect(int64.numericEquals(P53, 2 ** 53)).toBe(true);
    expect(int64.numericEquals(P53 + 1n, 2 ** 53)).toBe(false);
  });
});

describe('the issue\'s examples', () => {
  it('tolong() of the largest long is exact; one more is null', () => {
    expect(value('print tolong("9223372036854775807")')).toBe(MAX);
    expect(value('print tolong("9223372036854775808")')).toBeNull();
    expect(value('print tolong("-9223372036854775808")')).toBe(MIN);
    expect(value('print tolong("-9223372036854775809")')).toBeNull();
    expect(value('print tolong("9007199254740993")')).toBe(P53 + 1n);
    expect(value('print tolong("9007199254740991")')).toBe(9007199254740991);
  });

  it('hash() and hash_xxhash64() give the docs\' exact values', () => {
    // hash-function.md and hash-xxhash64-function.md examples.
    expect(value('print hash("World")')).toBe(1846988464401551951n);
    expect(value('print hash("World", 100)')).toBe(51);
    expect(value('print hash(datetime("2015-01-01"))')).toBe(1380966698541616202n);
    expect(value('print hash_xxhash64("World")')).toBe(1846988464401551951n);
    expect(value('print hash_xxhash64("World", 100)')).toBe(51);
    expect(value('print hash_xxhash64(datetime("2015-01-01"))')).toBe(1380966698541616202n);
    // Published XXH64 (seed 0) vectors: "" -> ef46db3751d8e999, "a" -> d24ec4f1a98c6e5b, "abc" -> 44bc2cf5ad770999.
    expect(value('print hash("")')).toBe(BigInt.asIntN(64, 0xef46db3751d8e999n));
    expect(value('print hash("a")')).toBe(BigInt.asIntN(64, 0xd24ec4f1a98c6e5bn));
    expect(value('print hash("abc")')).toBe(0x44bc2cf5ad770999n);
    expect(value('print hash("a", 9223372036854775807)')).toBe(0xd24ec4f1a98c6e5bn % MAX);
  });

  it('hash() of longs reads every bit: 2^53 and 2^53 + 1 hash differently', () => {
    const [a, b] = rows('print a = hash(9007199254740992), b = hash(9007199254740993)').map((r) => [r.a, r.b])[0];
    expect(a).not.toEqual(b);
  });

  it('summarize by never merges 2^53 and 2^53 + 1', () => {
    const r = rows('Big | where isnotnull(Id) | summarize n = count(), tags = make_list(Tag) by Id | order by Id asc', { Big });
    expect(r.map((x) => x.Id)).toEqual([MIN, 9007199254740991, P53, P53 + 1n, MAX]);
    expect(r.map((x) => x.n)).toEqual([1, 1, 1, 2, 1]);
    expect(r[3].tags).toEqual(['p53+1', 'p53+1 again']);
  });
});

describe('literals', () => {
  it('are exact up to 19 digits; long\'s minimum is written with a minus sign', () => {
    expect(rows('print a = 9223372036854775807, b = -9223372036854775808, c = 9007199254740993, d = long(-9223372036854775808)')).toEqual([
      { a: MAX, b: MIN, c: P53 + 1n, d: MIN },
    ]);
    expect(rows('print d = dynamic([9223372036854775807, -9223372036854775808, 1])')[0].d).toEqual([MAX, MIN, 1]);
  });

  it('read hex as 64-bit two\'s complement', () => {
    expect(rows('print a = 0x7fffffffffffffff, b = 0xffffffffffffffff, c = 0x8000000000000000, d = long(0x20000000000001)')).toEqual([
      { a: MAX, b: -1, c: MIN, d: P53 + 1n },
    ]);
  });

  it('int(hex) is 32-bit two\'s complement (a corpus rule compares with int(0xf090013d))', () => {
    expect(rows('print a = int(0xf090013d), b = int(0x7fffffff), c = int(0xffffffff), d = int(-0x10)')).toEqual([
      { a: -258997955, b: 2147483647, c: -1, d: -16 },
    ]);
    expect(() => runKql('print int(0x100000000)', {})).toThrow(KqlSyntaxError);
  });

  it('beyond int64 (and int literals beyond 32 bits) are syntax errors, in runKql and analyzeKql', () => {
    for (const q of ['print 9223372036854775808', 'print 92233720368547758070', 'print -9223372036854775809',
      'print 0x10000000000000000', 'print long(9223372036854775808)', 'print int(2147483648)', 'print dynamic([9223372036854775808])']) {
      expect(() => runKql(q, {}), q).toThrow(KqlSyntaxError);
      expect(() => analyzeKql(q), q).toThrow(KqlSyntaxError);
    }
    expect(value('print int(-2147483648)')).toBe(-2147483648);
    expect(() => runKql('print x = 1 + 9223372036854775808', {})).toThrow(
      "'9223372036854775808' is not a valid long literal (outside -9223372036854775808 .. 9223372036854775807) (line 1, column 15)",
    );
  });
});

describe('conversions', () => {
  it('toint checks 32 bits exactly; tolong of reals keeps the double\'s integer value', () => {
    expect(rows('print a = toint("2147483647"), b = toint("2147483648"), c = toint(9007199254740993), d = toint(-2147483648)')).toEqual([
      { a: 2147483647, b: null, c: null, d: -2147483648 },
    ]);
    expect(rows('print a = tolong(1e19), b = tolong(9.223372036854775807e18), c = tolong(-9.223372036854775808e18), d = tolong(2e15 * 8)')).toEqual([
      { a: null, b: null, c: MIN, d: 16000000000000000n },
    ]);
    expect(rows('print a = tolong("12.7"), b = tolong("1e3"), c = tolong(" 9007199254740993 ")')).toEqual([{ a: 12, b: 1000, c: P53 + 1n }]);
  });

  it('datetimes and timespans give exact ticks', () => {
    // 9999-12-31 is 3,652,058 days after 0001-01-01; a day is 864,000,000,000 ticks.
    expect(value('print tolong(datetime(9999-12-31))')).toBe(3652058n * 864000000000n);
    expect(value('print tolong(100000d)')).toBe(100000n * 864000000000n);
    // 0001-01-01 .. 1970-01-01 is 719,162 days; 1970-01-01 .. 2024-05-01 is 19,844 days.
    expect(value('print tolong(datetime(2024-05-01 10:00:00.123))')).toBe(
      (719162n + 19844n) * 864000000000n + 10n * 36000000000n + 1230000n,
    );
  });

  it('a long beyond 2^53 is read as the nearest double by real arithmetic and todouble', () => {
    expect(rows('print a = todouble(9007199254740993), b = 9007199254740993 * 1.0, c = 9007199254740993 / 2.0')).toEqual([
      { a: 2 ** 53, b: 2 ** 53, c: 2 ** 52 },
    ]);
    expect(rows('print t = totimespan(9007199254740993)')[0].t).toBe(Number(P53 + 1n) * 0.0001); // ticks -> ms
  });

  it('text, strcat and format print every digit', () => {
    expect(rows('print a = tostring(-9223372036854775808), b = strcat("id-", 9007199254740993), c = tohex(-9223372036854775808), d = tobool(9007199254740993)')).toEqual([
      { a: '-9223372036854775808', b: 'id-9007199254740993', c: '8000000000000000', d: true },
    ]);
  });
});

describe('arithmetic', () => {
  it('is exact beyond 2^53 and wraps around at the int64 boundaries', () => {
    expect(rows(`print a = 9007199254740991 + 2, b = 9223372036854775807 + 1, c = -9223372036854775808 - 1,
      d = 4294967296 * 4294967296, e = 9223372036854775807 * 3, f = -(-9223372036854775808), g = abs(-9223372036854775807)`)).toEqual([{
      a: P53 + 1n,
      b: MIN,
      c: MAX,
      d: 0,
      e: BigInt.asIntN(64, MAX * 3n),
      f: MIN,
      g: MAX,
    }]);
  });

  it('divides and takes remainders exactly; by zero is null', () => {
    expect(rows('print a = 9223372036854775807 / 10, b = 9223372036854775807 % 10, c = -9223372036854775808 / -1, d = 9007199254740993 / 0, e = -9007199254740993 % 2')).toEqual([
      { a: MAX / 10n, b: 7, c: MIN, d: null, e: 1 }, // % is never negative (numerical-operators.md)
    ]);
  });

  it('bin() and round() over longs beyond 2^53', () => {
    expect(rows('print a = bin(9007199254740993, 2), b = bin(-9007199254740993, 2), c = floor(9223372036854775807, 1000), d = round(9007199254740993, -1)')).toEqual([
      { a: P53, b: -P53 - 2n, c: MAX - 807n, d: 9007199254740990 },
    ]);
  });
});

describe('comparisons and keys', () => {
  it('== and ordering are exact between longs, reals and integer text', () => {
    expect(rows(`print a = 9007199254740993 == 9007199254740992, b = 9007199254740992 == 9007199254740992.0,
      c = 9007199254740993 > 9007199254740992.0, d = "9223372036854775807" == 9223372036854775807,
      e = "9223372036854775806" == 9223372036854775807, f = -9223372036854775808 < -9223372036854775807`)).toEqual([
      { a: false, b: true, c: true, d: true, e: false, f: true },
    ]);
  });

  it('in, distinct and join keep 2^53 and 2^53 + 1 apart', () => {
    expect(rows('Big | where Id in (9007199254740993) | project Tag', { Big }).map((r) => r.Tag)).toEqual(['p53+1', 'p53+1 again']);
    expect(rows('Big | where Id in (9007199254740992.0) | project Tag', { Big }).map((r) => r.Tag)).toEqual(['p53']);
    expect(rows('Big | distinct Id | where isnotnull(Id) | count', { Big })).toEqual([{ Count: 5 }]);
    const joined = rows('Big | join kind=inner (datatable(Key:long, Name:string) [9007199254740993, "odd", 9007199254740992, "even"]) on $left.Id == $right.Key | project Tag, Name', { Big });
    expect(joined).toEqual([
      { Tag: 'p53', Name: 'even' },
      { Tag: 'p53+1', Name: 'odd' },
      { Tag: 'p53+1 again', Name: 'odd' },
    ]);
    expect(value('Big | summarize dcount(Id)', { Big })).toBe(5);
  });

  it('sort orders numbers and bigints together, nulls per direction', () => {
    const small = { schema: Big.schema, rows: [{ Id: 5, Tag: 'five' }, { Id: -1, Tag: 'minus one' }] };
    const asc = rows('union Big, Small | sort by Id asc | project Id', { Big, Small: small }).map((r) => r.Id);
    expect(asc).toEqual([null, MIN, -1, 5, 9007199254740991, P53, P53 + 1n, P53 + 1n, MAX]);
    const desc = rows('union Big, Small | top 3 by Id | project Id', { Big, Small: small }).map((r) => r.Id);
    expect(desc).toEqual([MAX, P53 + 1n, P53 + 1n]);
  });
});

describe('aggregates', () => {
  it('sum is exact beyond 2^53 and wraps on overflow; min, max and percentile keep the exact values', () => {
    expect(rows('Big | where Tag startswith "p53" | summarize s = sum(Id), lo = min(Id), hi = max(Id), p = percentile(Id, 50)', { Big })).toEqual([
      { s: P53 + 2n * (P53 + 1n), lo: P53, hi: P53 + 1n, p: P53 + 1n },
    ]);
    expect(value('Big | where Tag in ("max", "safe") | summarize sum(Id)', { Big })).toBe(BigInt.asIntN(64, MAX + 9007199254740991n));
    expect(value('range x from 1 to 3 step 1 | summarize sum(x)')).toBe(6);
  });

  it('avg and stdev are reals computed from the nearest doubles', () => {
    expect(value('Big | where Tag in ("p53", "p53+1") | summarize avg(Id)', { Big })).toBe(2 ** 53);
    expect(value('Big | where Tag in ("p53", "p53+1") | summarize stdevp(Id)', { Big })).toBe(0);
  });

  it('make_set and make_list hold the exact values', () => {
    expect(value('Big | where Tag startswith "p53" | summarize make_set(Id)', { Big })).toEqual([P53, P53 + 1n]);
  });
});

describe('range and row_number', () => {
  it('count exactly up to the largest long', () => {
    expect(rows('range x from 9223372036854775805 to 9223372036854775807 step 1').map((r) => r.x)).toEqual([MAX - 2n, MAX - 1n, MAX]);
    expect(rows('range x from 9007199254740990 to 9007199254740994 step 2').map((r) => r.x)).toEqual([9007199254740990, P53, P53 + 2n]);
    expect(rows('range x from 1 to 3 step 1 | serialize | extend n = row_number(9007199254740991) | project n').map((r) => r.n)).toEqual([
      9007199254740991, P53, P53 + 1n,
    ]);
  });
});

describe('dynamic values', () => {
  it('parse_json keeps integers beyond 2^53 exact (within int64); other numbers are doubles', () => {
    expect(value('print parse_json("[9007199254740993, 9007199254740991, 1.5, 12345678901234567890, -9223372036854775808]")')).toEqual([
      P53 + 1n, 9007199254740991, 1.5, 12345678901234567890, MIN,
    ]);
    expect(rows(`print d = parse_json('{"id": 9223372036854775807}') | extend a = tolong(d.id), b = d.id == 9223372036854775807,
      c = gettype(d.id), s = tostring(d), t = d.id + 0`)).toEqual([
      { d: { id: MAX }, a: MAX, b: true, c: 'long', s: '{"id":9223372036854775807}', t: MAX },
    ]);
    expect(value('print tolong(extract_json("$.id", \'{"id": 9007199254740993}\', typeof(long)))')).toBe(P53 + 1n);
    expect(rows('print d = parse_json("[9007199254740993]") | project b = tobool(d[0]), r = toreal(d[0]), t = totimespan(d[0])')).toEqual([
      { b: true, r: 2 ** 53, t: 2 ** 53 * 0.0001 },
    ]);
  });

  it('a long put into dynamic stays exact, and mv-expand gives it back', () => {
    expect(rows('print d = pack_array(9007199254740993, 1) | mv-expand x = d to typeof(long) | project x').map((r) => r.x)).toEqual([P53 + 1n, 1]);
    expect(rows('print d = bag_pack("k", -9223372036854775808) | project j = dynamic_to_json(d), s = strcat(d)')).toEqual([
      { j: '{"k":-9223372036854775808}', s: '{"k":-9223372036854775808}' },
    ]);
  });

  it('caller dynamic values may hold bigints as runKql returns them; other bigints make the value null', () => {
    const T = { schema: [{ name: 'd', type: 'dynamic' as const }], rows: [{ d: { id: P53 + 1n } }, { d: [1n] }, { d: MAX + 1n }, { d: '{"id": 9007199254740993}' }] };
    expect(rows('T', { T }).map((r) => r.d)).toEqual([{ id: P53 + 1n }, null, null, { id: P53 + 1n }]);
  });
});

describe('what the caller sees', () => {
  it('runKql returns a bigint only beyond 2^53, numbers otherwise; typed by the analyzer\'s types', () => {
    const r = runKql('print small = tolong("42"), edge = tolong("9007199254740991"), big = tolong("9007199254740992"), neg = -9007199254740992, n = toint(7)', {});
    expect(r.rows).toEqual([{ small: 42, edge: 9007199254740991, big: P53, neg: -P53, n: 7 }]);
    expect(typeof r.rows[0].edge).toBe('number');
    expect(typeof r.rows[0].big).toBe('bigint');
  });

  it('caller long columns: bigints and integer text stay exact, numbers keep their double\'s value', () => {
    const T = { schema: [{ name: 'x', type: 'long' as const }], rows: [{ x: 2 ** 60 }, { x: '1152921504606846977' }, { x: 1152921504606846977n }, { x: MAX + 1n }, { x: '9223372036854775808' }, { x: 1e30 }] };
    expect(rows('T', { T }).map((r) => r.x)).toEqual([2n ** 60n, 2n ** 60n + 1n, 2n ** 60n + 1n, null, null, null]);
    // A table without a schema: a bigint makes the column long.
    expect(runKql('U', { U: [{ x: 1 }, { x: MAX }] }).columns).toEqual([{ name: 'x', type: 'long' }]);
  });

  it('formatTable and the CLI formats print the exact digits', () => {
    const result = runKql('print id = 9223372036854775807, d = pack_array(-9223372036854775808), small = 1', {});
    expect(formatTable(result).split('\n')[2]).toBe('9223372036854775807 | [-9223372036854775808] | 1');
    expect(formatResult(result, 'csv')).toBe('id,d,small\n9223372036854775807,[-9223372036854775808],1');
    expect(formatResult(result, 'ndjson')).toBe('{"id":9223372036854775807,"d":[-9223372036854775808],"small":1}');
    expect(formatResult(result, 'json')).toBe(JSON.stringify({ columns: result.columns, rows: [{ id: '#1', d: ['#2'], small: 1 }] }, null, 2)
      .replace('"#1"', '9223372036854775807').replace('"#2"', '-9223372036854775808'));
  });

  it('jsonText matches JSON.stringify on data without bigints, and writes bigints as digits', () => {
    const data = { a: [1, 'x', null, { b: true, c: undefined, f: () => 1 }], d: new Date(0), n: NaN, e: {}, l: [] };
    expect(jsonText(data)).toBe(JSON.stringify(data));
    // The slower writer (taken for any bigint) formats like JSON.stringify, indentation included.
    expect(jsonText({ ...data, big: [1n] }, 2)).toBe(JSON.stringify({ ...data, big: [1] }, null, 2));
    expect(jsonText({ ...data, big: [1n] })).toBe(JSON.stringify({ ...data, big: [1] }));
    expect(jsonText({ x: MIN, y: [P53] })).toBe('{"x":-9223372036854775808,"y":[9007199254740992]}');
    expect(jsonText(MAX)).toBe('9223372036854775807');
  });
});

describe('result types agree with the analyzer', () => {
  it.each([
    'print a = tolong("9223372036854775807"), b = 9223372036854775807 + 1, c = hash("a"), d = hash_xxhash64("a", 10), e = abs(-9223372036854775807), f = bin(9007199254740993, 2)',
    'print a = -9223372036854775808, b = 0xffffffffffffffff, c = round(9007199254740993, -1), d = toint("2147483648"), e = 9007199254740993 * 1.0',
    'range x from 9223372036854775805 to 9223372036854775807 step 1 | summarize s = sum(x), m = max(x), v = avg(x), p = percentile(x, 50)',
  ])('%s', (query) => {
    const oracle = analyzeWithOracle(query);
    expect(oracle.errors).toEqual([]);
    expect(analyzeKql(query).columns).toEqual(oracle.columns);
  });
});

describe('more long results', () => {
  it('datetime_diff counts micro- and nanoseconds exactly', () => {
    // 2000-01-01 .. 2024-01-01 is 8,766 days.
    expect(rows(`print n = datetime_diff("nanosecond", datetime(2024-01-01), datetime(2000-01-01)),
      u = datetime_diff("microsecond", datetime(2024-01-01), datetime(2000-01-01)),
      big = datetime_diff("nanosecond", datetime(9999-12-31), datetime(0001-01-01))`)).toEqual([
      // u is below 2^53: a number. 9999 years of nanoseconds overflow int64 and wrap around.
      { n: 8766n * 86400n * 1000000000n, u: 8766 * 86400 * 1000000, big: BigInt.asIntN(64, 3652058n * 86400n * 1000000000n) },
    ]);
  });

  it('parse and extract read long text exactly', () => {
    expect(rows('print s = "id=9007199254740993;" | parse s with "id=" id:long ";" | project id')).toEqual([{ id: P53 + 1n }]);
    expect(value('print extract("x(\\\\d+)", 1, "x9223372036854775807", typeof(long))')).toBe(MAX);
    expect(value('print extract("x(\\\\d+)", 1, "x9223372036854775808", typeof(long))')).toBeNull();
  });

  it('take and make_set accept counts beyond 2^53', () => {
    expect(rows('range x from 1 to 3 step 1 | take 9223372036854775807')).toHaveLength(3);
    expect(value('range x from 1 to 3 step 1 | summarize make_set(x, 9223372036854775807)')).toEqual([1, 2, 3]);
  });
});
