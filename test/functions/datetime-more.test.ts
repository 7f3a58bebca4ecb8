import { describe, expect, it } from 'vitest';
import { bindError, bindScalar, call, dt, ts, type Case } from './helpers.js';

const D = 'datetime' as const;
const c = (s: string): ['string', string] => ['string', s];
// Expected values from the examples in getyear/getmonth/dayofmonth/dayofyear/week-of-year/endofweek/endofmonth/
// endofyear/datetime-part/format-datetime/format-timespan/make-datetime/make-timespan docs, or worked by hand
// from a calendar.
const cases: Case[] = [
  ['getyear', [D], [dt('2015-10-12')], 2015],
  ['getyear', [D], [null], null],
  ['getmonth', [D], [dt('2015-10-12')], 10],
  ['monthofyear', [D], [dt('2015-12-14')], 12],
  ['dayofmonth', [D], [dt('2015-12-14')], 14],
  ['dayofmonth', [D], [dt('2015-12-31 23:59:59.999')], 31],
  ['dayofyear', [D], [dt('2015-12-14')], 348],
  ['dayofyear', [D], [dt('2016-12-31')], 366],
  ['dayofyear', [D], [dt('2016-01-01')], 1],
  // ISO weeks: 2020-12-31 (Thursday) is week 53; 2021-01-01 (Friday) belongs to 2020's week 53; 2021-01-04 is week 1.
  ['week_of_year', [D], [dt('2020-12-31')], 53],
  ['week_of_year', [D], [dt('2021-01-01')], 53],
  ['week_of_year', [D], [dt('2021-01-04')], 1],
  ['weekofyear', [D], [dt('2015-12-14')], 51],
  // 2008-12-29 is a Monday: ISO week 1 of 2009.
  ['week_of_year', [D], [dt('2008-12-29')], 1],
  ['week_of_year', [D], [null], null],
  ['endofweek', [D], [dt('2017-01-01 10:10:17')], dt('2017-01-07 23:59:59.9999999')],
  ['endofweek', [D, 'long'], [dt('2017-01-01 10:10:17'), -1], dt('2016-12-31 23:59:59.9999999')],
  ['endofweek', [D, 'long'], [dt('2017-01-01 10:10:17'), 1], dt('2017-01-14 23:59:59.9999999')],
  ['endofmonth', [D], [dt('2017-01-01 10:10:17')], dt('2017-01-31 23:59:59.9999999')],
  ['endofmonth', [D, 'long'], [dt('2017-01-01 10:10:17'), -1], dt('2016-12-31 23:59:59.9999999')],
  ['endofmonth', [D, 'long'], [dt('2017-01-01 10:10:17'), 1], dt('2017-02-28 23:59:59.9999999')],
  ['endofmonth', [D], [dt('2016-02-10')], dt('2016-02-29 23:59:59.9999999')],
  ['endofyear', [D], [dt('2017-01-01 10:10:17')], dt('2017-12-31 23:59:59.9999999')],
  ['endofyear', [D, 'long'], [dt('2017-01-01 10:10:17'), -1], dt('2016-12-31 23:59:59.9999999')],
  ['endofyear', [D], [null], null],
  ['datetime_part', [c('Year'), D], ['Year', dt('2017-10-30 01:02:03.7654321')], 2017],
  ['datetime_part', [c('Quarter'), D], ['Quarter', dt('2017-10-30 01:02:03.7654321')], 4],
  ['datetime_part', [c('Month'), D], ['Month', dt('2017-10-30 01:02:03.7654321')], 10],
  ['datetime_part', [c('week_of_year'), D], ['week_of_year', dt('2017-10-30 01:02:03.7654321')], 44],
  ['datetime_part', [c('Day'), D], ['Day', dt('2017-10-30 01:02:03.7654321')], 30],
  ['datetime_part', [c('DayOfYear'), D], ['DayOfYear', dt('2017-10-30 01:02:03.7654321')], 303],
  ['datetime_part', [c('Hour'), D], ['Hour', dt('2017-10-30 01:02:03.7654321')], 1],
  ['datetime_part', [c('Minute'), D], ['Minute', dt('2017-10-30 01:02:03.7654321')], 2],
  ['datetime_part', [c('Second'), D], ['Second', dt('2017-10-30 01:02:03.7654321')], 3],
  ['datetime_part', [c('Millisecond'), D], ['Millisecond', dt('2017-10-30 01:02:03.7654321')], 765],
  ['datetime_part', [c('Microsecond'), D], ['Microsecond', dt('2017-10-30 01:02:03.7654321')], 765432],
  ['datetime_part', [c('Nanosecond'), D], ['Nanosecond', dt('2017-10-30 01:02:03.7654321')], 765432100],
  ['datetime_part', [c('day'), D], ['day', null], null],
  ['format_datetime', [D, c('y-M-d h:m:s.fffffff')], [dt('2015-12-14 02:03:04.12345'), 'y-M-d h:m:s.fffffff'], '15-12-14 2:3:4.1234500'],
  ['format_datetime', [D, c('yy-MM-dd [HH:mm:ss]')], [dt('2015-12-14 02:03:04.12345'), 'yy-MM-dd [HH:mm:ss]'], '15-12-14 [02:03:04]'],
  ['format_datetime', [D, c('yy-MM-dd [hh:mm:ss tt]')], [dt('2015-12-14 02:03:04.12345'), 'yy-MM-dd [hh:mm:ss tt]'], '15-12-14 [02:03:04 AM]'],
  ['format_datetime', [D, c('yyyy-MM-dd HH:mm:ss.FFF')], [dt('2015-12-14 14:03:04.1'), 'yyyy-MM-dd HH:mm:ss.FFF'], '2015-12-14 14:03:04.1'],
  ['format_datetime', [D, c('h tt')], [dt('2015-12-14 00:00'), 'h tt'], '12 AM'],
  ['format_datetime', [D, c('yyyy')], [null, 'yyyy'], ''],
  ['format_timespan', ['timespan', c('dd.hh:mm:ss [FF]')], [ts('29.09:00:05.12345'), 'dd.hh:mm:ss [FF]'], '29.09:00:05 [12]'],
  ['format_timespan', ['timespan', c('ddd.h:mm:ss [fffffff]')], [ts('29.09:00:05.12345'), 'ddd.h:mm:ss [fffffff]'], '029.9:00:05 [1234500]'],
  ['format_timespan', ['timespan', c('hh:mm')], [ts('1d'), 'hh:mm'], '00:00'],
  ['format_timespan', ['timespan', c('hh:mm')], [null, 'hh:mm'], ''],
  ['make_datetime', ['long', 'long', 'long'], [2017, 10, 1], dt('2017-10-01')],
  ['make_datetime', ['long', 'long', 'long', 'long', 'long', 'real'], [2017, 10, 1, 12, 10, 7.5], dt('2017-10-01 12:10:07.5')],
  ['make_datetime', ['long', 'long', 'long', 'long', 'long'], [2017, 10, 1, 12, 11], dt('2017-10-01 12:11')],
  ['make_datetime', ['long', 'long', 'long'], [2017, 2, 29], null],
  ['make_datetime', ['long', 'long', 'long'], [2016, 2, 29], dt('2016-02-29')],
  ['make_datetime', ['long', 'long', 'long'], [2017, 13, 1], null],
  ['make_datetime', ['long', 'long', 'long'], [null, 1, 1], null],
  ['make_timespan', ['long', 'long'], [8, 30], ts('08:30:00')],
  ['make_timespan', ['long', 'long', 'long'], [1, 12, 30], ts('01:12:30')],
  ['make_timespan', ['long', 'long', 'long', 'long'], [2, 1, 2, 3], ts('2.01:02:03')],
  ['make_timespan', ['long', 'long'], [null, 30], null],
];

describe('more datetime functions', () => {
  it.each(cases)('%s(%j) of %o', (name, types, values, expected) => {
    const got = call(name, types, values);
    if (typeof expected === 'number') expect(got as number).toBeCloseTo(expected, 4);
    else expect(got).toEqual(expected);
  });

  it('types', () => {
    expect(bindScalar('getyear', [D]).type).toBe('int');
    expect(bindScalar('datetime_part', [c('year'), D]).type).toBe('int');
    expect(bindScalar('endofmonth', [D]).type).toBe('datetime');
    expect(bindScalar('format_datetime', [D, c('yyyy')]).type).toBe('string');
  });

  it('rejects wrong types, unknown parts and bad formats', () => {
    expect(bindError('getyear', ['string']).argIndex).toBe(0);
    expect(bindError('endofweek', ['string']).argIndex).toBe(0);
    expect(bindError('datetime_part', [c('fortnight'), D]).argIndex).toBe(0);
    expect(bindError('datetime_part', ['string', D]).error).toMatch(/constant/);
    expect(bindError('format_datetime', [D, c('yyyy%')]).argIndex).toBe(1);
    expect(bindError('format_datetime', [D, 'string']).error).toMatch(/constant/);
    expect(bindError('format_timespan', ['timespan', c('qq')]).argIndex).toBe(1);
    expect(bindError('make_datetime', ['string', 'long', 'long']).argIndex).toBe(0);
    expect(bindError('make_timespan', ['string', 'long']).argIndex).toBe(0);
    // Seconds may be real (make-timespan-function.md's example has 55.123); hours and minutes may not.
    expect(bindError('make_timespan', ['long', 'long', 'string']).argIndex).toBe(2);
    expect(bindError('make_timespan', ['real', 'long']).argIndex).toBe(0);
  });
});
