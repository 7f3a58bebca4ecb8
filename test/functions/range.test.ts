/** range(start, stop [, step]) (range-function.md): the docs' examples, worked by hand; types from the analyzer. */
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';

describe('range()', () => {
  it('the docs examples: numbers, the default step, timespans, datetimes, the 1,048,576 cap', () => {
    const q = 'print r = range(1, 8, 3), a = range(1, 3), b = range(1h, 5h), c = range(datetime(2007-01-01), datetime(2007-01-03), 1d),'
      + ' n = array_length(range(1, 1000000000))';
    const r = runKql(q);
    expect(formatColumns(r.columns)).toBe(formatColumns(analyzeWithOracle(q).columns));
    expect(r.rows).toEqual([{
      r: [1, 4, 7],
      a: [1, 2, 3],
      b: ['01:00:00', '02:00:00', '03:00:00', '04:00:00', '05:00:00'],
      c: ['2007-01-01T00:00:00.0000000Z', '2007-01-02T00:00:00.0000000Z', '2007-01-03T00:00:00.0000000Z'],
      n: 1_048_576,
    }]);
  });

  it('real steps, counting down, a zero step and null arguments', () => {
    const r = runKql('print d = range(1, 2, 0.5), e = range(5, 1, -2), f = range(1, 3, 0), g = range(int(null), 3), h = range(3, 1)');
    expect(r.rows).toEqual([{ d: [1, 1.5, 2], e: [5, 3, 1], f: null, g: null, h: [] }]);
  });

  it('the Sentinel form: hourly keys between two binned times', () => {
    const q = 'T | extend TimeKey = range(bin(Start, 1h), bin(End, 1h), 1h) | mv-expand TimeKey to typeof(datetime) | project TimeKey';
    const rows = runKql(q, { T: [{ Start: '2024-01-01T00:30:00Z', End: '2024-01-01T02:10:00Z' }] }).rows;
    expect(rows.map((x) => (x.TimeKey as Date).toISOString())).toEqual([
      '2024-01-01T00:00:00.000Z', '2024-01-01T01:00:00.000Z', '2024-01-01T02:00:00.000Z',
    ]);
  });
});
