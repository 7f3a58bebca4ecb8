/**
 * series_* functions over dynamic numeric arrays and row_window_session. Expected values come from the docs'
 * examples (series-fit-line, series-stats, series-fill-*, series-add, row-window-session pages) or are
 * worked by hand; result schemas are checked against Microsoft's analyzer.
 */
import { describe, expect, it } from 'vitest';
import { KqlSemanticError } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';
import { catchError, cols, rows, run } from '../operators/helpers.js';

const close = (actual: unknown, expected: number[], digits = 3) => {
  expect(Array.isArray(actual)).toBe(true);
  const a = actual as number[];
  expect(a.length).toBe(expected.length);
  a.forEach((v, i) => expect(v).toBeCloseTo(expected[i], digits));
};

/** Our result schema equals the analyzer's. */
function sameSchemaAsOracle(query: string) {
  expect(cols(query)).toBe(formatColumns(analyzeWithOracle(query).columns));
}

function semanticError(query: string): KqlSemanticError {
  const e = catchError(() => run(query));
  expect(e, String(e)).toBeInstanceOf(KqlSemanticError);
  return e as KqlSemanticError;
}

const LINE20 = 'dynamic([1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20])';
// A flat, noisy series with one spike at index 9 and one dip at index 15.
const SPIKY = 'dynamic([10,12,11,10,13,11,12,10,11,50,12,11,10,12,11,-30,10,11,12,11])';

describe('series_decompose_anomalies', () => {
  it('flags an obvious spike (+1) and dip (-1) and nothing else', () => {
    const [r] = rows(`print y=${SPIKY} | extend (flag, score, baseline) = series_decompose_anomalies(y)`);
    const flags = r.flag as number[];
    expect(flags.map((f, i) => (f !== 0 ? [i, f] : null)).filter(Boolean)).toEqual([[9, 1], [15, -1]]);
    const score = r.score as number[];
    expect(score[9]).toBeGreaterThan(1.5);
    expect(score[15]).toBeLessThan(-1.5);
    expect((r.baseline as number[]).length).toBe(20);
  });

  it("a straight line with 'linefit' is its own baseline: no anomalies, zero scores", () => {
    const [r] = rows(`print y=${LINE20} | extend (a, s, b) = series_decompose_anomalies(y, 1.5, -1, 'linefit')`);
    close(r.b, Array.from({ length: 20 }, (_, i) => i + 1), 9);
    expect(r.a).toEqual(new Array(20).fill(0));
    expect(r.s).toEqual(new Array(20).fill(0));
  });

  it("'avg' trend: the baseline is the mean; seasonality 0 and 'none' give baseline 0", () => {
    const [r] = rows("print y=dynamic([1, 2, 3, 4, 5]) | extend (f, s, b) = series_decompose_anomalies(y, 1.5, 0, 'avg')");
    expect(r.b).toEqual([3, 3, 3, 3, 3]);
    const [z] = rows("print y=dynamic([1, 2, 3]) | extend (f, s, b) = series_decompose_anomalies(y, 1.5, 0, 'none')");
    expect(z.b).toEqual([0, 0, 0]);
  });

  it('an explicit period makes the seasonal medians the baseline; a break of the pattern is flagged', () => {
    const pattern = [1, 5, 9, 5];
    const values = Array.from({ length: 24 }, (_, i) => pattern[i % 4]);
    values[13] = 30;
    const [r] = rows(`print y=dynamic(${JSON.stringify(values)}) | extend (f, s, b) = series_decompose_anomalies(y, 1.5, 4, 'none')`);
    expect(r.b).toEqual(Array.from({ length: 24 }, (_, i) => pattern[i % 4]));
    expect((r.f as number[]).flatMap((f, i) => (f ? [i] : []))).toEqual([13]);
  });

  it('autodetects a clear period (seasonality -1)', () => {
    const pattern = [0, 10, 20, 10, 0, -10];
    const values = Array.from({ length: 60 }, (_, i) => pattern[i % 6] + (i % 7 === 0 ? 0.5 : 0));
    const [r] = rows(`print y=dynamic(${JSON.stringify(values)}) | project (f, s, b) = series_decompose_anomalies(y, 3, -1, 'none')`);
    // The seasonal medians reproduce the pattern.
    close(r.b, Array.from({ length: 60 }, (_, i) => pattern[i % 6]), 9);
  });

  it('Sentinel shape: make-series, three names, mv-expand', () => {
    const counts = [3, 4, 3, 5, 4, 3, 4, 40, 4, 3, 5, 4];
    const events = counts.flatMap((c, h) => Array.from({ length: c }, () => ({ TimeGenerated: new Date(Date.UTC(2024, 4, 1, h)).toISOString() })));
    const q = `T | make-series Total=count() on TimeGenerated from datetime(2024-05-01) to datetime(2024-05-01 12:00) step 1h
      | extend (anomalies, score, baseline) = series_decompose_anomalies(Total, 1.5, -1, 'linefit')
      | mv-expand Total to typeof(double), TimeGenerated to typeof(datetime), anomalies to typeof(double), score to typeof(double), baseline to typeof(long)
      | where anomalies > 0 | project TimeGenerated, Total, anomalies`;
    expect(rows(q, { T: events })).toEqual([{ TimeGenerated: new Date(Date.UTC(2024, 4, 1, 7)), Total: 40, anomalies: 1 }]);
  });

  it('result columns match the analyzer: unnamed, one name, three names', () => {
    sameSchemaAsOracle(`print y=${SPIKY} | extend series_decompose_anomalies(y)`);
    sameSchemaAsOracle(`print y=${SPIKY} | extend a = series_decompose_anomalies(y, 1.5)`);
    sameSchemaAsOracle(`print y=${SPIKY} | project (a, b, c) = series_decompose_anomalies(y, 1.5, -1, 'linefit', 0, 'ctukey', 0.6)`);
  });

  it('null and non-array input give null columns; an empty series gives empty arrays', () => {
    expect(rows('print y=dynamic(null) | project (a, b, c) = series_decompose_anomalies(y)')).toEqual([{ a: null, b: null, c: null }]);
    expect(rows('print y=dynamic({"a":1}) | project (a, b, c) = series_decompose_anomalies(y)')).toEqual([{ a: null, b: null, c: null }]);
    expect(rows('print y=dynamic([]) | project (a, b, c) = series_decompose_anomalies(y)')).toEqual([{ a: [], b: [], c: [] }]);
  });

  it('missing points score 0 and are not flagged', () => {
    const [r] = rows('print y=dynamic([1, null, 3, 4]) | project (a, b, c) = series_decompose_anomalies(y, 1.5, 0)');
    expect(r.a).toEqual([0, 0, 0, 0]);
    expect((r.b as number[])[1]).toBe(0);
  });

  it('wrong types are semantic errors; unknown trend or method constants too', () => {
    semanticError('print series_decompose_anomalies(5)');
    semanticError("print y=dynamic([1]) | extend series_decompose_anomalies(y, '1.5')");
    semanticError("print y=dynamic([1]) | extend series_decompose_anomalies(y, 1.5, -1, 'bogus')");
    semanticError("print y=dynamic([1]) | extend series_decompose_anomalies(y, 1.5, -1, 'avg', 0, 'bogus')");
  });
});

describe('series_decompose, series_outliers, series_periods_detect', () => {
  it('series_decompose: baseline = seasonal + trend, residual = series - baseline', () => {
    const [r] = rows("print y=dynamic([1, 3, 5, 7]) | extend series_decompose(y, 0, 'linefit')");
    close(r.series_decompose_y_baseline, [1, 3, 5, 7], 9);
    expect(r.series_decompose_y_seasonal).toEqual([0, 0, 0, 0]);
    expect(r.series_decompose_y_residual).toEqual([0, 0, 0, 0]);
    sameSchemaAsOracle("print y=dynamic([1, 3, 5, 7]) | extend series_decompose(y, 0, 'linefit')");
    expect(rows('print y=dynamic(null) | project (a, b, c, d) = series_decompose(y)')).toEqual([{ a: null, b: null, c: null, d: null }]);
    semanticError("print series_decompose(dynamic([1]), 0, 3)");
  });

  it("series_outliers: Tukey's fences with 10/90 ('ctukey') or 25/75 ('tukey') percentiles", () => {
    // 1..9 and 100: P10 = 1.9, P90 = 18.1 (linear interpolation); 100 scores (100 - 18.1) / 16.2.
    const [r] = rows('print y=dynamic([1,2,3,4,5,6,7,8,9,100]) | project o=series_outliers(y), t=series_outliers(y, "tukey")');
    const o = r.o as number[];
    expect(o.slice(1, 9)).toEqual(new Array(8).fill(0));
    expect(o[9]).toBeCloseTo((100 - 18.1) / 16.2, 9);
    expect(o[0]).toBeCloseTo((1 - 1.9) / 16.2, 9);
    // P25 = 3.25, P75 = 7.75.
    expect((r.t as number[])[9]).toBeCloseTo((100 - 7.75) / 4.5, 9);
    // P10 = 1.2, P90 = 2.8 of the present values; the null scores 0.
    close(rows('print o=series_outliers(dynamic([1, null, 3]))')[0].o, [-0.2 / 1.6, 0, 0.2 / 1.6], 9);
    expect(rows('print o=series_outliers(dynamic(null))')[0].o).toBeNull();
    expect(rows('print o=series_outliers(dynamic([]))')[0].o).toEqual([]);
    semanticError("print series_outliers(dynamic([1]), 'zzz')");
    semanticError('print series_outliers(1)');
  });

  it('series_periods_detect finds the 14-bin period of the documented example', () => {
    const y = '[80, 139, 87, 110, 68, 54, 50, 51, 53, 133, 86, 141, 97, 156, 94, 149, 95, 140, 77, 61, 50, 54, 47, 133, 72, 152, 94, 148, 105, 162, 101, 160, 87, 63, 53, 55, 54, 151, 103, 189, 108, 183, 113, 175, 113, 178, 90, 71, 62, 62, 65, 165, 109, 181, 115, 182, 121, 178, 114, 170]';
    const q = `print y=dynamic(${y}) | project series_periods_detect(y, 0.0, 50.0, 2)`;
    const [r] = rows(q);
    expect((r.series_periods_detect_y_periods as number[])[0]).toBe(14);
    const score = (r.series_periods_detect_y_scores as number[])[0];
    expect(score).toBeGreaterThan(0.6);
    expect(score).toBeLessThanOrEqual(1);
    sameSchemaAsOracle(q);
    expect(rows(`print y=${LINE20} | project (p, s) = series_periods_detect(y, 0, 10, 2)`)).toEqual([{ p: [0, 0], s: [0, 0] }]);
    expect(rows('print y=dynamic([]) | project (p, s) = series_periods_detect(y, 0, 10, 1)')).toEqual([{ p: [0], s: [0] }]);
    expect(rows('print y=dynamic(null) | project (p, s) = series_periods_detect(y, 0, 10, 1)')).toEqual([{ p: null, s: null }]);
    semanticError("print series_periods_detect(dynamic([1]), 'a', 10, 1)");
  });
});

describe('series_fit_line, series_stats, series_stats_dynamic', () => {
  it('series_fit_line: the documented example', () => {
    const q = 'print y=dynamic([2, 5, 6, 8, 11, 15, 17, 18, 25, 26, 30, 30]) | extend (RSquare, Slope, Variance, RVariance, Interception, LineFit)=series_fit_line(y)';
    const [r] = rows(q);
    expect(r.RSquare).toBeCloseTo(0.982, 2);
    expect(r.Slope).toBeCloseTo(2.730, 2);
    expect(r.Variance).toBeCloseTo(98.628, 2);
    expect(r.RVariance).toBeCloseTo(1.686, 2);
    expect(r.Interception).toBeCloseTo(-1.666, 2);
    close(r.LineFit, [1.064, 3.7945, 6.526, 9.256, 11.987, 14.718, 17.449, 20.180, 22.910, 25.641, 28.371, 31.102], 2);
    sameSchemaAsOracle(q);
    sameSchemaAsOracle('print y=dynamic([1, 2]) | extend series_fit_line(y)');
    sameSchemaAsOracle('print y=dynamic([1, 2]) | extend f = series_fit_line(y)');
  });

  it('series_fit_line: null, empty, wrong type', () => {
    expect(rows('print y=dynamic(null) | project (a, b, c, d, e, f) = series_fit_line(y)')).toEqual([{ a: null, b: null, c: null, d: null, e: null, f: null }]);
    expect(rows('print y=dynamic([]) | project (a, b, c, d, e, f) = series_fit_line(y)')).toEqual([{ a: null, b: null, c: null, d: null, e: null, f: [] }]);
    semanticError('print series_fit_line(1)');
    semanticError('print series_fit_line(dynamic([1]), 2)');
  });

  it('series_stats: the documented example, as columns and as a bag', () => {
    const x = 'dynamic([23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29])';
    const q = `print x=${x} | project series_stats(x)`;
    const [r] = rows(q);
    expect(r).toMatchObject({ series_stats_x_min: 2, series_stats_x_min_idx: 8, series_stats_x_max: 87, series_stats_x_max_idx: 3, series_stats_x_avg: 32.8 });
    expect(r.series_stats_x_stdev).toBeCloseTo(28.5036338535483, 9);
    expect(r.series_stats_x_variance).toBeCloseTo(812.457142857143, 9);
    sameSchemaAsOracle(q);
    const [d] = rows(`print s=series_stats_dynamic(${x})`);
    expect(d.s).toMatchObject({ min: 2, min_idx: 8, max: 87, max_idx: 3, avg: 32.8 });
  });

  it('series_stats: non-finite values give nulls unless ignored; null, empty, wrong type', () => {
    expect(rows('print s=series_stats_dynamic(dynamic([1, null, 3]))')[0].s).toEqual({ min: null, min_idx: null, max: null, max_idx: null, avg: null, stdev: null, variance: null });
    expect(rows('print s=series_stats_dynamic(dynamic([1, null, 3]), true)')[0].s).toEqual({ min: 1, min_idx: 0, max: 3, max_idx: 2, avg: 2, stdev: Math.SQRT2, variance: 2 });
    expect(rows('print s=series_stats_dynamic(dynamic(null))')[0].s).toBeNull();
    expect(rows('print x=dynamic([]) | project (a, b) = series_stats(x)')[0]).toMatchObject({ a: null, b: null, series_stats_x_max: null });
    semanticError("print series_stats('x')");
  });
});

describe('series_fill_*', () => {
  const ARR = 'dynamic([null, 111.0, null, 36.0, 41.0, null, null, 16.0, 61.0, 33.0, null, null])';
  it('series_fill_linear: the documented example (doubles)', () => {
    const [r] = rows(`print arr=${ARR} | project a=series_fill_linear(arr), e=series_fill_linear(arr, real(null), false), c=series_fill_linear(dynamic([null, null]), real(null), true, 3.14159)`);
    close(r.a, [111, 111, 73.5, 36, 41, 32.667, 24.333, 16, 61, 33, 33, 33]);
    expect((r.e as unknown[])[0]).toBeNull();
    expect((r.e as unknown[]).slice(10)).toEqual([null, null]);
    expect(r.c).toEqual([3.14159, 3.14159]);
    expect(rows('print a=series_fill_linear(dynamic([null, null]))')[0].a).toEqual([0, 0]);
    expect(rows('print a=series_fill_linear(dynamic([1, -1, 3]), -1)')[0].a).toEqual([1, 2, 3]);
  });

  it('series_fill_forward / backward / const', () => {
    const [r] = rows(`print arr=${ARR} | project f=series_fill_forward(arr), b=series_fill_backward(arr), c=series_fill_const(arr, -1)`);
    expect(r.f).toEqual([null, 111, 111, 36, 41, 41, 41, 16, 61, 33, 33, 33]);
    expect(r.b).toEqual([111, 111, 36, 36, 41, 16, 16, 16, 61, 33, null, null]);
    expect(r.c).toEqual([-1, 111, -1, 36, 41, -1, -1, 16, 61, 33, -1, -1]);
    expect(rows('print c=series_fill_const(dynamic([1, 0, 2]), 9, 0)')[0].c).toEqual([1, 9, 2]);
  });

  it('null, empty and wrong-type inputs', () => {
    expect(rows('print a=series_fill_linear(dynamic(null)), b=series_fill_forward(dynamic(null)), c=series_fill_const(dynamic(null), 0)')).toEqual([{ a: null, b: null, c: null }]);
    expect(rows('print a=series_fill_linear(dynamic([])), b=series_fill_backward(dynamic([])), c=series_fill_const(dynamic([]), 0)')).toEqual([{ a: [], b: [], c: [] }]);
    semanticError("print series_fill_const(dynamic([1]), 'a')");
    semanticError('print series_fill_linear(dynamic([1]), real(null), true, false)');
    semanticError('print series_fill_forward(5)');
  });
});

describe('series_add / subtract / multiply / divide', () => {
  it('element-wise, with a number applied to every element (docs example)', () => {
    const q = 'range x from 1 to 3 step 1 | extend y = x * 2 | extend z = y * 2 | project s1 = pack_array(x,y,z), s2 = pack_array(z, y, x) | extend s1_add_s2 = series_add(s1, s2)';
    expect(rows(q).map((r) => r.s1_add_s2)).toEqual([[5, 4, 5], [10, 8, 10], [15, 12, 15]]);
    sameSchemaAsOracle(q);
    expect(rows('print a=series_subtract(dynamic([5, 3]), 1), m=series_multiply(10, dynamic([1, -1, 0])), d=series_divide(dynamic([1, 3]), dynamic([2, 4]))')).toEqual([
      { a: [4, 2], m: [10, -10, 0], d: [0.5, 0.75] },
    ]);
  });

  it('non-numeric or missing elements give null; null, empty and wrong types', () => {
    expect(rows('print a=series_add(dynamic([1, "x", 3]), dynamic([1, 2]))')[0].a).toEqual([2, null, null]);
    expect(rows('print a=series_add(dynamic(null), dynamic([1]))')[0].a).toEqual([null]);
    expect(rows('print a=series_multiply(dynamic([]), 2)')[0].a).toEqual([]);
    semanticError('print series_add(1, 2)');
    semanticError("print series_add(dynamic([1]), 'a')");
  });
});

describe('row_window_session', () => {
  const DATA = `datatable (ID:string, Timestamp:datetime) [
    "1", datetime(2024-04-11 10:00:00), "2", datetime(2024-04-11 10:18:00), "1", datetime(2024-04-11 11:00:00),
    "3", datetime(2024-04-11 11:30:00), "2", datetime(2024-04-11 13:30:00), "2", datetime(2024-04-11 10:16:00)]
    | sort by ID asc, Timestamp asc`;
  const t = (s: string) => new Date(`2024-04-11T${s}:00Z`);

  it('the documented example', () => {
    const q = `${DATA} | extend SessionStarted = row_window_session(Timestamp, 1h, 5m, ID != prev(ID))`;
    expect(rows(q).map((r) => [r.ID, r.SessionStarted])).toEqual([
      ['1', t('10:00')], ['1', t('11:00')], ['2', t('10:16')], ['2', t('10:16')], ['2', t('13:30')], ['3', t('11:30')],
    ]);
    sameSchemaAsOracle(q);
  });

  it('max distance from the first value ends a session even when neighbours are close', () => {
    const q = `range i from 0 to 5 step 1 | extend T = datetime(2024-01-01) + i * 4m | extend S = row_window_session(T, 10m, 5m) | project i, S`;
    const base = Date.UTC(2024, 0, 1);
    const at = (m: number) => new Date(base + m * 60000);
    // 0,4,8 in the first session; 12 >= 0 + 10m starts one; 16, 20 join it; (20 >= 12 + 10m) starts another.
    expect(rows(q).map((r) => r.S)).toEqual([at(0), at(0), at(0), at(12), at(12), at(12)]);
  });

  it('a null value returns null and the next value starts a session', () => {
    const q = `datatable (T:datetime) [datetime(2024-01-01 00:00), datetime(null), datetime(2024-01-01 00:01)]
      | serialize | extend S = row_window_session(T, 1h, 5m)`;
    expect(rows(q).map((r) => r.S)).toEqual([new Date(Date.UTC(2024, 0, 1)), null, new Date(Date.UTC(2024, 0, 1, 0, 1))]);
  });

  it('empty input; wrong argument types are semantic errors', () => {
    expect(rows('datatable (T:datetime) [] | extend S = row_window_session(T, 1h, 5m)')).toEqual([]);
    semanticError('range i from 1 to 2 step 1 | extend S = row_window_session(i, 1h, 5m)');
    semanticError('print S = row_window_session(now(), 1, 5m)');
    semanticError("print S = row_window_session(now(), 1h, 5m, 'x')");
  });
});
