/**
 * The playground's DOM-free helpers, in Node: the CSV export (grid.ts), the URL fragment (share.ts) and a
 * rule's default run time (rule-time.ts). Here because they are checked with the page's DOM types.
 */
import { describe, expect, it } from 'vitest';
import { toCsv, cellText } from '../../src/playground/grid.js';
import { decodeState, encodeState, MAX_SHARED_TABLE_CHARS } from '../../src/playground/share.js';
import { defaultRuleTime } from '../../src/playground/rule-time.js';

describe('playground helpers', () => {
  it('exports CSV with RFC 4180 quoting, dynamic values as JSON, nulls empty, exact longs', () => {
    const csv = toCsv({
      columns: [{ name: 'a', type: 'string' }, { name: 'b', type: 'dynamic' }, { name: 'n', type: 'long' }],
      rows: [{ a: 'x, "y"', b: { k: [1, 2] }, n: 9007199254740993n }, { a: null, b: null, n: 1 }],
    });
    expect(csv).toBe('a,b,n\r\n"x, ""y""","{""k"":[1,2]}",9007199254740993\r\n,,1\r\n');
    expect(cellText(undefined)).toBe('');
  });

  it('round-trips the query and small tables through the fragment, and leaves big tables out', () => {
    const state = { query: 'T | where s has "✓"', tables: { T: [{ s: 'ü ✓', n: 1 }] } };
    const hash = `#s=${encodeState(state)}`;
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(decodeState(hash)).toEqual(state);
    const big = { query: 'Big', tables: { Big: [{ s: 'x'.repeat(MAX_SHARED_TABLE_CHARS) }] } };
    expect(decodeState(`#s=${encodeState(big)}`)).toEqual({ query: 'Big', tables: undefined });
    for (const bad of ['', '#', '#s=', '#s=!!', `#s=${btoa('{"query": 1}')}`, `#s=${btoa('{"query":"q","tables":{"T":[1]}}')}`]) {
      const decoded = decodeState(bad);
      expect(decoded === undefined || decoded.tables === undefined, bad).toBe(true);
    }
  });

  it('runs a rule by default at the midnight (UTC) after the latest TimeGenerated', () => {
    expect(defaultRuleTime([[{ TimeGenerated: '2024-05-01T20:05:00Z' }, { TimeGenerated: '2024-04-30T01:00:00Z' }], [{ Other: 1 }]])).toBe('2024-05-02T00:00:00Z');
    expect(defaultRuleTime([[{ x: 1 }]], Date.parse('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05Z');
  });
});
