/** The test setup really freezes what every test passes to the engine (test/support/freeze-inputs.ts). */
import { describe, expect, test } from 'vitest';
import { runKql, runKqlAsync } from '../src/index.js';
import { runRule, parseRule } from '../src/rules/index.js';

describe('every test runs on deep-frozen inputs', () => {
  test('runKql freezes the tables, their rows and nested values, and the options\' data', () => {
    const row = { a: 1, d: { nested: [1, 2] } };
    const watch = [{ SearchKey: 'k' }];
    runKql('T | take 1', { T: [row] }, { watchlists: { w: watch } });
    expect(Object.isFrozen(row)).toBe(true);
    expect(Object.isFrozen(row.d.nested)).toBe(true);
    expect(Object.isFrozen(watch[0])).toBe(true);
  });

  test('runKqlAsync too', async () => {
    const rows = [{ a: 1 }];
    await runKqlAsync('T | count', { T: rows });
    expect(Object.isFrozen(rows)).toBe(true);
  });

  test('and runs made through runRule', () => {
    const rows = [{ TimeGenerated: '2024-01-01T00:00:00Z', a: 1 }];
    const rule = parseRule('id: r\nname: r\nqueryPeriod: 1d\nqueryFrequency: 1d\nquery: T | take 1\n');
    runRule(rule, { T: rows }, { now: new Date('2024-01-01T12:00:00Z') });
    expect(Object.isFrozen(rows[0])).toBe(true);
  });
});
