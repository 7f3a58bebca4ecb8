/**
 * parseDateTime reads the common ISO forms by character position; any other shape goes to the general
 * parser. Both must give the same value, so each case is compared with the same text behind a leading
 * space (which only the general parser accepts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDateTime } from '../../src/runtime/datetime.js';

const viaGeneralParser = (text: string) => parseDateTime(' ' + text);

describe('parseDateTime by character position', () => {
  it.each([
    ['2024-05-01T10:00:00Z', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01 10:00:00', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01', Date.UTC(2024, 4, 1)],
    ['2024-02-29T23:59:59.5Z', Date.UTC(2024, 1, 29, 23, 59, 59, 500)],
    ['2023-02-29', null],
    ['2024-13-01', null],
    ['2024-05-01T24:00:00Z', null],
    ['2024-05-01T10:00:00.Z', null],
  ])('%s', (text, expected) => {
    expect(parseDateTime(text)).toBe(expected);
    expect(viaGeneralParser(text)).toBe(expected);
  });

  it('agrees with the general parser on generated texts, fractions of 0 to 10 digits included', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc.tuple(
      fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, '0')),
      two(13), two(32), fc.constantFrom('T', ' ', 't'), two(24), two(60), two(60),
      fc.stringMatching(/^(\.[0-9]{0,10})?$/), fc.constantFrom('', 'Z', '+01:00'),
    ).map(([y, mo, d, t, h, mi, s, f, z]) => `${y}-${mo}-${d}${t}${h}:${mi}:${s}${f}${z}`);
    fc.assert(fc.property(text, (t) => Object.is(parseDateTime(t), viaGeneralParser(t))), { seed: 42, numRuns: 3000 });
  });
});
