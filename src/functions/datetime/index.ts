/** Time zones, Unix time conversions, bin_at, around. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';
import {
  unixtime_microseconds_todatetime, unixtime_milliseconds_todatetime, unixtime_nanoseconds_todatetime, unixtime_seconds_todatetime,
} from './unixtime.js';
import { bin_at } from './bin_at.js';
import { around } from './around.js';
import { datetime_list_timezones, datetime_local_to_utc, datetime_utc_to_local } from './timezones.js';

export const DATETIME_SCALARS: ScalarFunction[] = [
  unixtime_seconds_todatetime, unixtime_milliseconds_todatetime, unixtime_microseconds_todatetime, unixtime_nanoseconds_todatetime,
  bin_at, around,
  datetime_utc_to_local, datetime_local_to_utc, datetime_list_timezones,
];
