/**
 * The RFC 822 and RFC 850 datetime forms of Kusto's datetime data type page (scalar-data-types/datetime.md,
 * "Supported formats"): every example there is 2014-11-08 15:05[:02] UTC. Also RFC 1123's 4-digit year,
 * numeric and named zones, and asctime, which HTTP dates allow.
 */
import { describe, expect, it } from 'vitest';
import { parseDateTime } from '../../src/runtime/datetime.js';
import { runKql } from '../../src/index.js';

const WITH_SECONDS = Date.UTC(2014, 10, 8, 15, 5, 2);
const NO_SECONDS = Date.UTC(2014, 10, 8, 15, 5);

describe('RFC 822 / RFC 850 datetime text', () => {
  it.each([
    // RFC 822, as the docs list them
    ['Sat, 8 Nov 14 15:05:02 GMT', WITH_SECONDS],
    ['Sat, 8 Nov 14 15:05:02', WITH_SECONDS],
    ['Sat, 8 Nov 14 15:05', NO_SECONDS],
    ['Sat, 8 Nov 14 15:05 GMT', NO_SECONDS],
    ['8 Nov 14 15:05:02 GMT', WITH_SECONDS],
    ['8 Nov 14 15:05:02', WITH_SECONDS],
    ['8 Nov 14 15:05', NO_SECONDS],
    ['8 Nov 14 15:05 GMT', NO_SECONDS],
    // RFC 850, as the docs list them
    ['Saturday, 08-Nov-14 15:05:02 GMT', WITH_SECONDS],
    ['Saturday, 08-Nov-14 15:05:02', WITH_SECONDS],
    ['Saturday, 08-Nov-14 15:05 GMT', NO_SECONDS],
    ['Saturday, 08-Nov-14 15:05', NO_SECONDS],
    ['08-Nov-14 15:05:02 GMT', WITH_SECONDS],
    ['08-Nov-14 15:05:02', WITH_SECONDS],
    ['08-Nov-14 15:05 GMT', NO_SECONDS],
    ['08-Nov-14 15:05', NO_SECONDS],
  ])('%s (documented)', (text, expected) => {
    expect(parseDateTime(text)).toBe(expected);
  });

  it.each([
    ['Sat, 08 Nov 2014 15:05:02 GMT', WITH_SECONDS],
    ['sat, 08 nov 2014 15:05:02 gmt', WITH_SECONDS],
    ['  Sat,  8 Nov 2014 15:05:02 UT  ', WITH_SECONDS],
    ['Sat, 08 Nov 2014 17:05:02 +0200', WITH_SECONDS],
    ['Sat, 08 Nov 2014 10:05:02 EST', WITH_SECONDS],
    ['Sat, 08 Nov 2014 07:05:02 PST', WITH_SECONDS],
    ['Sun Nov  9 15:05:02 2014', Date.UTC(2014, 10, 9, 15, 5, 2)],
    ['1 Jan 49 00:00', Date.UTC(2049, 0, 1)],
    ['1 Jan 50 00:00', Date.UTC(1950, 0, 1)],
    ['29 Feb 2024 12:00', Date.UTC(2024, 1, 29, 12)],
  ])('%s', (text, expected) => {
    expect(parseDateTime(text)).toBe(expected);
  });

  it.each([
    'Sat, 8 Nov 14', // no time
    'Sat 8 Nov 14 15:05', // weekday without its comma
    'Caturday, 8 Nov 14 15:05',
    '8 Foo 14 15:05',
    '8-Nov 14 15:05', // mixed separators
    '8 Nov 145 15:05',
    '8 Nov 14 15:5',
    '8 Nov 14 15:05 XYZ',
    '8 Nov 14 15:05 +02',
    '8 Nov 14 15:05:02 GMT trailing',
    '30 Feb 14 15:05',
    '8 Nov 14 24:05',
    '8 Nov 14 15:60',
  ])('%s is not a datetime', (text) => {
    expect(parseDateTime(text)).toBeNull();
  });

  it('todatetime() and datetime() literals read them in a query', () => {
    const result = runKql(
      "T | extend d = todatetime(s) | extend same = d == datetime(Saturday, 08-Nov-14 15:05:02 GMT)",
      { T: [{ s: 'Sat, 8 Nov 14 15:05:02 GMT' }, { s: '08-Nov-14 15:05' }, { s: 'not a date' }] },
      { timeAsText: true },
    );
    expect(result.rows).toEqual([
      { s: 'Sat, 8 Nov 14 15:05:02 GMT', d: '2014-11-08T15:05:02.0000000Z', same: true },
      { s: '08-Nov-14 15:05', d: '2014-11-08T15:05:00.0000000Z', same: false },
      { s: 'not a date', d: null, same: false },
    ]);
  });
});
