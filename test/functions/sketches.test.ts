import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runKql, KqlSemanticError } from '../../src/index.js';
import type { KqlError } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { run } from './aggregate-helpers.js';
import { HllSketch, SPARSE_LIMIT } from '../../src/functions/sketches/hll-core.js';
import { CENTROID_LIMIT, TDigest } from '../../src/functions/sketches/tdigest-core.js';

function semanticError(q: string, code = 'SEM_TYPE_MISMATCH'): KqlError {
  let err: KqlError | undefined;
  try { runKql(q); } catch (e) { err = e as KqlError; }
  expect(err, q).toBeInstanceOf(KqlSemanticError);
  expect(err!.code, q).toBe(code);
  expect(analyzeWithOracle(q).errors.length, `analyzer also rejects: ${q}`).toBeGreaterThan(0);
  return err!;
}
function sameTypes(q: string): ReturnType<typeof runKql> {
  const r = runKql(q);
  expect(formatColumns(r.columns)).toBe(formatColumns(analyzeWithOracle(q).columns));
  return r;
}

const T = 'datatable(x:long, r:real, w:long, b:bool, s:string, t:timespan, dt:datetime, i:int)'
  + '[1, 1.5, 2, true, "a", 1h, datetime(2020-01-01), int(1), 5, 2.5, 1, false, "b", 2h, datetime(2021-01-01), int(6)]';

describe('sketch result types and names (analyzer)', () => {
  it.each([
    `${T} | summarize hll(x), hll(x, 1), hll_if(x, b), hll_if(x, b, 2), hll(s), hll(dt)`,
    `${T} | summarize tdigest(x), tdigest(x, w), tdigest(r), tdigest(t), tdigest(dt), tdigest(x, i)`,
    `${T} | summarize h = hll(x) | summarize hll_merge(h)`,
    `${T} | summarize h = tdigest(x) | summarize tdigest_merge(h), merge_tdigest(h)`,
    `${T} | summarize h = hll(x) | extend c = dcount_hll(h), m = hll_merge(h, h), m3 = hll_merge(h, h, h)`,
    `${T} | summarize h = tdigest(x), h2 = tdigest(r), h3 = tdigest(t), h4 = tdigest(dt) | extend a = percentile_tdigest(h, 50), a2 = percentile_tdigest(h2, 50),`
      + ' a3 = percentile_tdigest(h3, 50), a4 = percentile_tdigest(h4, 50), a5 = percentile_tdigest(h, 50, typeof(long)), a6 = percentile_tdigest(h4, 50, typeof(datetime)),'
      + ' pa = percentiles_array_tdigest(h, 50, 90), pa2 = percentiles_array_tdigest(h, dynamic([1, 2])), pr = percentrank_tdigest(h, 5), rk = rank_tdigest(h, 5),'
      + ' m = tdigest_merge(h, h), m2 = merge_tdigest(h, h, h)',
  ])('%s', (q) => { sameTypes(q); });
});

describe('hll, hll_if, hll_merge, dcount_hll', () => {
  it('hll-merge-function.md: 1..10 and 11..20 merged count 20', () => {
    const q = 'range x from 1 to 10 step 1 | extend y = x + 10 | summarize hll_x = hll(x), hll_y = hll(y) | project merged = hll_merge(hll_x, hll_y) | project dcount_hll(merged)';
    expect(sameTypes(q).rows).toEqual([{ dcount_hll_merged: 20 }]);
  });
  it('the sketch has the shape of Kusto\'s: [[1024, 14], [hashes], []] (docs pages of hll)', () => {
    const [h] = runKql('range x from 1 to 3 step 1 | summarize h = hll(x)').rows.map((r) => r.h as unknown[]);
    expect(h[0]).toEqual([1024, 14]);
    expect((h[1] as string[]).length).toBe(3);
    expect((h[1] as string[]).every((s) => /^-?\d+$/.test(s))).toBe(true);
    expect(h[2]).toEqual([]);
  });
  it('hll_if (docs pattern: hll_if then dcount_hll per group) and the hll_merge aggregate (docs pattern: per bin, then merged)', () => {
    const data = 'datatable(State:string, Source:string, EventType:string)["IOWA", "a", "Flood", "IOWA", "b", "Flood", "IOWA", "a", "Flood", "IOWA", "c", "Hail", "KANSAS", "a", "Hail"]';
    const r = runKql(`${data} | summarize hll_flood = hll_if(Source, EventType == "Flood") by State | project State, SourcesOfFloodEvents = dcount_hll(hll_flood)`);
    expect(r.rows).toEqual([{ State: 'IOWA', SourcesOfFloodEvents: 2 }, { State: 'KANSAS', SourcesOfFloodEvents: 0 }]);
    const m = sameTypes(`${data} | summarize hllRes = hll(Source) by State | summarize hllMerged = hll_merge(hllRes) | project dcount_hll(hllMerged)`);
    expect(m.rows).toEqual([{ dcount_hll_hllMerged: 3 }]);
  });
  it('property: dcount_hll(hll(x)) equals dcount(x), and merging two halves equals the whole', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(null)), { maxLength: 60 }), (xs) => {
      const rows = xs.map((x) => [x]);
      const [h] = run('hll', ['long'], rows);
      expect(HllSketch.fromDynamic(h)!.count()).toBe(run('dcount', ['long'], rows)[0]);
      const [a] = run('hll', ['long'], rows.slice(0, 20));
      const [b] = run('hll', ['long'], rows.slice(20));
      const [m] = run('hll_merge', ['dynamic'], [[a], [b]]);
      expect(HllSketch.fromDynamic(m)!.count()).toBe(run('dcount', ['long'], rows)[0]);
    }), { numRuns: 100 });
  });
  it('dcount and dcount_hll agree over reals, strings, datetimes and dynamic values', () => {
    const q = 'datatable(r:real, s:string, d:datetime, j:dynamic)[1.0, "a", datetime(2020-01-01), dynamic({"a":1}), 1.0, "A", datetime(2020-01-01 00:00:00.0000001), dynamic({"a":1}),'
      + ' 0.5, "", datetime(null), dynamic([1]), real(null), "a", datetime(2020-01-01), dynamic(null)]';
    const r = runKql(`${q} | summarize a = dcount(r), b = dcount_hll(hll(r)), c = dcount(s), d = dcount_hll(hll(s)), e = dcount(d), f = dcount_hll(hll(d)), g = dcount(j), h = dcount_hll(hll(j))`);
    const row = r.rows[0];
    expect([row.a, row.c, row.e, row.g]).toEqual([row.b, row.d, row.f, row.h]);
    expect([row.a, row.c, row.e, row.g]).toEqual([2, 3, 2, 2]);
  });
  it(`past ${SPARSE_LIMIT} distinct values the sketch turns dense (2^p registers) and estimates within a few percent`, () => {
    const n = SPARSE_LIMIT + 20000;
    const rows = Array.from({ length: n }, (_, i) => [i]);
    const [h] = run('hll', ['long'], rows) as [unknown[]];
    expect(h[1]).toEqual([]);
    expect((h[2] as number[]).length).toBe(1 << 14);
    const est = HllSketch.fromDynamic(h)!.count();
    expect(Math.abs(est - n) / n).toBeLessThan(0.03);
    // Merging a dense sketch of precision 14 with a sparse one of precision 12 folds to 12 and still estimates.
    const [small] = run('hll', ['long', { type: 'long', value: 0 }], [[n + 1], [n + 2]]);
    const [m] = run('hll_merge', ['dynamic'], [[h], [small]]) as [unknown[]];
    expect((m[0] as number[])[1]).toBe(12);
    expect(Math.abs(HllSketch.fromDynamic(m)!.count() - n) / n).toBeLessThan(0.05);
  });
  it('folding dense registers from precision 14 to 12 gives exactly the registers built at 12', () => {
    const rows = Array.from({ length: SPARSE_LIMIT + 5000 }, (_, i) => [`v${i}`]);
    const acc0 = { type: 'long' as const, value: 0 };
    const [at14] = run('hll', ['string'], rows) as [unknown[]];
    const [at12] = run('hll', ['string', acc0], rows) as [unknown[]];
    const [empty12] = run('hll', ['string', acc0], []);
    const [folded] = run('hll_merge', ['dynamic'], [[at14], [empty12]]) as [unknown[]];
    expect(folded).toEqual(at12);
  });
  it('null and values that are not sketches: dcount_hll gives null, hll_merge skips them', () => {
    const r = runKql('print a = dcount_hll(dynamic(null)), b = dcount_hll(dynamic([1, 2])), c = hll_merge(dynamic(null), dynamic({"x": 1}))');
    expect(r.rows).toEqual([{ a: null, b: null, c: null }]);
    expect(runKql('print h = dynamic(null) | summarize m = hll_merge(h)').rows).toEqual([{ m: null }]);
    expect(runKql('range x from 1 to 0 step 1 | summarize c = dcount_hll(hll(x))').rows).toEqual([{ c: 0 }]);
  });
  it('bind errors: a string sketch, a non-bool predicate, a fractional accuracy, one argument to the scalar hll_merge', () => {
    semanticError('print x = dcount_hll("a")');
    semanticError(`${T} | summarize hll_if(x, s)`);
    semanticError(`${T} | summarize hll(x, 1.5)`);
    semanticError(`${T} | summarize hll_merge(s)`);
    semanticError('print x = hll_merge(dynamic(1))', 'SEM_WRONG_ARGUMENT_COUNT');
  });
});

describe('tdigest, tdigest_merge, percentile_tdigest and the other tdigest scalars', () => {
  it('merge-tdigest-function.md: merge_tdigest of 1..10 and 11..20, percentile 100 as long is 20', () => {
    const q = 'range x from 1 to 10 step 1 | extend y = x + 10 | summarize tdigestX = tdigest(x), tdigestY = tdigest(y)'
      + ' | project merged = merge_tdigest(tdigestX, tdigestY) | project percentile_tdigest(merged, 100, typeof(long))';
    expect(sameTypes(q).rows).toEqual([{ percentile_tdigest_merged: 20 }]);
  });
  it('tdigest-aggregation-function.md: centroids V with weights W, P50 is 2', () => {
    const q = 'let DT=datatable(V:real, W:long) [ 1.0, 1, 2.0, 2 ]; DT | summarize TD=tdigest(V, W) | project P50=percentile_tdigest(TD, 50)';
    expect(sameTypes(q).rows).toEqual([{ P50: 2 }]);
  });
  it('rank-tdigest-function.md: the rank of 685 in 1..1000 is 685; percentrank is rank * 100 / count', () => {
    const q = 'range x from 1 to 1000 step 1 | summarize t_x=tdigest(x), c = count() | project rank_of_685=rank_tdigest(t_x, 685), p = percentrank_tdigest(t_x, 685), q = rank_tdigest(t_x, 685) * 100.0 / c';
    const r = runKql(q);
    expect(r.rows).toEqual([{ rank_of_685: 685, p: 68.5, q: 68.5 }]);
  });
  it('the sketch has the shape of Kusto\'s: [[type], [values], [weights]] (tdigest-aggregation-function.md)', () => {
    expect(runKql('datatable(x:long)[5, 1, 5, 3] | summarize t = tdigest(x)').rows).toEqual([{ t: [['long'], [1, 3, 5], [1, 1, 2]] }]);
  });
  it('tdigest_merge aggregate (tdigest-merge-aggregation-function.md pattern): per group, then merged', () => {
    const q = 'range x from 1 to 100 step 1 | extend g = x % 7 | summarize PreAgg = tdigest(x) by g | summarize tdigest_merge(PreAgg)';
    const r = sameTypes(q);
    const d = TDigest.fromDynamic(r.rows[0].merge_tdigests_PreAgg)!;
    expect(d.total).toBe(100);
    expect(d.percentile(50)).toBe(50);
  });
  it('property: percentile_tdigest(tdigest(x), p) equals percentile(x, p); percentiles_array_tdigest equals percentiles', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constant(null)), { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 0, max: 100 }),
      (xs, p) => {
        const rows = xs.map((x) => [x, p]);
        const [t] = run('tdigest', ['long'], rows);
        const [want] = run('percentile', ['long', { type: 'real', value: p }], rows);
        expect(t === null ? null : TDigest.fromDynamic(t)!.percentile(p)).toBe(want);
      },
    ), { numRuns: 150 });
    const data = 'datatable(x:real)[0.5, 3.25, 1.0, 9.0, 3.25, real(null), 7.5]';
    const r = runKql(`${data} | summarize t = tdigest(x), percentiles(x, 10, 50, 90), q = percentile(x, 50)`
      + ' | extend a = percentiles_array_tdigest(t, 10, 50, 90), b = percentiles_array_tdigest(t, dynamic([10, 50, 90])), c = percentile_tdigest(t, 50, typeof(real))');
    const row = r.rows[0];
    expect(row.a).toEqual([row.percentile_x_10, row.percentile_x_50, row.percentile_x_90]);
    expect(row.b).toEqual(row.a);
    expect(row.c).toBe(row.q);
  });
  it('weighted tdigest equals percentilew', () => {
    const latency = 'datatable (ReqCount:long, LatencyBucket:long) [ 8, 10, 6, 20, 3, 30, 1, 40 ]';
    const r = runKql(`${latency} | summarize t = tdigest(LatencyBucket, ReqCount), p = percentilesw(LatencyBucket, ReqCount, 50, 75, 99.9)`
      + ' | project a = percentiles_array_tdigest(t, 50, 75, 99.9)');
    expect(r.rows).toEqual([{ a: [20, 20, 40] }]);
  });
  it('datetimes and timespans: dynamic text without a type, the type with typeof(); ranks of typed values', () => {
    const r = runKql(`${T} | summarize d = tdigest(dt), s = tdigest(t) | project a = percentile_tdigest(d, 100), b = percentile_tdigest(d, 0, typeof(datetime)),`
      + ' c = percentile_tdigest(s, 50), e = rank_tdigest(s, 90m), f = percentrank_tdigest(d, datetime(2020-06-01))');
    expect(r.rows).toEqual([{ a: '2021-01-01T00:00:00.0000000Z', b: new Date(Date.UTC(2020, 0, 1)), c: '01:00:00', e: 1, f: 50 }]);
  });
  it('infinite reals and sub-millisecond datetimes survive the dynamic form', () => {
    const r = runKql('datatable(r:real)[1.0, real(+inf), real(-inf), 2.0] | summarize t = tdigest(r) | project a = percentile_tdigest(t, 100, typeof(real)), b = percentile_tdigest(t, 0, typeof(real)), c = rank_tdigest(t, 1.5)');
    expect(r.rows).toEqual([{ a: Infinity, b: -Infinity, c: 2 }]);
    const d = runKql('datatable(d:datetime)[datetime(2020-01-01 00:00:00.0000001), datetime(2020-01-01)] | summarize t = tdigest(d), p = percentile(d, 100)'
      + ' | extend a = percentile_tdigest(t, 100, typeof(datetime)) | project e = a == p, s = tostring(a)');
    expect(d.rows).toEqual([{ e: true, s: '2020-01-01T00:00:00.0000001Z' }]);
  });
  it(`past ${CENTROID_LIMIT} distinct values the sketch is halved: bounded, with a small rank error`, () => {
    const n = 3 * CENTROID_LIMIT;
    const rows = Array.from({ length: n }, (_, i) => [i + 1]);
    const [t] = run('tdigest', ['long'], rows) as [unknown[]];
    expect((t[1] as unknown[]).length).toBeLessThanOrEqual(CENTROID_LIMIT);
    const d = TDigest.fromDynamic(t)!;
    expect(d.total).toBe(n);
    const p50 = d.percentile(50) as number;
    expect(Math.abs(p50 - n / 2) / n).toBeLessThan(0.001);
  });
  it('nulls, non-sketches and type mismatches give null', () => {
    const r = runKql('print a = percentile_tdigest(dynamic(null), 50), b = percentile_tdigest(dynamic([1]), 50), c = rank_tdigest(dynamic(null), 1), d = tdigest_merge(dynamic(null), dynamic(null))');
    expect(r.rows).toEqual([{ a: null, b: null, c: null, d: null }]);
    expect(runKql('range x from 1 to 3 step 1 | summarize t = tdigest(x) | project r = rank_tdigest(t, "a")').rows).toEqual([{ r: null }]);
    expect(runKql('range x from 1 to 0 step 1 | summarize t = tdigest(x) | project t, p = percentile_tdigest(t, 50)').rows).toEqual([{ t: null, p: null }]);
  });
  it('bind errors: tdigest over strings, a fractional weight, a string percentile, one argument to the scalar merge', () => {
    semanticError(`${T} | summarize tdigest(s)`);
    semanticError(`${T} | summarize tdigest(x, r)`);
    semanticError(`${T} | summarize t = tdigest(x) | project percentile_tdigest(t, "a")`);
    semanticError(`${T} | summarize t = tdigest(x) | project tdigest_merge(t)`, 'SEM_WRONG_ARGUMENT_COUNT');
  });
});
