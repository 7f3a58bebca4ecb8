/**
 * The datetime/timespan representation (src/runtime/ticks.ts): whole milliseconds are numbers, anything finer a
 * bigint of 100 ns ticks, never the other way round. Expected values are worked out with BigInt tick arithmetic
 * on the stated operands, independently of the module's number fast paths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as t from '../../src/runtime/ticks.js';
import { formatDateTime, formatTimespan, parseDateTime, parseTimespan } from '../../src/runtime/datetime.js';

const SEED = 11;
/** Datetimes in Kusto's range, as milliseconds since 1970 (0001-01-01 .. 9999-12-31). */
const MIN_MS = -62135596800000, MAX_MS = 253402300799999;
const wholeMs = fc.integer({ min: MIN_MS, max: MAX_MS });
/** Any instant of the range to the tick: a whole millisecond plus 0 .. 9,999 ticks. */
const anyTicks = fc.tuple(wholeMs, fc.integer({ min: 0, max: 9999 })).map(([ms, sub]) => BigInt(ms) * 10000n + BigInt(sub));
/** Timespans of up to ±100,000 days, to the tick. */
const spanTicks = fc.bigInt({ min: -100_000n * 864_000_000_000n, max: 100_000n * 864_000_000_000n });

/** The canonical form, checked: a number exactly when the ticks are whole milliseconds. */
function isCanonical(v: t.TimeValue): boolean {
  return typeof v === 'number' ? Number.isSafeInteger(v) && !Object.is(v, -0) : v % 10000n !== 0n;
}

describe('ticks: canonical form', () => {
  it('every whole-millisecond value is a number, through every operation (property)', () => {
    fc.assert(fc.property(wholeMs, wholeMs, fc.integer({ min: -1000, max: 1000 }), (a, b, k) => {
      const results = [
        t.fromTicks(BigInt(a) * 10000n), t.fromMs(a), t.fromParts(a, 0), t.fromParts(a, 1230000), t.addTime(a, b), t.subTime(a, b),
        t.negTime(a), t.absTime(a), t.mulTime(b - a, k), t.addTicks(a, 20000), t.floorTime(a, 3_600_000, MIN_MS),
        t.modTime(a, b === 0 ? 1 : b), t.fromTickCount((a % 100_000_000) * 10000), t.divTime(a * 6, 3), t.mulTime((a % 1_000_000) * 2, 2.5),
      ];
      for (const r of results) expect(typeof r, `${String(r)}`).toBe('number');
    }), { seed: SEED, numRuns: 1000 });
  });

  it('ISO text of whole milliseconds (what a Date prints) parses to a number, never a bigint (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_MS }), fc.constantFrom('', '0', '0000'), (ms, pad) => {
      const iso = new Date(ms).toISOString().replace('Z', `${pad}Z`); // .123Z, .1230Z, .1230000Z
      expect(parseDateTime(iso)).toBe(ms);
    }), { seed: SEED, numRuns: 1000 });
  });

  it('every result is canonical, and a bigint never stands for whole milliseconds (property)', () => {
    fc.assert(fc.property(anyTicks, spanTicks, fc.integer({ min: -50, max: 50 }), (d, s, k) => {
      const dv = t.fromTicks(d), sv = t.fromTicks(s);
      for (const r of [dv, sv, t.addTime(dv, sv), t.subTime(dv, sv), t.negTime(sv), t.absTime(sv), t.mulTime(sv, k), t.divTime(sv, k || 1),
        t.floorTime(dv, t.fromTicks(7n), 0), t.addTicks(dv, 3), t.modTime(sv, 7n)]) {
        if (r !== null) expect(isCanonical(r), `${String(r)}`).toBe(true);
      }
    }), { seed: SEED, numRuns: 2000 });
  });
});

describe('ticks: arithmetic is exact', () => {
  it('add, subtract, negate, compare agree with BigInt ticks (property)', () => {
    fc.assert(fc.property(anyTicks, spanTicks, anyTicks, (d, s, e) => {
      const dv = t.fromTicks(d), sv = t.fromTicks(s), ev = t.fromTicks(e);
      expect(t.toTicks(t.addTime(dv, sv))).toBe(d + s);
      expect(t.toTicks(t.subTime(dv, sv))).toBe(d - s);
      expect(t.toTicks(t.subTime(dv, ev))).toBe(d - e);
      expect(t.toTicks(t.negTime(sv))).toBe(-s);
      expect(t.compareTime(dv, ev)).toBe(d < e ? -1 : d > e ? 1 : 0);
      expect(t.lessTime(dv, ev)).toBe(d < e);
      expect(dv === ev).toBe(d === e); // canonical: one form per instant
    }), { seed: SEED, numRuns: 2000 });
  });

  it('round trips: (d + s) - s is d, ticks -> value -> ticks, ms -> value -> ms (property)', () => {
    fc.assert(fc.property(anyTicks, spanTicks, wholeMs, (d, s, ms) => {
      const dv = t.fromTicks(d), sv = t.fromTicks(s);
      expect(t.subTime(t.addTime(dv, sv), sv)).toBe(dv);
      expect(t.toTicks(dv)).toBe(d);
      expect(t.fromMs(t.toMs(ms))).toBe(ms);
    }), { seed: SEED, numRuns: 1000 });
  });

  it('whole milliseconds and sub-millisecond ticks split exactly, negative values included', () => {
    fc.assert(fc.property(anyTicks, (d) => {
      const v = t.fromTicks(d);
      const ms = t.wholeMs(v), sub = t.subMsTicks(v);
      expect(sub).toBeGreaterThanOrEqual(0);
      expect(sub).toBeLessThan(10000);
      expect(BigInt(ms) * 10000n + BigInt(sub)).toBe(d);
    }), { seed: SEED, numRuns: 1000 });
  });

  it('multiply and divide by integers are exact; division rounds half away from zero', () => {
    fc.assert(fc.property(spanTicks, fc.integer({ min: -1000, max: 1000 }), (s, k) => {
      expect(t.toTicks(t.mulTime(t.fromTicks(s), k)!)).toBe(s * BigInt(k));
      if (k !== 0) {
        const q = t.toTicks(t.divTime(t.fromTicks(s), k)!);
        // |s/k - q| <= 1/2, ties away from zero
        const twice = 2n * (s - q * BigInt(k));
        const abs = (x: bigint) => (x < 0n ? -x : x);
        expect(abs(twice) <= abs(BigInt(k))).toBe(true);
      }
    }), { seed: SEED, numRuns: 1000 });
    expect(t.divTime(1n, 2)).toBe(1n); // 0.5 tick -> 1
    expect(t.divTime(-1n, 2)).toBe(-1n);
    expect(t.divTime(3_600_000, 3)).toBe(1_200_000);
    expect(t.divTime(1, 3)).toBe(3333n);
    expect(t.divTime(1, 0)).toBeNull();
    expect(t.mulTime(1, NaN)).toBeNull();
    expect(t.mulTime(3_600_000, 1.5)).toBe(5_400_000);
    expect(t.mulTime(1n, 1.5)).toBe(2n);
    expect(t.ratioTime(86_400_000, 1000)).toBe(86400);
    expect(t.ratioTime(3n, 2n)).toBe(1.5);
    expect(t.modTime(1, 3n)).toBe(1n); // 10000 ticks % 3 ticks = 1 tick
    expect(t.modTime(1, 0)).toBeNull();
  });

  it('floor to a bin is exact at the tick (bin())', () => {
    fc.assert(fc.property(anyTicks, fc.bigInt({ min: 1n, max: 864_000_000_000n * 7n }), (d, size) => {
      const origin = -62135596800000n * 10000n;
      const q = (d - origin) / size - ((d - origin) % size < 0n ? 1n : 0n);
      expect(t.toTicks(t.floorTime(t.fromTicks(d), t.fromTicks(size), -62135596800000)!)).toBe(q * size + origin);
    }), { seed: SEED, numRuns: 1000 });
    expect(t.floorTime(5, 0)).toBeNull();
    expect(t.floorTime(5, -1n)).toBeNull();
  });

  it('fromMs reads a double of milliseconds to the nearest tick; NaN and infinities are no value', () => {
    expect(t.fromMs(0.0001)).toBe(1n);
    expect(t.fromMs(1.5)).toBe(15000n);
    expect(t.fromMs(-0.0001)).toBe(-1n);
    expect(t.fromMs(2.99999999)).toBe(3);
    expect(t.fromMs(-0)).toBe(0);
    expect(Object.is(t.fromMs(-0), 0)).toBe(true);
    expect(t.fromMs(NaN)).toBeNull();
    expect(t.fromMs(Infinity)).toBeNull();
    expect(t.toMs(15000n)).toBe(1.5);
    expect(t.toMs(-1n)).toBe(-0.0001);
  });
});

describe('ticks: text round trips to the tick', () => {
  it('datetime text with 1 to 7 fractional digits parses and prints back exactly (property)', () => {
    fc.assert(fc.property(anyTicks.filter((d) => d >= 0n), fc.integer({ min: 1, max: 7 }), (d, digits) => {
      const text = formatDateTime(t.fromTicks(d)); // yyyy-MM-ddTHH:mm:ss.fffffffZ
      expect(parseDateTime(text)).toBe(t.fromTicks(d));
      // Fewer digits: the value truncated to them, read back and printed with 7.
      const cut = text.slice(0, 20 + digits) + 'Z';
      const unit = 10n ** BigInt(7 - digits);
      const truncated = d - (((d % unit) + unit) % unit);
      expect(parseDateTime(cut)).toBe(t.fromTicks(truncated));
      expect(formatDateTime(parseDateTime(cut)!)).toBe(formatDateTime(t.fromTicks(truncated)));
    }), { seed: SEED, numRuns: 1000 });
  });

  it('timespan text with 7 fractional digits parses and prints back exactly (property)', () => {
    fc.assert(fc.property(spanTicks, (s) => {
      const text = formatTimespan(t.fromTicks(s));
      expect(parseTimespan(text)).toBe(t.fromTicks(s));
    }), { seed: SEED, numRuns: 1000 });
  });

  it('known values', () => {
    expect(parseDateTime('2024-05-01 10:00:00.1234567')).toBe(BigInt(Date.UTC(2024, 4, 1, 10)) * 10000n + 1234567n);
    expect(parseDateTime('2024-05-01T10:00:00.1230000Z')).toBe(Date.UTC(2024, 4, 1, 10, 0, 0, 123));
    expect(parseDateTime('2024-05-01T10:00:00.123456789Z')).toBe(BigInt(Date.UTC(2024, 4, 1, 10)) * 10000n + 1234568n); // 8th/9th digits round
    expect(parseDateTime('2024-05-01T10:00:00.99999999Z')).toBe(Date.UTC(2024, 4, 1, 10, 0, 1)); // rounds up into the next second
    expect(parseDateTime('2024-05-01T12:00:00.1234567+02:00')).toBe(BigInt(Date.UTC(2024, 4, 1, 10)) * 10000n + 1234567n);
    expect(parseDateTime('9999-12-31 23:59:59.9999999')).toBe(2534023007999999999n);
    expect(formatDateTime(2534023007999999999n)).toBe('9999-12-31T23:59:59.9999999Z');
    expect(formatDateTime(-1n)).toBe('1969-12-31T23:59:59.9999999Z');
    expect(formatDateTime(-62135596800000)).toBe('0001-01-01T00:00:00.0000000Z');
    expect(parseTimespan('00:00:00.0000001')).toBe(1n);
    expect(parseTimespan('-1.02:03:04.5000001')).toBe(-(864_000_000_000n + 2n * 36_000_000_000n + 3n * 600_000_000n + 45_000_001n));
    expect(parseTimespan('1tick')).toBe(1n);
    expect(parseTimespan('10000tick')).toBe(1);
    expect(parseTimespan('1.5h')).toBe(5_400_000);
    expect(parseTimespan('0.1s')).toBe(100);
    expect(parseTimespan('10microsecond')).toBe(100n);
    expect(parseTimespan('1.23456789s')).toBe(12345679n);
    expect(formatTimespan(1n)).toBe('00:00:00.0000001');
    expect(formatTimespan(-1n)).toBe('-00:00:00.0000001');
    expect(formatTimespan(90_061_001)).toBe('1.01:01:01.0010000');
    expect(formatTimespan(0.0001)).toBe('00:00:00.0000001'); // a double of ms (runKql's timespans) reads to the tick
  });
});
