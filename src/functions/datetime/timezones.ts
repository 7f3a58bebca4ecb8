import { MS_PER_DAY, utcDate } from '../../runtime/datetime.js';
import { addTime, subTime, wholeMs, type TimeValue } from '../../runtime/ticks.js';
import { nullIfOutOfRange } from '../calendar.js';
import { defineScalar } from '../define.js';

/**
 * IANA time zones through the platform's `Intl` API (no time zone data of our own). Nothing is built at module
 * load: a zone's formatter is made on its first use and kept, and its UTC offsets are remembered per
 * six hours of UTC time, so a column of nearby datetimes costs two `format` calls per six hours.
 * Offsets are whole seconds (historical local mean times have seconds); the ticks below the second are kept
 * untouched.
 */

/** Six hours: far shorter than the time between two transitions of any zone. */
const BUCKET_MS = 6 * 60 * 60 * 1000;
/** Bounds on the caches (zone names and offsets come from data, so both could grow without end). */
const MAX_ZONES = 1000;
const MAX_BUCKETS = 100_000;

interface Zone {
  format: Intl.DateTimeFormat;
  /** UTC offset (ms) of every instant of a six-hour bucket, by the bucket's index; NaN when it has a transition. */
  offsets: Map<number, number>;
}

const zones = new Map<string, Zone | null>();

/** What a zone name may look like: Intl also takes offsets such as "+01:00", which are not IANA names. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/** The zone of a name, or null when the platform does not know it. */
function zoneOf(name: string): Zone | null {
  let zone = zones.get(name);
  if (zone !== undefined) return zone;
  zone = null;
  if (ZONE_NAME.test(name)) {
    try {
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: name, hourCycle: 'h23', era: 'short',
        year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
      zone = { format, offsets: new Map() };
    } catch {
      zone = null; // RangeError: an unknown zone
    }
  }
  if (zones.size >= MAX_ZONES) zones.clear();
  zones.set(name, zone);
  return zone;
}

/** The six numbers of en-US text "M/D/Y AD, HH:MM:SS" (format() is about 3 times faster than formatToParts()). */
const NUMBERS = /\d+/g;

/** The zone's UTC offset (ms) at the whole second containing `ms`, from the local time Intl writes. */
function offsetFromText(zone: Zone, ms: number): number {
  const second = Math.floor(ms / 1000) * 1000;
  const text = zone.format.format(second);
  const n = text.match(NUMBERS);
  if (n === null || n.length !== 6) return offsetFromParts(zone, second);
  let year = Number(n[2]);
  if (text.includes('B')) year = 1 - year; // the era BC: 1 BC is year 0
  return utcDate(year, Number(n[0]), Number(n[1]), Number(n[3]) % 24, Number(n[4]), Number(n[5])) - second;
}

/** The same from formatToParts(), for a platform whose text is not in the expected shape. */
function offsetFromParts(zone: Zone, second: number): number {
  let year = 0, month = 1, day = 1, hour = 0, minute = 0, sec = 0, bc = false;
  for (const p of zone.format.formatToParts(second)) {
    switch (p.type) {
      case 'year': year = Number(p.value); break;
      case 'month': month = Number(p.value); break;
      case 'day': day = Number(p.value); break;
      case 'hour': hour = Number(p.value); break;
      case 'minute': minute = Number(p.value); break;
      case 'second': sec = Number(p.value); break;
      case 'era': bc = p.value.startsWith('B'); break;
    }
  }
  if (bc) year = 1 - year;
  return utcDate(year, month, day, hour % 24, minute, sec) - second;
}

/** The zone's UTC offset (ms) at the UTC instant `ms` (whole milliseconds). */
function offsetAt(zone: Zone, ms: number): number {
  const bucket = Math.floor(ms / BUCKET_MS);
  const known = zone.offsets.get(bucket);
  if (known !== undefined && !Number.isNaN(known)) return known;
  if (known === undefined) {
    // Transitions happen at whole seconds, at most one per six hours: the first and last seconds agree
    // exactly when the whole bucket has one offset.
    const start = bucket * BUCKET_MS;
    const first = offsetFromText(zone, start);
    const last = offsetFromText(zone, start + BUCKET_MS - 1000);
    if (zone.offsets.size >= MAX_BUCKETS) zone.offsets.clear();
    zone.offsets.set(bucket, first === last ? first : NaN);
    if (first === last) return first;
  }
  return offsetFromText(zone, ms);
}

/** The local datetime in a zone of a UTC datetime; null for an unknown zone or a result outside the range. */
export function utcToLocal(v: TimeValue, zoneName: string): TimeValue | null {
  const zone = zoneOf(zoneName);
  if (zone === null) return null;
  return nullIfOutOfRange(addTime(v, offsetAt(zone, wholeMs(v))));
}

/**
 * The UTC datetime of a local datetime in a zone. A local time that happens twice (clocks set back) and one
 * that never happens (clocks set forward, a gap) both take the offset in force after the transition: in a
 * gap that moves the time back by the gap's length, as datetime-local-to-utc-function.md shows (Brussels
 * 2022-03-27 02:00 is 00:00 UTC); in an overlap it picks the later instant (standard time).
 */
export function localToUtc(v: TimeValue, zoneName: string): TimeValue | null {
  const zone = zoneOf(zoneName);
  if (zone === null) return null;
  const local = wholeMs(v);
  // The offsets a day before and a day after: no zone has two transitions within two days.
  const before = offsetAt(zone, local - MS_PER_DAY);
  const after = offsetAt(zone, local + MS_PER_DAY);
  let offset = after;
  // The offset after does not fit (the time is before the transition, or in a gap): the one before, if it fits.
  if (before !== after && offsetAt(zone, local - after) !== after && offsetAt(zone, local - before) === before) offset = before;
  return nullIfOutOfRange(subTime(v, offset));
}

export const datetime_utc_to_local = defineScalar({
  name: 'datetime_utc_to_local',
  description: 'Converts a UTC datetime to the local datetime of an IANA time zone (null for an unknown zone).',
  overloads: [
    { params: ['datetime', 'string'], result: 'datetime', kernel: ([v, z]) => utcToLocal(v as TimeValue, z as string) },
  ],
});

export const datetime_local_to_utc = defineScalar({
  name: 'datetime_local_to_utc',
  description: 'Converts a local datetime of an IANA time zone to UTC (null for an unknown zone).',
  overloads: [
    { params: ['datetime', 'string'], result: 'datetime', kernel: ([v, z]) => localToUtc(v as TimeValue, z as string) },
  ],
});

let zoneNames: string[] | undefined;

/** The platform's IANA zone names, sorted, with UTC (which Intl lists under no name of its own). */
function listZones(): string[] {
  if (zoneNames === undefined) {
    const names = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zoneNames = [...new Set([...names, 'UTC'])].sort();
  }
  return zoneNames;
}

export const datetime_list_timezones = defineScalar({
  name: 'datetime_list_timezones',
  description: 'The IANA time zone names that datetime_utc_to_local and datetime_local_to_utc accept, as a dynamic array.',
  overloads: [{ params: [], result: 'dynamic', kernel: () => listZones().slice() }],
});
