/** Names that start with digits, and Kusto literals inside dynamic literals (issue 11 parser fixes). */
import { describe, expect, it } from 'vitest';
import { runKql, analyzeKql, KqlSyntaxError } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';

const T = { T: [{ name: 'a', type: 'long' as const }] };

describe('names that start with digits', () => {
  const accepted = [
    'T | extend 5h_MovingAvg = 1 | project 5h_MovingAvg',
    'print 1a1 = 2, 5x = 3, 5_ = 4, 10minutes_x = 5, 1e5x = 6, 0x1g = 7',
    'print 1e5, 0x1f, 1e+5, 5h, 12e5, 1.5',
  ];
  for (const q of accepted) {
    it(`${q}: same columns as the analyzer`, () => {
      const oracle = analyzeWithOracle(q, T);
      expect(oracle.errors).toEqual([]);
      expect(formatColumns(analyzeKql(q, { schemas: T }).columns)).toBe(formatColumns(oracle.columns));
    });
  }
  it('keeps numeric literals as literals', () => {
    expect(runKql('print a = 1e5, b = 0x1f, c = 12e5, d = 5h', {}).rows).toEqual([{ a: 100000, b: 31, c: 1200000, d: 5 * 3600000 }]);
  });
  it('reads a digit name as a column', () => {
    expect(runKql('print 5h_MovingAvg = 2 | extend b = 5h_MovingAvg * 2', {}).rows).toEqual([{ '5h_MovingAvg': 2, b: 4 }]);
  });
  it('an unknown digit name is an unknown column, as in the analyzer', () => {
    expect(analyzeWithOracle('print x = 5x', T).errors.map((e) => e.code)).toEqual(['KS142']);
    expect(() => analyzeKql('print x = 5x')).toThrow(/Unknown column or variable '5x'/);
  });
});

describe('literals inside dynamic literals', () => {
  it('a datetime becomes its ISO text (docs: dynamic literal page)', () => {
    expect(runKql('print d = dynamic([datetime(2020-01-01)]) | extend t = tostring(d)', {}).rows[0].t).toBe('["2020-01-01T00:00:00.0000000Z"]');
    expect(runKql('print d = dynamic({"a": datetime(1970-05-11)})', {}).rows[0].d).toEqual({ a: '1970-05-11T00:00:00.0000000Z' });
  });
  it('timespans become their text, guids strings, long/real/bool their value, typed nulls null', () => {
    const q = 'print d = dynamic([1h, timespan(1d), guid(00000000-0000-0000-0000-00000000000A), long(3), real(1.5), real(nan), bool(true), datetime(null)])';
    expect(runKql(q, {}).rows[0].d).toEqual(['01:00:00', '1.00:00:00', '00000000-0000-0000-0000-00000000000a', 3, 1.5, 'NaN', true, null]);
    expect(analyzeWithOracle(q, T).errors).toEqual([]);
  });
  it('nested dynamic literals are their value', () => {
    const q = 'print d = dynamic([dynamic({"a": [1, dynamic(null)]}), dynamic("x")]), e = dynamic({"k": dynamic([1])})';
    expect(analyzeWithOracle(q, T).errors).toEqual([]);
    expect(runKql(q, {}).rows).toEqual([{ d: [{ a: [1, null] }, 'x'], e: { k: [1] } }]);
  });
  it('int(...) and decimal(...) are refused inside dynamic, as by the analyzer', () => {
    for (const q of ['print dynamic([int(3)])', 'print dynamic([decimal(1.5)])']) {
      expect(analyzeWithOracle(q, T).errors.length).toBeGreaterThan(0);
      expect(() => analyzeKql(q)).toThrow(KqlSyntaxError);
    }
  });
});
