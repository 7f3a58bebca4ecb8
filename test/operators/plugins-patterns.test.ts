/** The pattern plugins of evaluate: sequence_detect, basket, autocluster, diffpatterns, narrow, rows_near, preview. */
import { describe, expect, it } from 'vitest';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { cols, rows, schemaOf, catchError } from './helpers.js';
import { KqlSemanticError, runKql, type TableInput } from '../../src/index.js';
import type { ColumnSchema } from '../../src/runtime/types.js';

const SCHEMAS: Record<string, ColumnSchema[]> = {
  T: [
    { name: 'ts', type: 'datetime' }, { name: 'EventType', type: 'string' }, { name: 'State', type: 'string' },
    { name: 'n', type: 'long' }, { name: 'x', type: 'real' }, { name: 'b', type: 'bool' }, { name: 'd', type: 'dynamic' },
  ],
};
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
function sameSchemaAsOracle(q: string): void {
  expect(schemaOf(q, SCHEMAS), q).toBe(formatColumns(analyzeWithOracle(q, SCHEMAS).columns));
}

// StormEvents is not available: these rows are the ones behind the docs' output, plus distractors
// (a wildfire before any heat, one more than 5 days after, a heat in another state without a wildfire).
const STORMS = `datatable(StartTime:datetime, EventType:string, State:string)[
  datetime(2007-05-01 00:00), 'Wildfire', 'CALIFORNIA',
  datetime(2007-05-08 00:00), 'Excessive Heat', 'CALIFORNIA',
  datetime(2007-05-08 16:02), 'Wildfire', 'CALIFORNIA',
  datetime(2007-05-10 11:30), 'Wildfire', 'CALIFORNIA',
  datetime(2007-05-14 00:00), 'Wildfire', 'CALIFORNIA',
  datetime(2007-07-04 09:00), 'Excessive Heat', 'CALIFORNIA',
  datetime(2007-07-05 23:01), 'Wildfire', 'CALIFORNIA',
  datetime(2007-07-23 12:00), 'Excessive Heat', 'SOUTH DAKOTA',
  datetime(2007-07-27 09:00), 'Wildfire', 'SOUTH DAKOTA',
  datetime(2007-07-27 09:00), 'Wildfire', 'TEXAS',
  datetime(2007-08-10 08:00), 'Excessive Heat', 'TEXAS',
  datetime(2007-08-11 13:56), 'Wildfire', 'TEXAS',
  datetime(2007-08-20 08:00), 'Excessive Heat', 'OHIO',
  datetime(2007-08-31 08:00), 'Excessive Heat', 'CALIFORNIA',
  datetime(2007-09-01 11:28), 'Wildfire', 'CALIFORNIA',
  datetime(2007-09-02 12:00), 'Excessive Heat', 'CALIFORNIA',
  datetime(2007-09-02 13:30), 'Wildfire', 'CALIFORNIA',
]`;

describe('evaluate sequence_detect', () => {
  const q = `${STORMS}
| evaluate sequence_detect(StartTime, 5d, 5d, heat=(EventType == "Excessive Heat"), wildfire=(EventType == 'Wildfire'), State)`;
  it('docs: Excessive Heat followed by Wildfire within 5 days (on inline rows)', () => {
    expect(cols(q)).toBe('State:string, heat_StartTime:datetime, wildfire_StartTime:datetime, Duration:timespan');
    expect(rows(q + ' | extend Duration = tostring(Duration)').map((r) => [r.State, iso(r.heat_StartTime), iso(r.wildfire_StartTime), r.Duration])).toEqual([
      ['CALIFORNIA', '2007-05-08T00:00:00.000Z', '2007-05-08T16:02:00.000Z', '16:02:00'],
      ['CALIFORNIA', '2007-05-08T00:00:00.000Z', '2007-05-10T11:30:00.000Z', '2.11:30:00'],
      ['CALIFORNIA', '2007-07-04T09:00:00.000Z', '2007-07-05T23:01:00.000Z', '1.14:01:00'],
      ['SOUTH DAKOTA', '2007-07-23T12:00:00.000Z', '2007-07-27T09:00:00.000Z', '3.21:00:00'],
      ['TEXAS', '2007-08-10T08:00:00.000Z', '2007-08-11T13:56:00.000Z', '1.05:56:00'],
      ['CALIFORNIA', '2007-08-31T08:00:00.000Z', '2007-09-01T11:28:00.000Z', '1.03:28:00'],
      ['CALIFORNIA', '2007-08-31T08:00:00.000Z', '2007-09-02T13:30:00.000Z', '2.05:30:00'],
      ['CALIFORNIA', '2007-09-02T12:00:00.000Z', '2007-09-02T13:30:00.000Z', '01:30:00'],
    ]);
  });
  it('the step window and the sequence span both bound a sequence of three steps', () => {
    const base = `datatable(t:datetime, e:string)[datetime(2020-01-01 00:00), 'a', datetime(2020-01-01 00:20), 'b', datetime(2020-01-01 00:50), 'c', datetime(2020-01-01 00:55), 'b', datetime(2020-01-01 01:10), 'c']`;
    // a->b at most 30m apart, b->c at most 30m apart; the whole at most 1h.
    expect(rows(`${base} | evaluate sequence_detect(t, 30m, 1h, s1=(e == 'a'), s2=(e == 'b'), s3=(e == 'c')) | extend Duration = tostring(Duration)`).map((r) => [iso(r.s2_t), iso(r.s3_t), r.Duration])).toEqual([
      ['2020-01-01T00:20:00.000Z', '2020-01-01T00:50:00.000Z', '00:50:00'],
    ]);
    expect(rows(`${base} | evaluate sequence_detect(t, 1h, 2h, s1=(e == 'a'), s2=(e == 'b'), s3=(e == 'c'))`)).toHaveLength(3);
    expect(rows(`${base} | evaluate sequence_detect(t, 1h, 1h, s1=(e == 'a'), s2=(e == 'b'), s3=(e == 'c'))`)).toHaveLength(1);
    expect(rows(`${base} | evaluate sequence_detect(t, 1h, 49m, s1=(e == 'a'), s2=(e == 'b'), s3=(e == 'c'))`)).toHaveLength(0);
  });
  it('on a caller table, with later operators using a few columns (column pruning)', () => {
    const tables: Record<string, TableInput> = {
      E: { schema: [{ name: 't', type: 'datetime' }, { name: 'e', type: 'string' }, { name: 'u', type: 'string' }, { name: 'junk', type: 'string' }], rows: [{ t: '2020-01-01T00:00:00Z', e: 'login', u: 'ann', junk: 'j' }, { t: '2020-01-01T00:05:00Z', e: 'sudo', u: 'ann', junk: 'j' }, { t: '2020-01-01T00:06:00Z', e: 'sudo', u: 'bob', junk: 'j' }] },
    };
    expect(rows("E | evaluate sequence_detect(t, 10m, 10m, a=(e == 'login'), b=(e == 'sudo'), u) | project u, Duration = tostring(Duration)", tables)).toEqual([{ u: 'ann', Duration: '00:05:00' }]);
    expect(rows("E | evaluate rows_near(e == 'login', 0, 1) | project u", tables)).toEqual([{ u: 'ann' }, { u: 'ann' }]);
    // junk=j 3 of 3; u=ann and e=sudo 2 each, always with junk=j (so they come only with it).
    expect(rows('E | evaluate basket(0.5) | project Count, e, u, junk', tables)).toEqual([
      { Count: 3, e: '', u: '', junk: 'j' }, { Count: 2, e: '', u: 'ann', junk: 'j' }, { Count: 2, e: 'sudo', u: '', junk: 'j' },
    ]);
  });
  it('rows with a null time are skipped', () => {
    expect(rows(`datatable(t:datetime, e:string)[datetime(null), 'a', datetime(2020-01-01), 'b'] | evaluate sequence_detect(t, 1d, 1d, s1=(e == 'a'), s2=(e == 'b'))`)).toEqual([]);
  });
  it('schemas match the analyzer', () => {
    sameSchemaAsOracle("T | evaluate sequence_detect(ts, 5d, 5d, heat=(EventType == 'H'), wildfire=(EventType == 'W'), State)");
    sameSchemaAsOracle("T | evaluate sequence_detect(ts, 5d, 5d, a=(EventType == 'H'), c=b, State, n)");
    sameSchemaAsOracle("T | evaluate sequence_detect(ts, 1h, 2h, a=(EventType == 'H'))");
  });
  it('bind errors: a non-constant window, a non-bool step, a non-column dimension', () => {
    expect(catchError(() => schemaOf('T | evaluate sequence_detect(ts, n, 5d, a=b)', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
    expect(catchError(() => schemaOf('T | evaluate sequence_detect(ts, 1d, 5d, a=n)', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
    expect(catchError(() => schemaOf('T | evaluate sequence_detect(ts, 1d, 5d, a=b, strlen(State))', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
  });
  it('the number of occurrences is capped by maxRows', () => {
    const q2 = `range i from 1 to 200 step 1 | extend t = datetime(2020-01-01) + i * 1s
| evaluate sequence_detect(t, 1h, 1h, a=(i > 0), b=(i > 0), c=(i > 0))`;
    expect(String(catchError(() => runKql(q2, {}, { maxRows: 10_000 })))).toMatch(/maxRows/);
  });
});

// StormEvents is not available: 20 inline rows built so that the closed frequent patterns at 0.2 have
// the shapes of the docs' example output (worked out by hand: 4 rows are 20%).
const STORM_ROWS: [string, string, number][] = [
  ...Array<[string, string, number]>(8).fill(['Hail', 'NO', 0]),
  ...Array<[string, string, number]>(2).fill(['Hail', 'YES', 0]),
  ['Hail', 'YES', 7],
  ...Array<[string, string, number]>(3).fill(['Thunderstorm Wind', 'NO', 0]),
  ['Thunderstorm Wind', 'YES', 0],
  ['Thunderstorm Wind', 'YES', 9],
  ['Flood', 'NO', 0], ['Wind', 'NO', 0], ['Snow', 'NO', 0],
  ['Rain', 'YES', 3],
];
const MAY = `datatable(State:string, EventType:string, Damage:string, DamageCrops:int)[${STORM_ROWS.map(([e, d, c], i) => `'S${i}', '${e}', '${d}', ${c}`).join(', ')}]`;

describe('evaluate basket', () => {
  it('docs: closed frequent patterns at threshold 0.2 (on inline rows)', () => {
    const out = rows(`${MAY} | evaluate basket(0.2)`);
    expect(out.map((r) => [r.SegmentId, r.Count, r.Percent, r.State, r.EventType, r.Damage, r.DamageCrops])).toEqual([
      [0, 17, 85, '', '', '', 0],
      [1, 14, 70, '', '', 'NO', 0],
      [2, 11, 55, '', 'Hail', '', null],
      [3, 10, 50, '', 'Hail', '', 0],
      [4, 8, 40, '', 'Hail', 'NO', 0],
      [5, 6, 30, '', '', 'YES', null],
      [6, 5, 25, '', 'Thunderstorm Wind', '', null],
      [7, 4, 20, '', 'Thunderstorm Wind', '', 0],
    ]);
    expect(cols(`${MAY} | evaluate basket(0.2)`)).toBe('SegmentId:long, Count:long, Percent:real, State:string, EventType:string, Damage:string, DamageCrops:int');
  });
  it('docs: custom wildcards by type', () => {
    const out = rows(`${MAY} | evaluate basket(0.2, '~', '~', '*', int(-1))`);
    expect(out[0]).toEqual({ SegmentId: 0, Count: 17, Percent: 85, State: '*', EventType: '*', Damage: '*', DamageCrops: 0 });
    expect(out[2]).toEqual({ SegmentId: 2, Count: 11, Percent: 55, State: '*', EventType: 'Hail', Damage: '*', DamageCrops: -1 });
  });
  it('a weight column counts each row by its weight; MaxDimensions caps the pattern size', () => {
    const q = `datatable(a:string, b:string, w:long)['x', 'p', 3, 'x', 'q', 1, 'y', 'q', 4, 'z', 'z', 2]`;
    // 10 in all, so 3 is 30%: b=q 5, a=x 4, a=y,b=q 4 (it hides a=y: same rows), a=x,b=p 3 (it hides b=p).
    expect(rows(`${q} | evaluate basket(0.3, w)`).map((r) => [r.Count, r.Percent, r.a, r.b, r.w])).toEqual([
      [5, 50, '', 'q', null], [4, 40, 'x', '', null], [4, 40, 'y', 'q', null], [3, 30, 'x', 'p', null],
    ]);
    // With MaxDimensions 1, a=y and b=p are no longer hidden by larger patterns.
    expect(rows(`${q} | evaluate basket(0.3, w, 1)`).map((r) => [r.a, r.b, r.Count])).toEqual([['', 'q', 5], ['x', '', 4], ['y', '', 4], ['', 'p', 3]]);
  });
  it('schemas match the analyzer; bad arguments fail to bind', () => {
    sameSchemaAsOracle('T | evaluate basket()');
    sameSchemaAsOracle("T | evaluate basket(0.2, n, 3, '*')");
    expect(catchError(() => schemaOf('T | evaluate basket(2.0)', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
    expect(catchError(() => schemaOf('T | evaluate basket(0.2, State)', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
    expect(catchError(() => schemaOf('T | evaluate basket(n)', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
  });
  it('many correlated columns fail with a limit error instead of exploding', () => {
    const wide = `range i from 1 to 50 step 1 | extend ${Array.from({ length: 40 }, (_, k) => `c${k} = i % 2`).join(', ')}`;
    expect(String(catchError(() => rows(`${wide} | evaluate basket(0.2, '~', 10)`)))).toMatch(/frequent patterns/);
    expect(rows(`${wide} | project c0, c1, c2 | evaluate basket(0.2)`).map((r) => [r.Count, r.c0, r.c1, r.c2])).toEqual([[25, 1, 1, 1], [25, 0, 0, 0]]);
  });
});

// StormEvents is not available: inline rows; the expected patterns are worked out by hand from the
// shares of A (Damage == 0) and B (Damage == 1), keeping the largest differences and dropping subsets/supersets.
const DAMAGE = `datatable(EventType:string, Source:string, Damage:long)[
  ${[
    ...Array(6).fill("'Hail', 'Spotter', 0"), ...Array(2).fill("'Wind', 'Public', 0"), ...Array(2).fill("'Flood', 'Public', 0"),
    "'Hail', 'Spotter', 1", ...Array(6).fill("'Wind', 'Public', 1"), ...Array(3).fill("'Flood', 'Spotter', 1"),
  ].join(', ')}]`;

describe('evaluate diffpatterns', () => {
  it('docs-style split by Damage "0" / "1" (on inline rows)', () => {
    const q = `${DAMAGE} | evaluate diffpatterns(Damage, "0", "1")`;
    expect(rows(q).map((r) => Object.values(r))).toEqual([
      [0, 6, 1, 60, 10, 50, 'Hail', 'Spotter', null],
      [1, 2, 6, 20, 60, 40, 'Wind', 'Public', null],
      [2, 0, 3, 0, 30, 30, 'Flood', 'Spotter', null],
      [3, 2, 0, 20, 0, 20, 'Flood', 'Public', null],
    ]);
    expect(cols(q)).toBe('SegmentId:long, CountA:long, CountB:long, PercentA:real, PercentB:real, PercentDiffAB:real, EventType:string, Source:string, Damage:long');
  });
  it('threshold, weight column and custom wildcards', () => {
    expect(rows(`${DAMAGE} | evaluate diffpatterns(Damage, "0", "1", '~', 0.35, '~', '*')`).map((r) => [r.CountA, r.CountB, r.EventType, r.Source])).toEqual([
      [6, 1, 'Hail', 'Spotter'], [2, 6, 'Wind', 'Public'],
    ]);
    const w = `datatable(k:string, s:string, w:long)['x', 'a', 3, 'y', 'a', 1, 'x', 'b', 1, 'y', 'b', 3]`;
    // A: x 3 of 4 (75%), B: x 1 of 4 (25%).
    expect(rows(`${w} | evaluate diffpatterns(s, 'a', 'b', w)`).map((r) => [r.CountA, r.CountB, r.PercentA, r.PercentB, r.PercentDiffAB, r.k])).toEqual([
      [3, 1, 75, 25, 50, 'x'], [1, 3, 25, 75, 50, 'y'],
    ]);
  });
  it('percentages are rounded to 2 decimals', () => {
    const q = `datatable(k:string, s:string)['x', 'a', 'y', 'a', 'y', 'a', 'y', 'b'] | evaluate diffpatterns(s, 'a', 'b')`;
    expect(rows(q).map((r) => [r.PercentA, r.PercentB, r.PercentDiffAB, r.k])).toEqual([[66.67, 100, 33.33, 'y'], [33.33, 0, 33.33, 'x']]);
  });
  it('schemas match the analyzer; bad arguments fail to bind', () => {
    sameSchemaAsOracle("T | evaluate diffpatterns(State, 'a', 'b')");
    sameSchemaAsOracle("T | evaluate diffpatterns(n, '1', '2', x, 0.1, 3, '*')");
    expect(catchError(() => schemaOf('T | evaluate diffpatterns(b, true, false)', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
    expect(catchError(() => schemaOf("T | evaluate diffpatterns(strlen(State), 'a', 'b')", SCHEMAS))).toBeInstanceOf(KqlSemanticError);
  });
});

describe('evaluate rows_near, narrow, preview', () => {
  const DAYS = `datatable (Timestamp:datetime, Value:long, State:string )
[
    datetime(2021-06-01), 1, "Success",
    datetime(2021-06-02), 4, "Success",
    datetime(2021-06-03), 3, "Success",
    datetime(2021-06-04), 11, "Success",
    datetime(2021-06-05), 15, "Success",
    datetime(2021-06-06), 2, "Success",
    datetime(2021-06-07), 19, "Error",
    datetime(2021-06-08), 12, "Success",
    datetime(2021-06-09), 7, "Success",
    datetime(2021-06-10), 9, "Success",
    datetime(2021-06-11), 4, "Success",
    datetime(2021-06-12), 1, "Success",
]
| sort by Timestamp asc`;
  it('docs: rows_near(State == "Error", 2)', () => {
    expect(rows(`${DAYS} | evaluate rows_near(State == "Error", 2)`).map((r) => [iso(r.Timestamp), r.Value, r.State])).toEqual([
      ['2021-06-05T00:00:00.000Z', 15, 'Success'],
      ['2021-06-06T00:00:00.000Z', 2, 'Success'],
      ['2021-06-07T00:00:00.000Z', 19, 'Error'],
      ['2021-06-08T00:00:00.000Z', 12, 'Success'],
      ['2021-06-09T00:00:00.000Z', 7, 'Success'],
    ]);
  });
  it('rows_near with RowsAfter, overlapping windows, the edges and no match', () => {
    const q = 'range i from 1 to 10 step 1';
    expect(rows(`${q} | evaluate rows_near(i == 2 or i == 5, 1, 3)`).map((r) => r.i)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows(`${q} | evaluate rows_near(i == 10, 0, 5)`).map((r) => r.i)).toEqual([10]);
    expect(rows(`${q} | evaluate rows_near(i == 1, 2, 0)`).map((r) => r.i)).toEqual([1]);
    expect(rows(`${q} | evaluate rows_near(i > 100, 2)`)).toEqual([]);
    expect(rows(`${q} | extend s = iff(i == 4, 'x', '') | evaluate rows_near(s == 'x', 1) | project i`)).toEqual([{ i: 3 }, { i: 4 }, { i: 5 }]);
  });
  it('narrow: one row per cell, values as strings', () => {
    expect(rows(`datatable(a:long, b:string, c:bool)[1, 'x', true, 2, '', bool(null)] | evaluate narrow()`)).toEqual([
      { Row: 0, Column: 'a', Value: '1' }, { Row: 0, Column: 'b', Value: 'x' }, { Row: 0, Column: 'c', Value: 'true' },
      { Row: 1, Column: 'a', Value: '2' }, { Row: 1, Column: 'b', Value: '' }, { Row: 1, Column: 'c', Value: '' },
    ]);
  });
  it('preview: the first rows, and a second table with the input\'s row count (Count:long)', () => {
    expect(rows('range i from 1 to 10 step 1 | evaluate preview(3)')).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }]);
    expect(cols('range i from 1 to 10 step 1 | evaluate preview(3)')).toBe('i:long');
    const r = runKql('range i from 1 to 10 step 1 | evaluate preview(3)');
    expect(r.results?.map((t) => [t.name, t.columns.map((c) => `${c.name}:${c.type}`).join(', '), t.rows])).toEqual([
      [undefined, 'i:long', [{ i: 1 }, { i: 2 }, { i: 3 }]],
      [undefined, 'Count:long', [{ Count: 10 }]],
    ]);
    // More rows asked than there are, and an empty input.
    expect(runKql('range i from 1 to 2 step 1 | evaluate preview(5)').results?.map((t) => t.rows)).toEqual([[{ i: 1 }, { i: 2 }], [{ Count: 2 }]]);
    expect(runKql('range i from 1 to 0 step 1 | evaluate preview(0)').results?.map((t) => t.rows)).toEqual([[], [{ Count: 0 }]]);
  });
  it('schemas match the analyzer; bad arguments fail to bind', () => {
    sameSchemaAsOracle('T | evaluate narrow()');
    sameSchemaAsOracle("T | evaluate rows_near(State == 'E', 2)");
    sameSchemaAsOracle("T | evaluate rows_near(State == 'E', 2, 3)");
    expect(catchError(() => schemaOf('T | evaluate rows_near(State, 2)', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
    expect(catchError(() => schemaOf('T | evaluate rows_near(b, n)', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
    expect(catchError(() => schemaOf('T | evaluate preview(x)', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
    expect(catchError(() => schemaOf('T | evaluate narrow(1)', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
  });
});

// StormEvents is not available: 10 inline rows; the expected patterns are worked out by hand from the
// documented score (coverage^0.6 * (values/3)^0.4) and the seed-and-expand search.
const SMALL = `datatable(State:string, EventType:string, Damage:string)[
  ${[...Array(4).fill("'TX', 'Hail', 'NO'"), ...Array(2).fill("'OK', 'Hail', 'NO'"), ...Array(3).fill("'KS', 'Wind', 'YES'"), "'TX', 'Wind', 'NO'"].join(', ')}]`;

describe('evaluate autocluster', () => {
  it('docs-style autocluster(0.6) (on inline rows)', () => {
    // Seeds NO and Hail grow to Hail+NO; TX grows to TX+Hail+NO and OK to OK+Hail+NO (both supersets of the
    // better Hail+NO, so dropped); Wind, KS and YES grow to KS+Wind+YES.
    expect(rows(`${SMALL} | evaluate autocluster(0.6)`).map((r) => Object.values(r))).toEqual([
      [0, 6, 60, '', 'Hail', 'NO'],
      [1, 3, 30, 'KS', 'Wind', 'YES'],
    ]);
  });
  it('custom wildcards, a weight column and NumSeeds', () => {
    expect(rows(`${SMALL} | evaluate autocluster(0.6, '~', '~', '*')`)[0]).toEqual({ SegmentId: 0, Count: 6, Percent: 60, State: '*', EventType: 'Hail', Damage: 'NO' });
    // One seed (the most frequent value, NO) gives one pattern.
    expect(rows(`${SMALL} | evaluate autocluster(0.6, '~', 1)`)).toHaveLength(1);
    // Weighted: with SizeWeight 1 only coverage counts, so no seed grows (adding a value never raises coverage):
    // a=x 9, b=p 5, b=q 5, a=y 1 of 10.
    expect(rows(`datatable(a:string, b:string, w:long)['x', 'p', 5, 'x', 'q', 4, 'y', 'q', 1] | evaluate autocluster(1.0, w)`).map((r) => [r.Count, r.Percent, r.a, r.b])).toEqual([
      [9, 90, 'x', ''], [5, 50, '', 'p'], [5, 50, '', 'q'], [1, 10, 'y', ''],
    ]);
  });
  it('schemas match the analyzer; bad arguments fail to bind', () => {
    sameSchemaAsOracle('T | evaluate autocluster()');
    sameSchemaAsOracle("T | evaluate autocluster(0.2, n, 10, '*')");
    expect(catchError(() => schemaOf('T | evaluate autocluster(1.5)', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
    expect(catchError(() => schemaOf('T | evaluate autocluster(0.5, State)', SCHEMAS))).toBeInstanceOf(KqlSemanticError);
  });
});
