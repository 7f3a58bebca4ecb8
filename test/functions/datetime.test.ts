import { describe, expect, it } from 'vitest';
import { NOW, bindError, bindScalar, call, dt, ts, type Case } from './helpers.js';

// Examples from bin-function.md and datetime-diff-function.md, plus hand-worked cases.
const c = (s: string): ['string', string] => ['string', s];
const cases: Case[] = [
  ['bin', ['real', 'long'], [4.5, 1], 4],
  ['bin', ['timespan', 'timespan'], [ts('16d'), ts('7d')], ts('14d')],
  ['bin', ['datetime', 'timespan'], [dt('1970-05-11 13:45:07'), ts('1d')], dt('1970-05-11')],
  ['bin', ['long', 'long'], [17, 5], 15],
  ['bin', ['long', 'long'], [-3, 5], -5],
  ['bin', ['long', 'long'], [null, 5], null],
  ['bin', ['long', 'long'], [7, 0], null],
  ['bin', ['long', 'long'], [7, -1], null],
  ['floor', ['long', 'long'], [7, 2], 6],
  // 2024-05-01 is a Wednesday; 7d bins count from 0001-01-01, a Monday, so the bin starts Monday 2024-04-29.
  ['bin', ['datetime', 'timespan'], [dt('2024-05-01 10:00'), ts('7d')], dt('2024-04-29')],
  ['bin', ['datetime', 'timespan'], [dt('2024-05-01 10:17'), ts('15m')], dt('2024-05-01 10:15')],
  ['ago', ['timespan'], [ts('1h')], NOW - 3_600_000],
  ['ago', ['timespan'], [null], null],
  ['now', [], [], NOW],
  ['now', ['timespan'], [-ts('1d')], NOW - 86_400_000],
  ['datetime_diff', [c('year'), 'datetime', 'datetime'], ['year', dt('2017-01-01'), dt('2000-12-31')], 17],
  ['datetime_diff', [c('quarter'), 'datetime', 'datetime'], ['quarter', dt('2017-07-01'), dt('2017-03-30')], 2],
  ['datetime_diff', [c('month'), 'datetime', 'datetime'], ['month', dt('2017-01-01'), dt('2015-12-30')], 13],
  ['datetime_diff', [c('week'), 'datetime', 'datetime'], ['week', dt('2017-10-29 00:00'), dt('2017-09-30 23:59')], 5],
  ['datetime_diff', [c('day'), 'datetime', 'datetime'], ['day', dt('2017-10-29 00:00'), dt('2017-09-30 23:59')], 29],
  ['datetime_diff', [c('hour'), 'datetime', 'datetime'], ['hour', dt('2017-10-31 01:00'), dt('2017-10-30 23:59')], 2],
  ['datetime_diff', [c('minute'), 'datetime', 'datetime'], ['minute', dt('2017-10-30 23:05:01'), dt('2017-10-30 23:00:59')], 5],
  ['datetime_diff', [c('second'), 'datetime', 'datetime'], ['second', dt('2017-10-30 23:00:10.100'), dt('2017-10-30 23:00:00.900')], 10],
  ['datetime_diff', [c('millisecond'), 'datetime', 'datetime'], ['millisecond', dt('2017-10-30 23:00:00.200100'), dt('2017-10-30 23:00:00.100900')], 100],
  ['datetime_diff', [c('microsecond'), 'datetime', 'datetime'], ['microsecond', dt('2017-10-30 23:00:00.1009001'), dt('2017-10-30 23:00:00.1008009')], 100],
  ['datetime_diff', [c('nanosecond'), 'datetime', 'datetime'], ['nanosecond', dt('2017-10-30 23:00:00.0000000'), dt('2017-10-30 23:00:00.0000007')], -700],
  ['datetime_diff', [c('Day'), 'datetime', 'datetime'], ['Day', dt('2020-01-01'), dt('2020-01-03')], -2],
  ['datetime_diff', [c('day'), 'datetime', 'datetime'], ['day', null, dt('2020-01-03')], null],
  ['datetime_add', [c('month'), 'long', 'datetime'], ['month', 1, dt('2017-01-31')], dt('2017-02-28')],
  ['datetime_add', [c('year'), 'long', 'datetime'], ['year', -1, dt('2020-02-29 10:00')], dt('2019-02-28 10:00')],
  ['datetime_add', [c('quarter'), 'int', 'datetime'], ['quarter', 1, dt('2017-01-01')], dt('2017-04-01')],
  ['datetime_add', [c('week'), 'int', 'datetime'], ['week', 2, dt('2017-01-01')], dt('2017-01-15')],
  ['datetime_add', [c('hour'), 'int', 'datetime'], ['hour', -2, dt('2017-01-01')], dt('2016-12-31 22:00')],
  ['datetime_add', [c('day'), 'int', 'datetime'], ['day', null, dt('2017-01-01')], null],
  ['datetime_add', [c('year'), 'int', 'datetime'], ['year', 20000, dt('2017-01-01')], null],
  ['startofday', ['datetime'], [dt('2017-01-01 10:10:17')], dt('2017-01-01')],
  ['startofday', ['datetime', 'long'], [dt('2017-01-01 10:10:17'), -1], dt('2016-12-31')],
  ['startofday', ['datetime', 'long'], [dt('2017-01-01 10:10:17'), 1], dt('2017-01-02')],
  ['startofday', ['datetime'], [null], null],
  ['startofday', ['datetime'], [dt('1969-12-31 23:00')], dt('1969-12-31')],
];

describe('datetime functions', () => {
  it.each(cases)('%s(%j) of %o', (name, types, values, expected) => {
    expect(call(name, types, values)).toEqual(expected);
  });

  it('bin result types follow the argument types', () => {
    expect(bindScalar('bin', ['int', 'long']).type).toBe('long');
    expect(bindScalar('bin', ['long', 'real']).type).toBe('real');
    expect(bindScalar('bin', ['datetime', 'timespan']).type).toBe('datetime');
  });

  it('wrong types fail binding', () => {
    expect(bindError('bin', ['datetime', 'long']).error).toMatch(/not compatible|must be/);
    expect(bindError('bin', ['dynamic', 'long']).argIndex).toBe(0);
    expect(bindError('ago', ['long']).argIndex).toBe(0);
    expect(bindError('now', ['long']).argIndex).toBe(0);
    expect(bindError('datetime_diff', ['string', 'datetime', 'datetime']).argIndex).toBe(0); // not a constant
    expect(bindError('datetime_diff', [['string', 'fortnight'], 'datetime', 'datetime']).argIndex).toBe(0);
    expect(bindError('datetime_diff', [['string', 'day'], 'datetime', 'string']).argIndex).toBe(2);
    expect(bindError('datetime_add', [['string', 'day'], 'real', 'datetime']).argIndex).toBe(1);
    expect(bindError('startofday', ['string']).argIndex).toBe(0);
  });
});
