/** consume (consume-operator.md) and invoke (invoke-operator.md). */
import { describe, expect, it } from 'vitest';
import { runKql, analyzeKql } from '../../src/index.js';
import { analyzeWithOracle } from '../support/oracle.js';
import { expectOracleSchema } from './oracle-check.js';

const T = { T: [{ name: 'a', type: 'long' as const }, { name: 's', type: 'string' as const }] };

describe('consume', () => {
  it('returns no columns and no rows; the analyzer gives no table either', () => {
    expect(runKql('range x from 1 to 3 step 1 | consume', {})).toEqual({ columns: [], rows: [] });
    expect(runKql('range x from 1 to 3 step 1 | consume decodeblocks=true', {}).rows).toEqual([]);
    expect(analyzeWithOracle('T | consume', T).resultKind).toBe('none');
  });
});

describe('invoke', () => {
  it('docs: clipped_average', () => {
    const q = `let clipped_average = (T:(x: long), lowPercentile:double, upPercentile:double)
{
   let high = toscalar(T | summarize percentiles(x, upPercentile));
   let low = toscalar(T | summarize percentiles(x, lowPercentile));
   T
   | where x > low and x < high
   | summarize avg(x)
};
range x from 1 to 100 step 1
| invoke clipped_average(5, 99)`;
    expect(runKql(q, {}).rows).toEqual([{ avg_x: 52 }]);
    expect(analyzeWithOracle(q).columns).toEqual([{ name: 'avg_x', type: 'real' }]);
  });
  it('schemas agree with the analyzer', () => {
    expectOracleSchema('let f = (t:(*)) { t | count }; T | invoke f()', T);
    expectOracleSchema('let f = (t:(a:long), n:long) { t | take n }; T | invoke f(1)', T);
  });
  it('a function whose first parameter is not a table, or an unknown function, is refused', () => {
    expect(() => analyzeKql('let f = (n:long) { print n }; print 1 | invoke f()')).toThrow(/must be a table/);
    expect(() => analyzeKql('print 1 | invoke nope()')).toThrow(/not a function/);
  });
  it('runs once per input: inside mv-apply each row sees its own elements', () => {
    const q = 'let f = (t:(x:long)) { let m = toscalar(t | summarize max(x)); t | where x == m }; print arr = dynamic([[1, 5], [7, 2]]) | mv-expand arr | mv-apply x = arr to typeof(long) on (invoke f())';
    expect(runKql(q, {}).rows.map((r) => r.x)).toEqual([5, 7]);
  });
});
