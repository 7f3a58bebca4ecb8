/**
 * The datetime family (src/functions/datetime): unixtime_*_todatetime, bin_at, around, datetime_utc_to_local,
 * datetime_local_to_utc, datetime_list_timezones; plus make_timespan's fractional seconds, todatetime's
 * month-day-year with dashes and the endof* functions' last tick. Expected values are the Kusto docs' examples
 * (<name>-function.md in MicrosoftDocs/dataexplorer-docs), or worked by hand in ticks (1 tick = 100 ns) and
 * from the IANA rules where noted. Result types are checked against Microsoft's analyzer (the oracle).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runKql, KqlError, KqlSemanticError } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { bindError, bindScalar, call, CTX, dt } from './helpers.js';

/** Rows with datetimes and timespans as Kusto's exact text. */
function text(query: string): Record<string, unknown>[] {
  return runKql(query, {}, { timeAsText: true }).rows;
}
/** The single value of a one-row, one-column query, as text. */
function value(query: string): unknown {
  const r = text(query);
  expect(r).toHaveLength(1);
  return Object.values(r[0])[0];
}
/** The error a query fails with (at bind time: a semantic error). */
function failure(query: string): KqlError {
  let err: unknown;
  try { runKql(query); } catch (e) { err = e; }
  expect(err, query).toBeInstanceOf(KqlSemanticError);
  return err as KqlError;
}

describe('result types agree with the analyzer', () => {
  it('every function, every overload', () => {
    const q = 'print a = unixtime_seconds_todatetime(1), b = unixtime_milliseconds_todatetime(1.5), c = unixtime_microseconds_todatetime(int(1)),'
      + ' d = unixtime_nanoseconds_todatetime(decimal(1)), e = bin_at(6.5, 2.5, 7), f = bin_at(1, 2, 3), g = bin_at(int(1), int(2), int(3)),'
      + ' h = bin_at(1h, 1d, 12h), i = bin_at(datetime(2020-01-01), 1d, datetime(2020-01-01 12:00)), j = bin_at(1, 2.5, 3),'
      + ' k = bin_at(decimal(1), decimal(2), decimal(3)), l = around(1, 2, 3), m = around(1.5, 2, 0.5),'
      + ' n = around(datetime(2020-01-01), datetime(2020-01-02), 1d), o = around(1h, 2h, 1h),'
      + " p = datetime_utc_to_local(datetime(2020-01-01), 'UTC'), r = datetime_local_to_utc(datetime(2020-01-01), 'Europe/Paris'),"
      + ' s = datetime_list_timezones(), t = make_timespan(1, 2), u = make_timespan(1, 2, 3, 4)';
    const types = 'a:datetime, b:datetime, c:datetime, d:datetime, e:real, f:long, g:long, h:timespan, i:datetime, j:real, k:decimal,'
      + ' l:bool, m:bool, n:bool, o:bool, p:datetime, r:datetime, s:dynamic, t:timespan, u:timespan';
    expect(formatColumns(runKql(q).columns)).toBe(types);
    expect(formatColumns(analyzeWithOracle(q).columns)).toBe(types);
  });
});

describe('unixtime_*_todatetime', () => {
  it('the docs examples', () => {
    expect(value('print date_time = unixtime_seconds_todatetime(1546300800)')).toBe('2019-01-01T00:00:00.0000000Z');
    expect(value('print date_time = unixtime_milliseconds_todatetime(1546300800000)')).toBe('2019-01-01T00:00:00.0000000Z');
    expect(value('print date_time = unixtime_microseconds_todatetime(1546300800000000)')).toBe('2019-01-01T00:00:00.0000000Z');
    expect(value('print date_time = unixtime_nanoseconds_todatetime(1546300800000000000)')).toBe('2019-01-01T00:00:00.0000000Z');
  });

  it('exact to the tick: fractions, microseconds, nanoseconds beyond 2^53, negatives', () => {
    expect(text('print a = unixtime_seconds_todatetime(1.1234567), b = unixtime_seconds_todatetime(-1.5),'
      + ' c = unixtime_milliseconds_todatetime(0.1234), d = unixtime_microseconds_todatetime(1546300800000001),'
      + ' e = unixtime_nanoseconds_todatetime(1546300800000000100), f = unixtime_nanoseconds_todatetime(1546300800123456700),'
      + ' g = unixtime_microseconds_todatetime(-1), h = unixtime_seconds_todatetime(0.5e-6)')).toEqual([{
      a: '1970-01-01T00:00:01.1234567Z', b: '1969-12-31T23:59:58.5000000Z', c: '1970-01-01T00:00:00.0001234Z',
      d: '2019-01-01T00:00:00.0000010Z', e: '2019-01-01T00:00:00.0000001Z', f: '2019-01-01T00:00:00.1234567Z',
      g: '1969-12-31T23:59:59.9999990Z', h: '1970-01-01T00:00:00.0000005Z',
    }]);
  });

  it('a fraction of a tick is dropped (toward zero)', () => {
    expect(text('print a = unixtime_nanoseconds_todatetime(199), b = unixtime_nanoseconds_todatetime(-199), c = unixtime_seconds_todatetime(1.00000009)'))
      .toEqual([{ a: '1970-01-01T00:00:00.0000001Z', b: '1969-12-31T23:59:59.9999999Z', c: '1970-01-01T00:00:01.0000000Z' }]);
  });

  it('the ends of the range; outside it, NaN, infinity and null give null', () => {
    expect(text('print a = unixtime_seconds_todatetime(-62135596800), b = unixtime_seconds_todatetime(253402300799),'
      + ' c = unixtime_seconds_todatetime(-62135596801), d = unixtime_seconds_todatetime(253402300800),'
      + ' e = unixtime_nanoseconds_todatetime(1e21), f = unixtime_seconds_todatetime(real(nan)),'
      + ' g = unixtime_milliseconds_todatetime(real(+inf)), h = unixtime_microseconds_todatetime(long(null)), i = unixtime_seconds_todatetime(1e300)'))
      .toEqual([{ a: '0001-01-01T00:00:00.0000000Z', b: '9999-12-31T23:59:59.0000000Z', c: null, d: null, e: null, f: null, g: null, h: null, i: null }]);
    // The largest long of nanoseconds is in range (2262), exactly; a real of milliseconds as its double prints.
    expect(text('print a = unixtime_nanoseconds_todatetime(9223372036854775807), b = unixtime_milliseconds_todatetime(1546300800000.5)'))
      .toEqual([{ a: '2262-04-11T23:47:16.8547758Z', b: '2019-01-01T00:00:00.0005000Z' }]);
    expect(call('unixtime_microseconds_todatetime', ['long'], [-9223372036854775807n])).toBe(null);
  });

  it('a string does not bind', () => {
    expect(failure("print unixtime_seconds_todatetime('1')").code).toBe('SEM_TYPE_MISMATCH');
    expect(bindError('unixtime_nanoseconds_todatetime', ['datetime']).argIndex).toBe(0);
  });
});

describe('bin_at', () => {
  it('the docs examples', () => {
    expect(value('print bin_at(6.5, 2.5, 7)')).toBe(4.5);
    expect(value('print bin_at(time(1h), 1d, 12h)')).toBe('-12:00:00');
    expect(value('print bin_at(datetime(2017-05-15 10:20:00.0), 1d, datetime(1970-01-01 12:00:00.0))')).toBe('2017-05-14T12:00:00.0000000Z');
    expect(value('print bin_at(datetime(2017-05-17 10:20:00.0), 7d, datetime(2017-06-04 00:00:00.0))')).toBe('2017-05-14T00:00:00.0000000Z');
    const rows = text('datatable(Date:datetime, NumOfEvents:int)[datetime(2018-02-24T15:14),3, datetime(2018-02-24T15:24),4,'
      + ' datetime(2018-02-23T16:14),4, datetime(2018-02-23T17:29),4, datetime(2018-02-26T15:14),5]'
      + ' | summarize TotalEvents=sum(NumOfEvents) by bin_at(Date, 1d, datetime(2018-02-24 15:14:00.0000000)) | order by Date asc');
    expect(rows).toEqual([
      { Date: '2018-02-23T15:14:00.0000000Z', TotalEvents: 8 },
      { Date: '2018-02-24T15:14:00.0000000Z', TotalEvents: 7 },
      { Date: '2018-02-26T15:14:00.0000000Z', TotalEvents: 5 },
    ]);
  });

  it('longs exactly (beyond 2^53), ticks exactly, a value on the fixed point, a size that is not positive', () => {
    expect(call('bin_at', ['long', 'long', 'long'], [9007199254740993n, 10, 3])).toBe(9007199254740993n);
    expect(call('bin_at', ['long', 'long', 'long'], [9007199254740999n, 10, 3])).toBe(9007199254740993n);
    expect(call('bin_at', ['long', 'long', 'long'], [-7, 5, 1])).toBe(-9);
    expect(text('print a = bin_at(datetime(2020-01-01 00:00:00.0000007), 3tick, datetime(2020-01-01 00:00:00.0000001)),'
      + ' b = bin_at(5tick, 2tick, 0tick), c = bin_at(datetime(2020-01-01 12:00), 1d, datetime(2020-01-01 12:00)),'
      + ' d = bin_at(10, 0, 1), e = bin_at(1h, -1h, 0h), f = bin_at(datetime(0001-01-01 01:00), 1d, datetime(2020-01-01 12:00))'))
      .toEqual([{
        a: '2020-01-01T00:00:00.0000007Z', b: '00:00:00.0000004', c: '2020-01-01T12:00:00.0000000Z', d: null, e: null, f: null,
      }]);
  });

  it('null arguments give null; a datetime fixed point for a timespan does not bind', () => {
    expect(text('print a = bin_at(long(null), 2, 3), b = bin_at(datetime(null), 1d, datetime(2020-01-01)), c = bin_at(1.5, real(null), 0)'))
      .toEqual([{ a: null, b: null, c: null }]);
    expect(failure('print bin_at(1h, 1d, datetime(2020-01-01))').code).toBe('SEM_TYPE_MISMATCH');
    expect(failure('print bin_at(datetime(2020-01-01), 1d, 1h)').code).toBe('SEM_TYPE_MISMATCH');
    expect(analyzeWithOracle('print bin_at(datetime(2020-01-01), 1d, 1h)').errors.length).toBeGreaterThan(0);
    expect(bindError('bin_at', ['string', 'long', 'long']).argIndex).toBe(0);
  });
});

describe('around', () => {
  it('the docs example', () => {
    expect(text('range dt from datetime(2021-01-01 01:00) to datetime(2021-01-01 02:00) step 1min'
      + ' | where around(dt, datetime(2021-01-01 01:30), 1min)')).toEqual([
      { dt: '2021-01-01T01:29:00.0000000Z' },
      { dt: '2021-01-01T01:30:00.0000000Z' },
      { dt: '2021-01-01T01:31:00.0000000Z' },
    ]);
  });

  it('both ends included, to the tick; numbers, timespans, a negative delta', () => {
    expect(text('print a = around(datetime(2020-01-01 00:00:00.0000001), datetime(2020-01-01), 1tick),'
      + ' b = around(datetime(2020-01-01 00:00:00.0000002), datetime(2020-01-01), 1tick), c = around(1, 2, 1), d = around(0.5, 2, 1),'
      + ' e = around(90m, 2h, 30m), f = around(89m, 2h, 30m), g = around(2, 2, -1),'
      + ' h = around(datetime(9999-12-31), datetime(9999-12-31), 1000d), i = around(9223372036854775807, 9223372036854775806, 1)'))
      .toEqual([{ a: true, b: false, c: true, d: false, e: true, f: false, g: false, h: true, i: true }]);
    expect(call('around', ['long', 'long', 'long'], [9007199254740993n, 9007199254740992, 0])).toBe(false);
  });

  it('null arguments give null; mixed kinds do not bind', () => {
    expect(text('print a = around(long(null), 1, 2), b = around(datetime(2020-01-01), datetime(null), 1h), c = around(1h, 1h, timespan(null))'))
      .toEqual([{ a: null, b: null, c: null }]);
    expect(failure("print around('a', 'b', 'c')").code).toBe('SEM_TYPE_MISMATCH');
    expect(bindError('around', ['datetime', 'datetime', 'long']).argIndex).toBe(2);
  });
});

describe('datetime_utc_to_local, datetime_local_to_utc', () => {
  it('the docs example of datetime_utc_to_local (with the docs now())', () => {
    expect(text("print dt=datetime(2022-07-11 22:18:48.4678620) | extend pacific_dt = datetime_utc_to_local(dt, 'US/Pacific'),"
      + " canberra_dt = datetime_utc_to_local(dt, 'Australia/Canberra') | extend diff = pacific_dt - canberra_dt")).toEqual([{
      dt: '2022-07-11T22:18:48.4678620Z', pacific_dt: '2022-07-11T15:18:48.4678620Z', canberra_dt: '2022-07-12T08:18:48.4678620Z', diff: '-17:00:00',
    }]);
  });

  it('the docs examples of datetime_local_to_utc', () => {
    expect(text("datatable(local_dt: datetime, tz: string)[datetime(2020-02-02 20:02:20), 'US/Pacific',"
      + " datetime(2020-02-02 20:02:20), 'America/Chicago', datetime(2020-02-02 20:02:20), 'Europe/Paris']"
      + ' | extend utc_dt = datetime_local_to_utc(local_dt, tz) | order by utc_dt asc')).toEqual([
      { local_dt: '2020-02-02T20:02:20.0000000Z', tz: 'Europe/Paris', utc_dt: '2020-02-02T19:02:20.0000000Z' },
      { local_dt: '2020-02-02T20:02:20.0000000Z', tz: 'America/Chicago', utc_dt: '2020-02-03T02:02:20.0000000Z' },
      { local_dt: '2020-02-02T20:02:20.0000000Z', tz: 'US/Pacific', utc_dt: '2020-02-03T04:02:20.0000000Z' },
    ]);
    // The DST gap: 02:00 local never happened in Brussels that day; it takes the offset after the transition.
    expect(text("range Local from datetime(2022-03-27 01:00:00.0000000) to datetime(2022-03-27 04:00:00.0000000) step 1h"
      + " | extend UTC=datetime_local_to_utc(Local, 'Europe/Brussels') | extend BackToLocal=datetime_utc_to_local(UTC, 'Europe/Brussels')"
      + ' | extend diff=Local-BackToLocal')).toEqual([
      { Local: '2022-03-27T01:00:00.0000000Z', UTC: '2022-03-27T00:00:00.0000000Z', BackToLocal: '2022-03-27T01:00:00.0000000Z', diff: '00:00:00' },
      { Local: '2022-03-27T02:00:00.0000000Z', UTC: '2022-03-27T00:00:00.0000000Z', BackToLocal: '2022-03-27T01:00:00.0000000Z', diff: '01:00:00' },
      { Local: '2022-03-27T03:00:00.0000000Z', UTC: '2022-03-27T01:00:00.0000000Z', BackToLocal: '2022-03-27T03:00:00.0000000Z', diff: '00:00:00' },
      { Local: '2022-03-27T04:00:00.0000000Z', UTC: '2022-03-27T02:00:00.0000000Z', BackToLocal: '2022-03-27T04:00:00.0000000Z', diff: '00:00:00' },
    ]);
  });

  it('gaps west of UTC and overlaps (clocks set back) take the offset after the transition', () => {
    // New York 2022-03-13: 02:00 EST became 03:00 EDT (07:00 UTC). 2022-11-06: 02:00 EDT became 01:00 EST (06:00 UTC).
    // Brussels 2022-10-30: 03:00 CEST became 02:00 CET (01:00 UTC).
    expect(text("print a = datetime_local_to_utc(datetime(2022-03-13 02:30), 'America/New_York'),"
      + " b = datetime_local_to_utc(datetime(2022-03-13 01:59:59.9999999), 'America/New_York'),"
      + " c = datetime_local_to_utc(datetime(2022-03-13 03:00), 'America/New_York'),"
      + " d = datetime_local_to_utc(datetime(2022-11-06 01:30), 'America/New_York'),"
      + " e = datetime_local_to_utc(datetime(2022-11-06 00:59:59.9999999), 'America/New_York'),"
      + " f = datetime_local_to_utc(datetime(2022-10-30 02:30), 'Europe/Brussels'),"
      + " g = datetime_local_to_utc(datetime(2022-10-30 03:00), 'Europe/Brussels')")).toEqual([{
      a: '2022-03-13T06:30:00.0000000Z', b: '2022-03-13T06:59:59.9999999Z', c: '2022-03-13T07:00:00.0000000Z',
      d: '2022-11-06T06:30:00.0000000Z', e: '2022-11-06T04:59:59.9999999Z',
      f: '2022-10-30T01:30:00.0000000Z', g: '2022-10-30T02:00:00.0000000Z',
    }]);
    // UTC to local around the transitions, to the tick.
    expect(text("print a = datetime_utc_to_local(datetime(2022-03-27 00:59:59.9999999), 'Europe/Brussels'),"
      + " b = datetime_utc_to_local(datetime(2022-03-27 01:00), 'Europe/Brussels'),"
      + " c = datetime_utc_to_local(datetime(2022-10-30 00:59:59.9999999), 'Europe/Brussels'),"
      + " d = datetime_utc_to_local(datetime(2022-10-30 01:00), 'Europe/Brussels')")).toEqual([{
      a: '2022-03-27T01:59:59.9999999Z', b: '2022-03-27T03:00:00.0000000Z', c: '2022-10-30T02:59:59.9999999Z', d: '2022-10-30T02:00:00.0000000Z',
    }]);
  });

  it('ticks below the millisecond are kept; half-hour, 45-minute and seconds offsets; UTC', () => {
    expect(text("print a = datetime_utc_to_local(datetime(2020-06-01 12:00:00.1234567), 'Asia/Kolkata'),"
      + " b = datetime_local_to_utc(datetime(2020-06-01 17:30:00.1234567), 'Asia/Kolkata'),"
      + " c = datetime_utc_to_local(datetime(2020-06-01 00:00:00.0000001), 'Asia/Kathmandu'),"
      + " d = datetime_utc_to_local(datetime(2020-06-01 00:00:00.0000001), 'UTC'),"
      + " e = datetime_local_to_utc(datetime(2020-06-01 00:00:00.0000001), 'Etc/GMT+5'),"
      // Brussels mean time, +00:17:30 until 1892 (IANA).
      + " f = datetime_utc_to_local(datetime(1880-01-01), 'Europe/Brussels')")).toEqual([{
      a: '2020-06-01T17:30:00.1234567Z', b: '2020-06-01T12:00:00.1234567Z', c: '2020-06-01T05:45:00.0000001Z',
      d: '2020-06-01T00:00:00.0000001Z', e: '2020-06-01T05:00:00.0000001Z', f: '1880-01-01T00:17:30.0000000Z',
    }]);
  });

  it('round trips every 17 minutes of a year, except where local time happens twice', () => {
    const q = "range utc from datetime(2023-01-01) to datetime(2023-12-31) step 17m | extend utc = utc + 1tick"
      + " | extend back = datetime_local_to_utc(datetime_utc_to_local(utc, 'America/Sao_Paulo'), 'America/Sao_Paulo'),"
      + " back2 = datetime_local_to_utc(datetime_utc_to_local(utc, 'Australia/Lord_Howe'), 'Australia/Lord_Howe')"
      + ' | summarize ok = countif(back == utc), n = count(), bad2 = make_list_if(utc, back2 != utc or isnull(back2))';
    // Lord Howe set its clocks back half an hour at 2023-04-02 02:00 (+11:00), 15:00 UTC: the local times of
    // 14:30 .. 15:00 UTC happen again half an hour later, and map back to the later instants.
    expect(text(q)).toEqual([{ ok: 30833, n: 30833, bad2: ['2023-04-01T14:35:00.0000001Z', '2023-04-01T14:52:00.0000001Z'] }]);
  });

  it('agrees with the offset Intl gives for each instant (the per-zone offset cache is exact)', () => {
    const toLocal = bindScalar('datetime_utc_to_local', ['datetime', 'string']);
    const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Sao_Paulo', 'Pacific/Chatham', 'Africa/Casablanca'];
    const formats = new Map(zones.map((z) => [z, new Intl.DateTimeFormat('en-US', {
      timeZone: z, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    })]));
    const expected = (ms: number, zone: string): number => {
      const p = Object.fromEntries(formats.get(zone)!.formatToParts(ms).map((x) => [x.type, Number(x.value)]));
      const d = new Date(0);
      d.setUTCFullYear(p.year, p.month - 1, p.day);
      d.setUTCHours(p.hour % 24, p.minute, p.second, new Date(ms).getUTCMilliseconds());
      return d.getTime();
    };
    // Instants from 1900 to 2100, dense around a few transitions so that both sides are hit.
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
      fc.integer({ min: Date.UTC(2022, 2, 27, 0, 59), max: Date.UTC(2022, 2, 27, 1, 1) }),
      fc.integer({ min: Date.UTC(2023, 3, 1, 14, 59), max: Date.UTC(2023, 3, 1, 15, 1) }),
    );
    fc.assert(fc.property(instant, fc.constantFrom(...zones), (ms, zone) => {
      expect(toLocal.call([ms, zone], CTX)).toBe(expected(ms, zone));
    }), { numRuns: 3000 });
  });

  it('the ends of the range give null; an unknown zone, an offset, an empty name or null give null', () => {
    expect(text("print a = datetime_utc_to_local(datetime(9999-12-31 23:00), 'Asia/Tokyo'),"
      + " b = datetime_local_to_utc(datetime(0001-01-01 01:00), 'Asia/Tokyo'),"
      + " c = datetime_utc_to_local(datetime(2020-01-01), 'Foo/Bar'), d = datetime_local_to_utc(datetime(2020-01-01), '+01:00'),"
      + " e = datetime_utc_to_local(datetime(2020-01-01), ''), f = datetime_utc_to_local(datetime(null), 'UTC'),"
      + " g = datetime_local_to_utc(datetime(2020-01-01), tostring(dynamic(null)))"))
      .toEqual([{ a: null, b: null, c: null, d: null, e: null, f: null, g: null }]);
  });

  it('wrong types do not bind', () => {
    expect(failure("print datetime_utc_to_local('2020-01-01', 'UTC')").code).toBe('SEM_TYPE_MISMATCH');
    expect(failure('print datetime_local_to_utc(datetime(2020-01-01), 1)').code).toBe('SEM_TYPE_MISMATCH');
    expect(bindError('datetime_utc_to_local', ['datetime', 'dynamic']).argIndex).toBe(1);
  });
});

describe('datetime_list_timezones', () => {
  it('the docs example runs; the list is sorted, has UTC and the zones the docs use', () => {
    const list = value('print datetime_list_timezones()') as string[];
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBeGreaterThan(300);
    expect([...list].sort()).toEqual(list);
    for (const z of ['UTC', 'Europe/Paris', 'America/Chicago', 'Asia/Tokyo']) expect(list).toContain(z);
    expect(text("print z = datetime_list_timezones() | mv-expand z to typeof(string) | extend ok = isnotnull(datetime_utc_to_local(datetime(2020-01-01), z))"
      + ' | summarize bad = countif(not(ok))')).toEqual([{ bad: 0 }]);
  });

  it('takes no argument', () => {
    expect(bindError('datetime_list_timezones', ['string']).error).toMatch(/argument/);
  });
});

describe('fixes: make_timespan, todatetime, endof*', () => {
  it('make_timespan keeps fractional seconds to the tick (the docs example)', () => {
    expect(text("print ['timespan'] = make_timespan(1,12,30,55.123)")).toEqual([{ timespan: '1.12:30:55.1230000' }]);
    expect(text('print a = make_timespan(1, 2, 3.0000001), b = make_timespan(1, 2), c = make_timespan(0, 0, 0, 59.9999999), d = make_timespan(1, 2, real(null))'))
      .toEqual([{ a: '01:02:03.0000001', b: '01:02:00', c: '00:00:59.9999999', d: null }]);
    expect(failure('print make_timespan(1.5, 2)').code).toBe('SEM_TYPE_MISMATCH');
  });

  it("todatetime('12-02-2022') == datetime('12-02-2022') (the docs example): month-day-year", () => {
    expect(value("print todatetime('12-02-2022') == datetime('12-02-2022')")).toBe(true);
    expect(text("print a = todatetime('12-02-2022'), b = datetime(12-02-2022), c = todatetime('13-02-2022'), d = todatetime('12-02/2022'), e = todatetime('12-2-2022 10:30')"))
      .toEqual([{ a: '2022-12-02T00:00:00.0000000Z', b: '2022-12-02T00:00:00.0000000Z', c: null, d: null, e: '2022-12-02T10:30:00.0000000Z' }]);
    expect(dt('12-02-2022')).toBe(Date.UTC(2022, 11, 2));
  });

  it('endofday, endofweek, endofmonth and endofyear are the last tick of the period', () => {
    expect(text('print d = endofday(datetime(2016-12-31 10:00)), w = endofweek(datetime(2016-12-31 10:00)),'
      + ' m = endofmonth(datetime(2016-02-10 00:00:00.0000001)), y = endofyear(datetime(2016-12-31 23:59:59.9999999)),'
      + ' after = endofday(datetime(2016-12-31 10:00)) + 1tick')).toEqual([{
      d: '2016-12-31T23:59:59.9999999Z', w: '2016-12-31T23:59:59.9999999Z', m: '2016-02-29T23:59:59.9999999Z',
      y: '2016-12-31T23:59:59.9999999Z', after: '2017-01-01T00:00:00.0000000Z',
    }]);
  });
});
