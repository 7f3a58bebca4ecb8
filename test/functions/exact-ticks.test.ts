/**
 * Datetimes and timespans are exact 100 ns ticks (src/runtime/ticks.ts), as in Kusto. Expected values come from
 * the Kusto docs' examples where there is one (endofday, datetime_diff, the timespan type page, hash) and are
 * otherwise worked out by hand in ticks: 1 ms = 10,000 ticks, 1 day = 864,000,000,000 ticks, and
 * 0001-01-01 .. 1970-01-01 is 719,162 days.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { formatResult } from '../../src/cli/output.js';
import { formatDateTime, formatTimespan } from '../../src/runtime/datetime.js';
import { fromTicks } from '../../src/runtime/ticks.js';

const NOW = new Date('2024-05-02T00:00:00Z');
/** Rows with datetimes and timespans as Kusto's exact text. */
function text(query: string, tables: Parameters<typeof runKql>[1] = {}): Record<string, unknown>[] {
  return runKql(query, tables, { now: NOW, timeAsText: true }).rows;
}
/** Rows as runKql returns them by default (Date, milliseconds). */
function rows(query: string, tables: Parameters<typeof runKql>[1] = {}): Record<string, unknown>[] {
  return runKql(query, tables, { now: NOW }).rows;
}
function value(query: string): unknown {
  const r = text(query);
  expect(r).toHaveLength(1);
  return Object.values(r[0])[0];
}

/** Kusto ticks (since 0001-01-01) of a UTC date and time given in parts, plus extra ticks. */
function kustoTicks(ms: number, extra = 0n): bigint {
  return (719162n * 864_000_000_000n) + BigInt(ms) * 10000n + extra;
}

describe('exact ticks: datetimes', () => {
  it("endofday is the day's last tick (docs example)", () => {
    expect(text('range offset from -1 to 1 step 1 | project dayEnd = endofday(datetime(2017-01-01 10:10:17), offset)')).toEqual([
      { dayEnd: '2016-12-31T23:59:59.9999999Z' },
      { dayEnd: '2017-01-01T23:59:59.9999999Z' },
      { dayEnd: '2017-01-02T23:59:59.9999999Z' },
    ]);
    expect(rows(`print e = endofday(datetime(2016-12-31 10:00)) | extend s = tostring(e), f = format_datetime(e, 'yyyy-MM-dd HH:mm:ss.fffffff'),
      d = strcat(e), l = tolong(e), after = e + 1tick`)).toEqual([{
      e: new Date('2016-12-31T23:59:59.999Z'), // a Date holds whole milliseconds: the one at or before the value
      s: '2016-12-31T23:59:59.9999999Z',
      f: '2016-12-31 23:59:59.9999999',
      d: '2016-12-31T23:59:59.9999999Z',
      l: kustoTicks(Date.UTC(2017, 0, 1), -1n),
      after: new Date('2017-01-01T00:00:00Z'),
    }]);
    expect(text('print endofweek(datetime(2017-01-01)), endofmonth(datetime(2016-02-10)), endofyear(datetime(2017-06-01))')).toEqual([{
      print_0: '2017-01-07T23:59:59.9999999Z', print_1: '2016-02-29T23:59:59.9999999Z', print_2: '2017-12-31T23:59:59.9999999Z',
    }]);
  });

  it('a 7-digit literal keeps its digits through tostring, format_datetime, todatetime and the result', () => {
    expect(text(`print d = datetime(2024-05-01 10:00:00.1234567) | extend s = tostring(d), back = todatetime(tostring(d)),
      same = todatetime(tostring(d)) == d, f = format_datetime(d, 'HH:mm:ss.fffffff FFFFFFF'), p = datetime_part('nanosecond', d)`)).toEqual([{
      d: '2024-05-01T10:00:00.1234567Z', s: '2024-05-01T10:00:00.1234567Z', back: '2024-05-01T10:00:00.1234567Z', same: true,
      f: '10:00:00.1234567 1234567', p: 123456700,
    }]);
    expect(value('print tostring(datetime(2024-05-01 10:00:00.0000001))')).toBe('2024-05-01T10:00:00.0000001Z');
    expect(value('print tostring(datetime(1969-12-31 23:59:59.9999999))')).toBe('1969-12-31T23:59:59.9999999Z');
  });

  it('tolong(datetime) is the exact tick count since 0001-01-01', () => {
    // .NET's DateTime(2020, 1, 1).Ticks.
    expect(value('print tolong(datetime(2020-01-01))')).toBe(637134336000000000n);
    expect(value('print tolong(datetime(2024-05-01 10:00:00.1234567))')).toBe(kustoTicks(Date.UTC(2024, 4, 1, 10), 1234567n));
    expect(value('print tolong(datetime(2024-05-01 10:00:00.1234567) + 1tick) - tolong(datetime(2024-05-01 10:00:00.1234567))')).toBe(1);
    expect(value('print tolong(datetime(9999-12-31 23:59:59.9999999))')).toBe(3652059n * 864_000_000_000n - 1n);
  });

  it('datetime_diff is exact, in nanoseconds too (docs example)', () => {
    expect(rows(`print
      year = datetime_diff('year',datetime(2017-01-01),datetime(2000-12-31)),
      quarter = datetime_diff('quarter',datetime(2017-07-01),datetime(2017-03-30)),
      month = datetime_diff('month',datetime(2017-01-01),datetime(2015-12-30)),
      week = datetime_diff('week',datetime(2017-10-29 00:00),datetime(2017-09-30 23:59)),
      day = datetime_diff('day',datetime(2017-10-29 00:00),datetime(2017-09-30 23:59)),
      hour = datetime_diff('hour',datetime(2017-10-31 01:00),datetime(2017-10-30 23:59)),
      minute = datetime_diff('minute',datetime(2017-10-30 23:05:01),datetime(2017-10-30 23:00:59)),
      second = datetime_diff('second',datetime(2017-10-30 23:00:10.100),datetime(2017-10-30 23:00:00.900)),
      millisecond = datetime_diff('millisecond',datetime(2017-10-30 23:00:00.200100),datetime(2017-10-30 23:00:00.100900)),
      microsecond = datetime_diff('microsecond',datetime(2017-10-30 23:00:00.1009001),datetime(2017-10-30 23:00:00.1008009)),
      nanosecond = datetime_diff('nanosecond',datetime(2017-10-30 23:00:00.0000000),datetime(2017-10-30 23:00:00.0000007))`)).toEqual([
      { year: 17, quarter: 2, month: 13, week: 5, day: 29, hour: 2, minute: 5, second: 10, millisecond: 100, microsecond: 100, nanosecond: -700 },
    ]);
    // Years apart, to the tick: beyond 2^53 nanoseconds, so a bigint long.
    expect(value(`print datetime_diff('nanosecond', datetime(2024-05-01 10:00:00.1234567), datetime(1970-01-01 00:00:00.0000001))`))
      .toBe((BigInt(Date.UTC(2024, 4, 1, 10)) * 10000n + 1234567n - 1n) * 100n);
    expect(value(`print datetime_diff('nanosecond', datetime(2024-05-01) + 1tick, datetime(2024-05-01))`)).toBe(100);
    expect(value(`print datetime_diff('microsecond', datetime(2024-05-01) + 9tick, datetime(2024-05-01) - 1tick)`)).toBe(1);
  });

  it('+ 1tick is a different value in distinct, summarize by, sort, comparisons, in, join and dcount', () => {
    const base = 'datetime(2024-05-01 10:00)';
    const twoValues = `range i from 1 to 4 step 1 | extend t = iff(i % 2 == 0, ${base} + 1tick, ${base})`;
    expect(text(`${twoValues} | distinct t | sort by t asc`)).toEqual([
      { t: '2024-05-01T10:00:00.0000000Z' }, { t: '2024-05-01T10:00:00.0000001Z' },
    ]);
    expect(text(`${twoValues} | summarize n = count(), d = dcount(t) by t | sort by t desc`)).toEqual([
      { t: '2024-05-01T10:00:00.0000001Z', n: 2, d: 1 }, { t: '2024-05-01T10:00:00.0000000Z', n: 2, d: 1 },
    ]);
    expect(text(`${twoValues} | summarize d = dcount(t), mn = min(t), mx = max(t), last = arg_max(t, i), p = percentile(t, 50)`)).toEqual([
      { d: 2, mn: '2024-05-01T10:00:00.0000000Z', mx: '2024-05-01T10:00:00.0000001Z', last: '2024-05-01T10:00:00.0000001Z', i: 2, p: '2024-05-01T10:00:00.0000000Z' },
    ]);
    expect(text(`${twoValues} | sort by t desc, i asc | project i`)).toEqual([{ i: 2 }, { i: 4 }, { i: 1 }, { i: 3 }]);
    expect(text(`${twoValues} | top 1 by t asc | project i`)).toEqual([{ i: 1 }]);
    expect(text(`print a = ${base} + 1tick > ${base}, b = ${base} + 1tick == ${base}, c = ${base} + 1tick != ${base}, d = ${base} < ${base} + 1tick,
      e = ${base} + 1tick between (${base} .. ${base}), f = ${base} + 1tick in (${base}), g = ${base} + 1tick in (${base} + 1tick),
      h = max_of(${base}, ${base} + 1tick) == ${base} + 1tick, j = ${base} + 1tick - ${base} == 1tick`)).toEqual([
      { a: true, b: false, c: true, d: true, e: false, f: false, g: true, h: true, j: true },
    ]);
    // The same digits as a number of milliseconds and as a bigint of ticks are different instants.
    expect(text('datatable(t: timespan)[1ms, 1tick, 1ms, 10000tick] | summarize n = count() by t | sort by t asc')).toEqual([
      { t: '00:00:00.0000001', n: 1 }, { t: '00:00:00.0010000', n: 3 },
    ]);
    expect(text(`${twoValues} | join kind=inner (print t = ${base} + 1tick, tag = 'tick') on t | project i, tag`)).toEqual([
      { i: 2, tag: 'tick' }, { i: 4, tag: 'tick' },
    ]);
    expect(text(`${twoValues} | where t > ${base} | count`)).toEqual([{ Count: 2 }]);
    // 1 ms (the number 1) and 1 tick (the bigint 1n) in join, lookup, in and distinct keys, alone and with another key.
    const spans = "datatable(k: timespan, a: string)[1ms, 'ms', 1tick, 'tick']";
    expect(text(`${spans} | join kind=inner (datatable(k: timespan, b: string)[1tick, 'T']) on k | project a, b`)).toEqual([{ a: 'tick', b: 'T' }]);
    expect(text(`${spans} | extend x = 1 | join kind=inner (datatable(k: timespan, x: long, b: string)[1ms, 1, 'M']) on k, x | project a, b`)).toEqual([{ a: 'ms', b: 'M' }]);
    expect(text(`${spans} | lookup (datatable(k: timespan, b: string)[1tick, 'T']) on k | project a, b`)).toEqual([{ a: 'ms', b: '' }, { a: 'tick', b: 'T' }]);
    expect(text(`${spans} | where k in (1tick) | project a`)).toEqual([{ a: 'tick' }]);
    expect(text(`${spans} | where k !in (1ms) | project a`)).toEqual([{ a: 'tick' }]);
    expect(text(`${spans} | distinct k, x = 1 | count`)).toEqual([{ Count: 2 }]);
  });

  it('bin, startof*, datetime_add and make_datetime keep or cut the ticks exactly', () => {
    expect(text(`let d = datetime(2024-05-01 10:00:00.1234567); print a = bin(d, 1tick), b = bin(d, 1ms), c = bin(d, 10microsecond),
      e = startofday(d), f = datetime_add('microsecond', 3, d), g = datetime_add('nanosecond', 250, d), h = datetime_add('month', 1, d),
      i = make_datetime(2024, 5, 1, 10, 0, 0.1234567), j = bin(d - datetime(2024-05-01), 1microsecond)`)).toEqual([{
      a: '2024-05-01T10:00:00.1234567Z', b: '2024-05-01T10:00:00.1230000Z', c: '2024-05-01T10:00:00.1234500Z', e: '2024-05-01T00:00:00.0000000Z',
      f: '2024-05-01T10:00:00.1234597Z', g: '2024-05-01T10:00:00.1234569Z', h: '2024-06-01T10:00:00.1234567Z',
      i: '2024-05-01T10:00:00.1234567Z', j: '10:00:00.1234560',
    }]);
  });

  it('a datetime column read from text with 7 fractional digits keeps them; whole milliseconds come back as they went in', () => {
    const T = { schema: [{ name: 'Seen', type: 'datetime' as const }], rows: [
      { Seen: '2024-05-01T10:00:00.1234567Z' }, { Seen: '2024-05-01T10:00:00.1230000Z' }, { Seen: new Date('2024-05-01T10:00:00.123Z') }, { Seen: 1714557600123.25 },
    ] };
    expect(text('T | extend s = tostring(Seen)', { T })).toEqual([
      { Seen: '2024-05-01T10:00:00.1234567Z', s: '2024-05-01T10:00:00.1234567Z' },
      { Seen: '2024-05-01T10:00:00.1230000Z', s: '2024-05-01T10:00:00.1230000Z' },
      { Seen: '2024-05-01T10:00:00.1230000Z', s: '2024-05-01T10:00:00.1230000Z' },
      { Seen: '2024-05-01T10:00:00.1232500Z', s: '2024-05-01T10:00:00.1232500Z' }, // a fractional ms number: to the nearest tick
    ]);
    expect(rows('T | take 1', { T })).toEqual([{ Seen: new Date('2024-05-01T10:00:00.123Z') }]);
    expect(text('T | distinct Seen | count', { T })).toEqual([{ Count: 3 }]);
  });
});

describe('exact ticks: timespans', () => {
  it('the timespan type page: literals and division (docs examples)', () => {
    expect(rows('print result1 = 1d / 1s, result2 = time(1d) / time(1s), result3 = 24 * 60 * time(00:01:00) / time(1s)')).toEqual([
      { result1: 86400, result2: 86400, result3: 86400 },
    ]);
    expect(text('print a = 2d, b = 1.5h, c = 30m, d = 10s, e = 0.1s, f = 100ms, g = 10microsecond, h = 1tick, i = time(0.12:34:56.7)')).toEqual([{
      a: '2.00:00:00', b: '01:30:00', c: '00:30:00', d: '00:00:10', e: '00:00:00.1000000', f: '00:00:00.1000000', g: '00:00:00.0000100',
      h: '00:00:00.0000001', i: '12:34:56.7000000',
    }]);
  });

  it('7 fractional digits and 1tick arithmetic are exact', () => {
    expect(text(`print a = totimespan('00:00:00.0000001'), b = totimespan('1.02:03:04.1234567'), c = tostring(totimespan('-00:00:00.0000003')),
      d = 1tick * 3, e = 3 * 1tick, f = 10000tick == 1ms, g = 1d / 1tick, h = tolong(1tick), i = tolong(time(1.02:03:04.1234567)), j = totimespan(1),
      k = 1ms + 1tick - 1ms, l = -1tick, m = abs(-1tick), n = 1tick % 1tick, o = 7tick % 2tick, p = 1ms / 3, q = format_timespan(1tick, 'fffffff')`)).toEqual([{
      a: '00:00:00.0000001', b: '1.02:03:04.1234567', c: '-00:00:00.0000003', d: '00:00:00.0000003', e: '00:00:00.0000003', f: true,
      g: 864000000000, h: 1, i: 864_000_000_000 + 2 * 36_000_000_000 + 3 * 600_000_000 + 41_234_567, j: '00:00:00.0000001',
      k: '00:00:00.0000001', l: '-00:00:00.0000001', m: '00:00:00.0000001', n: '00:00:00', o: '00:00:00.0000001',
      p: '00:00:00.0003333', q: '0000001',
    }]);
    // A timespan of more than 2^53 ticks (about 28.5 years) keeps its last tick.
    expect(value('print tolong(20000d + 1tick)')).toBe(20000n * 864_000_000_000n + 1n);
  });

  it('sum and avg over timespans are exact in ticks', () => {
    expect(text('datatable(t: timespan)[1tick, 2tick, 1ms] | summarize s = sum(t), a = avg(t), mn = min(t), mx = max(t)')).toEqual([
      { s: '00:00:00.0010003', a: '00:00:00.0003334', mn: '00:00:00.0000001', mx: '00:00:00.0010000' },
    ]);
  });

  it('results: milliseconds by default (a fraction for ticks), exact text with timeAsText', () => {
    expect(rows('print a = 1tick, b = 1.5ms, c = 1h + 1tick, d = -1tick')).toEqual([{ a: 0.0001, b: 1.5, c: 3_600_000.0001, d: -0.0001 }]);
    // The milliseconds read back as a timespan column give the same ticks.
    const back = rows('print a = 1tick, b = 1.5ms, c = 1h + 1tick');
    expect(text('T | project a = tostring(a), b = tostring(b), c = tostring(c)', { T: { schema: [
      { name: 'a', type: 'timespan' }, { name: 'b', type: 'timespan' }, { name: 'c', type: 'timespan' }], rows: back } })).toEqual([
      { a: '00:00:00.0000001', b: '00:00:00.0015000', c: '01:00:00.0000001' },
    ]);
  });

  it('the CLI formats print every digit', () => {
    const r = runKql('print d = datetime(2024-05-01 10:00:00.1234567), t = 1tick', {}, { timeAsText: true });
    expect(formatResult(r, 'csv')).toBe('d,t\n2024-05-01T10:00:00.1234567Z,00:00:00.0000001');
    expect(JSON.parse(formatResult(r, 'ndjson'))).toEqual({ d: '2024-05-01T10:00:00.1234567Z', t: '00:00:00.0000001' });
    // Without timeAsText the table still prints what the Date and the milliseconds hold.
    expect(formatResult(runKql('print t = 1tick'), 'csv')).toBe('t\n00:00:00.0000001');
  });
});

describe('exact ticks: series and ranges', () => {
  it('range, make-series and row_window_session step by single ticks', () => {
    expect(text('range t from datetime(2024-05-01) to datetime(2024-05-01) + 2tick step 1tick')).toEqual([
      { t: '2024-05-01T00:00:00.0000000Z' }, { t: '2024-05-01T00:00:00.0000001Z' }, { t: '2024-05-01T00:00:00.0000002Z' },
    ]);
    expect(value('print range(1tick, 3tick, 1tick)')).toEqual(['00:00:00.0000001', '00:00:00.0000002', '00:00:00.0000003']);
    expect(text(`datatable(t: datetime, v: long)[datetime(2024-05-01), 1, datetime(2024-05-01 00:00:00.0000001), 2, datetime(2024-05-01 00:00:00.0000001), 3]
      | make-series s = sum(v) default = 0 on t from datetime(2024-05-01) to datetime(2024-05-01 00:00:00.0000003) step 1tick`)).toEqual([{
      s: [1, 5, 0], t: ['2024-05-01T00:00:00.0000000Z', '2024-05-01T00:00:00.0000001Z', '2024-05-01T00:00:00.0000002Z'],
    }]);
    expect(text(`datatable(t: datetime)[datetime(2024-05-01), datetime(2024-05-01 00:00:00.0000002), datetime(2024-05-01 00:00:00.0000005)]
      | serialize | extend s = row_window_session(t, 1h, 3tick)`)).toEqual([
      { t: '2024-05-01T00:00:00.0000000Z', s: '2024-05-01T00:00:00.0000000Z' },
      { t: '2024-05-01T00:00:00.0000002Z', s: '2024-05-01T00:00:00.0000000Z' },
      { t: '2024-05-01T00:00:00.0000005Z', s: '2024-05-01T00:00:00.0000005Z' },
    ]);
  });

  it('hash of a datetime hashes its exact ticks (docs example for the whole-day value)', () => {
    expect(text('print a = hash(datetime(2015-01-01)), b = hash(datetime(2015-01-01) + 1tick) != hash(datetime(2015-01-01))')).toEqual([
      { a: 1380966698541616202n, b: true },
    ]);
  });
});

describe('exact ticks: queries agree with BigInt tick arithmetic (property)', () => {
  /** Ticks since 1970 in 1900 .. 2100, half of them whole milliseconds. */
  const instant = fc.tuple(fc.bigInt({ min: -2208988800000n, max: 4102444800000n }), fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 9999n })))
    .map(([ms, sub]) => ms * 10000n + sub);
  const span = fc.tuple(fc.bigInt({ min: -864_000_000_000n * 400n, max: 864_000_000_000n * 400n }), fc.boolean())
    .map(([t, whole]) => (whole ? t - (t % 10000n) : t));
  const lit = (t: bigint) => `datetime(${formatDateTime(fromTicks(t)).slice(0, -1)})`;
  const ts = (t: bigint) => `time(${formatTimespan(fromTicks(t))})`;

  it('+, -, comparisons, tolong, tostring, bin, datetime_diff, sort and distinct', () => {
    fc.assert(fc.property(instant, instant, span, (a, b, s) => {
      const q = `let A = ${lit(a)}; let B = ${lit(b)}; let S = ${ts(s)};
        print sum = tostring(A + S), diff = tostring(A - B), lt = A < B, eq = A == B, ge = A >= B, la = tolong(A), ls = tolong(S),
          ns = datetime_diff('nanosecond', A, B), binned = tostring(bin(A, 7tick)), half = tostring(S / 2), twice = tostring(S * 2)`;
      const [r] = text(q);
      const kusto = 719162n * 864_000_000_000n;
      const div = (x: bigint, k: bigint) => { const q0 = x / k, r0 = x % k; return 2n * (r0 < 0n ? -r0 : r0) >= k ? q0 + (x < 0n ? -1n : 1n) : q0; };
      const floor = (x: bigint, k: bigint) => x / k - (x % k < 0n ? 1n : 0n);
      expect(r).toEqual({
        sum: formatDateTime(fromTicks(a + s)), diff: formatTimespan(fromTicks(a - b)), lt: a < b, eq: a === b, ge: a >= b,
        la: a + kusto <= 9007199254740991n ? Number(a + kusto) : a + kusto,
        ls: s <= 9007199254740991n && s >= -9007199254740991n ? Number(s) : s,
        ns: (() => { const n = (a - b) * 100n; return n <= 9007199254740991n && n >= -9007199254740991n ? Number(n) : n; })(),
        binned: formatDateTime(fromTicks(floor(a + kusto, 7n) * 7n - kusto)),
        half: formatTimespan(fromTicks(div(s, 2n))), twice: formatTimespan(fromTicks(s * 2n)),
      });
      const sorted = text(`datatable(t: datetime)[${[a, b, a + 1n, b - 1n].map(lit).join(', ')}] | distinct t | sort by t asc`).map((x) => x.t);
      const expected = [...new Set([a, b, a + 1n, b - 1n])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).map((t) => formatDateTime(fromTicks(t)));
      expect(sorted).toEqual(expected);
    }), { seed: 5, numRuns: 150 });
  });
});
