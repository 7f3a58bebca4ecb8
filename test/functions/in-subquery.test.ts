/**
 * `x in (subquery)`: the subquery's first column is the list, and its values keep their column's type,
 * so datetimes and timespans match values of the same type (found by the rules bench: rule 2c55fe7a's
 * `DateHour in ((AnomalyHours))` never matched).
 */
import { describe, expect, it } from 'vitest';
import { runKql } from '../../src/index.js';

const T = {
  schema: [{ name: 't', type: 'datetime' }, { name: 'd', type: 'timespan' }, { name: 's', type: 'string' }, { name: 'n', type: 'long' }],
  rows: [
    { t: '2024-05-30T20:00:00Z', d: '01:00:00', s: 'a', n: 1 },
    { t: '2024-05-30T21:00:00Z', d: '02:00:00', s: 'B', n: 2 },
  ],
} as const;

describe('in (subquery)', () => {
  it('a datetime column matches the datetimes of a subquery', () => {
    const q = 'let H = datatable(x: datetime)[datetime(2024-05-30T20:00:00Z)]; T | where t in (H) | project n';
    expect(runKql(q, { T: T as never }).rows).toEqual([{ n: 1 }]);
    const negated = 'let H = datatable(x: datetime)[datetime(2024-05-30T20:00:00Z)]; T | where t !in (H) | project n';
    expect(runKql(negated, { T: T as never }).rows).toEqual([{ n: 2 }]);
  });

  it('timespans, numbers and strings (in~ ignoring case) match theirs', () => {
    expect(runKql('T | where d in (datatable(x: timespan)[2h]) | project n', { T: T as never }).rows).toEqual([{ n: 2 }]);
    expect(runKql('T | where n in (datatable(x: real)[1.0]) | project n', { T: T as never }).rows).toEqual([{ n: 1 }]);
    expect(runKql("T | where s in~ (datatable(x: string)['b']) | project n", { T: T as never }).rows).toEqual([{ n: 2 }]);
  });

  it('a datetime is not equal to the number of its milliseconds', () => {
    const q = 'T | where t in (datatable(x: long)[1717099200000]) | count';
    expect(runKql(q, { T: T as never }).rows).toEqual([{ Count: 0 }]);
  });
});
