/** `set` statements (set-statement.md) and bin_auto (bin-auto-function.md), which reads query_bin_auto_size/_at. */
import { describe, expect, it } from 'vitest';
import { runKql, analyzeKql } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';

describe('set statements', () => {
  it('docs: bin_auto with query_bin_auto_size and query_bin_auto_at', () => {
    const q = `set query_bin_auto_size=1h;
set query_bin_auto_at=datetime(2017-01-01 00:05);
range Timestamp from datetime(2017-01-01 00:05) to datetime(2017-01-01 02:00) step 1m
| summarize count() by bin_auto(Timestamp)`;
    const r = runKql(q, {}, { timeAsText: true });
    expect(r.rows).toEqual([{ Timestamp: '2017-01-01T00:05:00.0000000Z', count_: 60 }, { Timestamp: '2017-01-01T01:05:00.0000000Z', count_: 56 }]);
    expect(formatColumns(r.columns)).toBe(formatColumns(analyzeWithOracle(q).columns));
  });
  it('without query_bin_auto_at the fixed point is 0 of the value kind', () => {
    const r = runKql('set query_bin_auto_size=1h; print a = bin_auto(datetime(2020-01-01 10:30)), b = bin_auto(90m)', {}, { timeAsText: true });
    expect(r.rows).toEqual([{ a: '2020-01-01T10:00:00.0000000Z', b: '01:00:00' }]);
    expect(runKql('set query_bin_auto_size=10; print a = bin_auto(25)', {}).rows).toEqual([{ a: 20 }]);
  });
  it('other options parse and do not change results; set without a value', () => {
    for (const q of ['set notruncation; print 1', 'set truncationmaxrecords=2; range x from 1 to 5 step 1']) {
      expect(analyzeWithOracle(q).errors).toEqual([]);
      expect(() => analyzeKql(q)).not.toThrow();
    }
    expect(runKql('set truncationmaxrecords=2; range x from 1 to 5 step 1', {}).rows).toHaveLength(5);
  });
  it('bin_auto without the size is refused; `set` stays a usable name', () => {
    expect(() => analyzeKql('print bin_auto(1)')).toThrow(/query_bin_auto_size/);
    expect(runKql('let set = datatable(a:long)[1]; set | count', {}).rows).toEqual([{ Count: 1 }]);
  });
});
