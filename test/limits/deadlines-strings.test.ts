/**
 * String building and JSON parsing inside one row report their size to the run's guard (issue 12,
 * src/functions/work.ts): one unit per CHARS_PER_TICK characters, so the deadline holds while a single
 * row builds megabytes of text. No time is measured: one row over a 2 MB cell with timeoutMs: 0 (the
 * deadline is read every CHECK_EVERY units, and one row alone reports fewer).
 */
import { describe, expect, test } from 'vitest';
import { runKql } from '../../src/index.js';
import { CHARS_PER_TICK } from '../../src/functions/work.js';
import { CHECK_EVERY } from '../../src/runtime/limits.js';
import { MAX_JSON_TEXT } from '../../src/runtime/values.js';
import { runError } from './helpers.js';

const big = 'a'.repeat(2 * CHARS_PER_TICK * CHECK_EVERY);
const T = { T: { schema: [{ name: 's', type: 'string' as const }, { name: 'd', type: 'dynamic' as const }], rows: [{ s: big, d: [big] }] } };

describe('string functions tick in proportion to their output', () => {
  for (const [name, expr] of [
    ['strcat', 'strcat(s, "b")'],
    ['strcat_delim', 'strcat_delim(",", s, "b")'],
    ['strcat_array', 'strcat_array(d, ",")'],
    ['strrep', 'strrep(s, 2)'],
    ['replace_string', 'replace_string(s, "a", "b")'],
    ['parse_json', 'parse_json(s)'],
    ['todynamic', 'todynamic(s)'],
    ['strlen', 'strlen(s)'],
  ] as const) {
    test(`${name} over a 2 MB cell with timeoutMs: 0 stops with RUN_TIMEOUT in extend`, () => {
      const err = runError(() => runKql(`T | extend x = ${expr} | project n = 1`, T, { timeoutMs: 0 }));
      expect(err.code).toBe('RUN_TIMEOUT');
      expect(err.message).toContain('extend');
    });
  }

  test('strrep building 2 MB from a short string', () => {
    const err = runError(() => runKql('print x = 1 | extend y = strrep("ab", x * 1048576) | project n = strlen(y)', {}, { timeoutMs: 0 }));
    expect(err.code).toBe('RUN_TIMEOUT');
  });

  test('without a deadline the same rows run', () => {
    expect(runKql('T | extend x = strcat(s, "b") | project n = strlen(x)', T).rows).toEqual([{ n: big.length + 1 }]);
  });
});

describe('one JSON text is at most MAX_JSON_TEXT characters (Kusto: a dynamic value is limited to 1 MB)', () => {
  const items = (n: number) => `[${Array.from({ length: n }, () => '1').join(',')}]`;
  test('JSON text within the limit is parsed; longer JSON text gives null, so one JSON.parse stays short', () => {
    const small = items(1000);
    const large = items(MAX_JSON_TEXT / 2 + 1); // 2n + 1 characters: just over the limit
    expect(large.length).toBeGreaterThan(MAX_JSON_TEXT);
    const tables = { T: { schema: [{ name: 's', type: 'string' as const }], rows: [{ s: small }, { s: large }] } };
    const q = 'T | project n = array_length(parse_json(s)), m = array_length(todynamic(s)), e = isnull(parse_json(s))';
    expect(runKql(q, tables).rows).toEqual([{ n: 1000, m: 1000, e: false }, { n: null, m: null, e: true }]);
  });
  test('a long text that is not JSON stays a string, as parse_json gives for any non-JSON text', () => {
    const text = 'x'.repeat(MAX_JSON_TEXT + 10);
    const rows = runKql('T | project t = gettype(parse_json(s))', { T: { schema: [{ name: 's', type: 'string' as const }], rows: [{ s: text }] } }).rows;
    expect(rows).toEqual([{ t: 'string' }]);
  });
});
