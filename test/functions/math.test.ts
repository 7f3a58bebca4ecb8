/**
 * The math family (issue 11). Expected values are the examples of the docs pages
 * data-explorer/kusto/query/<name>-function.md (MicrosoftDocs/dataexplorer-docs); result types are checked
 * against Kusto's analyzer (the oracle).
 */
import { describe, expect, it } from 'vitest';
import { analyzeKql, runKql, KqlError, KqlSemanticError } from '../../src/index.js';
import { analyzeWithOracle, formatColumns } from '../support/oracle.js';

const NOW = '2024-05-01T12:00:00Z';
const rows = (q: string) => runKql(q, {}, { now: NOW }).rows;
const one = (q: string) => Object.values(rows(q)[0]!)[0];
const cols = (q: string) => runKql(q, {}, { now: NOW }).columns.map((c) => `${c.name}:${c.type}`).join(', ');

/** Same result columns as Kusto's analyzer. */
function sameTypes(q: string): void {
  const oracle = analyzeWithOracle(q);
  expect(oracle.errors, q).toEqual([]);
  expect(cols(q), q).toBe(formatColumns(oracle.columns));
}
/** Both the analyzer and mini-kql reject the query with a semantic error. */
function rejects(q: string): void {
  expect(analyzeWithOracle(q).errors.length, q).toBeGreaterThan(0);
  expect(() => analyzeKql(q), q).toThrow(KqlSemanticError);
}
/** Equal to the docs' printed digits (they print 15 significant digits or fewer). */
function near(actual: unknown, printed: number, digits = 15): void {
  expect(typeof actual).toBe('number');
  const a = actual as number;
  if (printed === 0) expect(Math.abs(a)).toBeLessThan(1e-300);
  else expect(Math.abs(a - printed) / Math.abs(printed), `${a} vs ${printed}`).toBeLessThan(0.51 * 10 ** (1 - digits));
}

describe('math: result types (analyzer)', () => {
  it('match the analyzer for every argument type', () => {
    sameTypes('print a = ceiling(int(1)), b = ceiling(long(1)), c = ceiling(1.5), d = ceiling(decimal(1.5)), e = ceiling(1)');
    sameTypes('print a = pow(2, 3), b = pow(int(2), int(3)), c = pow(2.0, long(3)), d = pow(decimal(2), 2)');
    sameTypes('print a = sqrt(int(4)), b = log(5), c = log2(decimal(1)), d = log10(5.0), e = exp(1), f = exp2(int(3)), g = exp10(2)');
    sameTypes('print a = pi(), b = cos(1), c = sin(1.0), d = tan(int(1)), e = acos(0.5), f = asin(0.5), g = atan(decimal(1)), h = atan2(1, 1), i = cot(1), j = degrees(1), k = radians(1)');
    sameTypes('print a = sign(int(1)), b = sign(long(1)), c = sign(1.0), d = sign(decimal(1)), e = isinf(1.0), f = isfinite(int(1)), g = isinf(long(1))');
  });
  it('reject what the analyzer rejects', () => {
    for (const q of [
      'print ceiling("a")', 'print ceiling(1d)', 'print pow("a", 2)', 'print sqrt(dynamic(4))', 'print log(1d)', 'print cos("1")',
      'print atan2(1, "a")', 'print sign(true)', 'print isinf(decimal(1))', 'print isfinite(dynamic(1))', 'print pi(1)', 'print exp10(now())',
    ]) rejects(q);
  });
});

describe('math: docs examples', () => {
  it('ceiling', () => {
    expect(rows('print c1 = ceiling(-1.1), c2 = ceiling(0), c3 = ceiling(0.9)')).toEqual([{ c1: -1, c2: 0, c3: 1 }]);
    expect(cols('print c1 = ceiling(-1.1), c2 = ceiling(0), c3 = ceiling(0.9)')).toBe('c1:real, c2:long, c3:real');
    expect(one('print ceiling(-0.5)')).toBe(0); // no negative zero
    expect(one('print ceiling(9007199254740993)')).toBe(9007199254740993n); // a long is its own ceiling, exactly
  });
  it('pow', () => {
    expect(rows('print result=pow(2, 3)')).toEqual([{ result: 8 }]);
    expect(one('print pow(2, -1)')).toBe(0.5);
    expect(one('print pow(1, real(nan))')).toBe(1);
  });
  it('sqrt (null for a negative number, as the docs say)', () => {
    expect(one('print sqrt(16)')).toBe(4);
    expect(one('print sqrt(-1)')).toBeNull();
    expect(one('print sqrt(0.0)')).toBe(0);
  });
  it('log, log2, log10 (null for a negative number)', () => {
    near(one('print result=log(5)'), 1.6094379124341003, 17);
    near(one('print result=log2(5)'), 2.3219280948873622, 17);
    near(one('print result=log10(5)'), 0.69897000433601886, 17);
    expect(one('print log(-1)')).toBeNull();
    expect(one('print log2(-0.5)')).toBeNull();
    expect(one('print log10(-10)')).toBeNull();
    expect(one('print log(0)')).toBe(-Infinity);
    expect(one('print log10(1000)')).toBe(3);
  });
  it('exp, exp2, exp10', () => {
    near(one('print result = exp(2)'), 7.389056, 7);
    expect(rows('print result = exp2(3)')).toEqual([{ result: 8 }]);
    expect(rows('print result = exp10(2)')).toEqual([{ result: 100 }]);
    expect(one('print exp(0)')).toBe(1);
  });
  it('trigonometry', () => {
    near(one('print cos(1)'), 0.54030230586813977, 17);
    near(one('print sin(1)'), 0.841470984807897);
    near(one('print cot(1)'), 0.64209261593433065, 16);
    near(one('print atan(0.5)'), 0.46364760900080609, 17);
    const a = rows('print atan2_0 = atan2(1,1) | extend atan2_1 = atan2(0,-1) | extend atan2_2 = atan2(-1,0)')[0]!;
    near(a.atan2_0, 0.785398163397448);
    near(a.atan2_1, 3.14159265358979);
    near(a.atan2_2, -1.5707963267949, 14);
    // The asin page prints 1.2532358975033751 for asin(0.5), which is not the arc sine of 0.5 (pi/6);
    // see docs/differences-from-kusto.md.
    near(one('print asin(0.5)'), Math.PI / 6);
    near(one('print acos(0.5)'), Math.PI / 3);
    expect(one('print acos(1.5)')).toBeNull();
    expect(one('print asin(-1.01)')).toBeNull();
    expect(one('print tan(0)')).toBe(0);
    expect(one('print pi()')).toBe(Math.PI);
  });
  it('degrees and radians', () => {
    expect(rows('print degrees0 = degrees(pi()/4), degrees1 = degrees(pi()*1.5), degrees2 = degrees(0)')).toEqual([
      { degrees0: 45, degrees1: 270, degrees2: 0 },
    ]);
    const r = rows('print radians0 = radians(90), radians1 = radians(180), radians2 = radians(360)')[0]!;
    near(r.radians0, 1.5707963267949, 14);
    near(r.radians1, 3.14159265358979);
    near(r.radians2, 6.28318530717959);
  });
  it('sign (a real also for integers)', () => {
    expect(rows('print s1 = sign(-42), s2 = sign(0), s3 = sign(11.2)')).toEqual([{ s1: -1, s2: 0, s3: 1 }]);
    expect(cols('print s1 = sign(-42)')).toBe('s1:real');
  });
  it('isinf and isfinite', () => {
    const q = 'range x from -1 to 1 step 1 | extend y = 0.0 | extend div = 1.0*x/y';
    expect(rows(`${q} | extend isinf=isinf(div)`).map((r) => [r.div, r.isinf])).toEqual([
      [-Infinity, true], [NaN, false], [Infinity, true],
    ]);
    expect(rows(`${q} | extend isfinite=isfinite(div)`).map((r) => r.isfinite)).toEqual([false, false, false]);
    expect(one('print isfinite(1.5)')).toBe(true);
    expect(one('print isinf(1)')).toBe(false);
  });
  it('null arguments give null', () => {
    expect(rows('print a = ceiling(real(null)), b = pow(2, int(null)), c = sqrt(long(null)), d = log(real(null)), e = cos(real(null)), f = atan2(real(null), 1), g = sign(int(null)), h = isinf(real(null)), i = isfinite(real(null)), j = exp2(real(null))')).toEqual([
      { a: null, b: null, c: null, d: null, e: null, f: null, g: null, h: null, i: null, j: null },
    ]);
  });
});

describe('math: special functions (docs examples)', () => {
  it('result types and rejected arguments (analyzer)', () => {
    sameTypes('print a = gamma(5), b = loggamma(int(5)), c = erf(decimal(1)), d = erfc(1.0), e = beta_cdf(0.2, 10, 20), f = beta_inv(0.1, long(10), 20), g = beta_pdf(0.5, 10.0, int(20)), h = welch_test(1, 2, 3, 4, 5, int(6))');
    for (const q of ['print gamma("5")', 'print loggamma(1d)', 'print erf(dynamic(1))', 'print erfc(true)', 'print beta_cdf(0.2, "a", 20)', 'print beta_inv(now(), 1, 2)', 'print beta_pdf(0.5, 10)', 'print welch_test(1, 2, 3, 4, 5, "6")', 'print welch_test(1, 2, 3, 4, 5)']) rejects(q);
  });
  it('gamma and loggamma', () => {
    expect(rows('print result = gamma(5)')).toEqual([{ result: 24 }]);
    expect(rows('print result=loggamma(5)')).toEqual([{ result: 3.1780538303479458 }]);
    near(one('print gamma(0.5)'), Math.sqrt(Math.PI));
    near(one('print gamma(2.5)'), 1.32934038817914);
    near(one('print gamma(-1.5)'), 2.36327180120735);
    near(one('print loggamma(100.5)'), 361.435540467778);
    near(one("print loggamma(-2.5)"), -0.0562437164976746, 13); // near a zero of loggamma: absolute error ~1e-15
    expect(one('print gamma(200)')).toBe(Infinity);
  });
  it('erf and erfc over -3..3', () => {
    const erf = [-0.999977909503001, -0.995322265018953, -0.842700792949715, 0, 0.842700792949715, 0.995322265018953, 0.999977909503001];
    const erfc = [1.999977909503001, 1.995322265018953, 1.842700792949715, 1, 0.157299207050285, 0.00467773498104727, 2.20904969985854e-5];
    rows('range x from -3 to 3 step 1 | extend erf_x = erf(x)').forEach((r, i) => near(r.erf_x, erf[i]!));
    rows('range x from -3 to 3 step 1 | extend erf_x = erfc(x)').forEach((r, i) => near(r.erf_x, erfc[i]!));
    expect(one('print erf(100)')).toBe(1);
    expect(one('print erfc(100)')).toBe(0);
  });
  it('beta_cdf: NaN outside the domain', () => {
    const r = rows(`datatable(x:double, alpha:double, beta:double, comment:string)
      [0.9, 10.0, 20.0, "Valid input", 1.5, 10.0, 20.0, "x > 1, yields NaN", double(-10), 10.0, 20.0, "x < 0, yields NaN", 0.1, double(-1.0), 20.0, "alpha is < 0, yields NaN"]
      | extend b = beta_cdf(x, alpha, beta)`).map((x) => x.b);
    near(r[0], 0.999999999999959);
    expect(r.slice(1)).toEqual([NaN, NaN, NaN]);
    expect(one('print beta_cdf(0, 2, 3)')).toBe(0);
    expect(one('print beta_cdf(1, 2, 3)')).toBe(1);
    near(one('print beta_cdf(0.5, 2, 2)'), 0.5);
  });
  it('beta_inv: null for a probability above 1, NaN for a negative alpha', () => {
    const r = rows(`datatable(p:double, alpha:double, beta:double, comment:string)
      [0.1, 10.0, 20.0, "Valid input", 1.5, 10.0, 20.0, "p > 1, yields null", 0.1, double(-1.0), 20.0, "alpha is < 0, yields NaN"]
      | extend b = beta_inv(p, alpha, beta)`).map((x) => x.b);
    near(r[0], 0.226415022388749);
    expect(r.slice(1)).toEqual([null, NaN]);
    near(one('print beta_cdf(beta_inv(0.3, 2.5, 4), 2.5, 4)'), 0.3);
  });
  it('beta_pdf', () => {
    const r = rows(`datatable(x:double, alpha:double, beta:double, comment:string)
      [0.5, 10.0, 20.0, "Valid input", 1.5, 10.0, 20.0, "x > 1, yields NaN", double(-10), 10.0, 20.0, "x < 0, yields NaN", 0.1, double(-1.0), 20.0, "alpha is < 0, yields NaN"]
      | extend r = beta_pdf(x, alpha, beta)`).map((x) => x.r);
    near(r[0], 0.746176019310951);
    expect(r.slice(1)).toEqual([NaN, NaN, NaN]);
  });
  it('welch_test: the docs example (pValue = 0.021)', () => {
    const q = `print
        s1 = dynamic([27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]),
        s2 = dynamic([27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4])
      | mv-expand s1 to typeof(double), s2 to typeof(double)
      | summarize m1=avg(s1), v1=variance(s1), c1=count(), m2=avg(s2), v2=variance(s2), c2=count()
      | extend pValue=welch_test(m1,v1,c1,m2,v2,c2)`;
    const p = rows(q)[0]!.pValue as number;
    expect(p.toFixed(3)).toBe('0.021');
    expect(one('print welch_test(1, 2, 10, 1, 2, 10)')).toBe(1); // equal means
  });
  it('null arguments give null', () => {
    expect(rows('print a = gamma(real(null)), b = loggamma(int(null)), c = erf(real(null)), d = erfc(real(null)), e = beta_cdf(real(null), 1, 2), f = beta_inv(0.5, long(null), 2), g = beta_pdf(0.5, 1, real(null)), h = welch_test(1, 2, 3, 4, 5, real(null))')).toEqual([
      { a: null, b: null, c: null, d: null, e: null, f: null, g: null, h: null },
    ]);
  });
});

describe('math: rand and new_guid (repeatable with the randomSeed option)', () => {
  const seeded = (q: string, randomSeed: number) => runKql(q, {}, { now: NOW, randomSeed }).rows;
  it('result types and arity (analyzer)', () => {
    sameTypes('print a = rand(), b = rand(10), c = rand(long(10)), d = new_guid()');
    for (const q of ['print rand(10.5)', 'print rand("10")', 'print rand(1, 2)', 'print new_guid(1)']) rejects(q);
  });
  it('rand() is in [0, 1), differs from row to row, and repeats with the same seed', () => {
    const q = 'range i from 1 to 200 step 1 | extend r = rand()';
    const a = seeded(q, 42).map((r) => r.r as number);
    expect(seeded(q, 42).map((r) => r.r)).toEqual(a);
    expect(seeded(q, 43).map((r) => r.r)).not.toEqual(a);
    expect(new Set(a).size).toBe(200);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = a.reduce((s, x) => s + x, 0) / a.length;
    expect(mean).toBeGreaterThan(0.35);
    expect(mean).toBeLessThan(0.65);
    // Without a seed: still a real in [0, 1).
    const free = rows('range i from 1 to 50 step 1 | extend r = rand()').map((r) => r.r as number);
    expect(free.every((x) => typeof x === 'number' && x >= 0 && x < 1)).toBe(true);
  });
  it('rand(N) draws whole numbers from {0, ..., N-1} (docs), null for N <= 0', () => {
    const r = seeded('range i from 1 to 1000 step 1 | extend r = rand(10) | summarize lo = min(r), hi = max(r), n = dcount(r), whole = countif(r == floor(r, 1))', 7);
    expect(r).toEqual([{ lo: 0, hi: 9, n: 10, whole: 1000 }]);
    expect(rows('print rand(0), rand(-3), rand(int(null))')).toEqual([{ print_0: null, print_1: null, print_2: null }]);
  });
  it('new_guid() is a version 4 GUID, new on every row, repeatable with the same seed', () => {
    const q = 'range i from 1 to 100 step 1 | extend g = new_guid()';
    const a = seeded(q, 1).map((r) => r.g as string);
    expect(seeded(q, 1).map((r) => r.g)).toEqual(a);
    expect(new Set(a).size).toBe(100);
    for (const g of [...a, ...rows(q).map((r) => r.g as string)]) {
      expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(cols('print guid=new_guid()')).toBe('guid:guid');
  });
  it('the seed reaches where and summarize too', () => {
    const q = 'range i from 1 to 300 step 1 | where rand() < 0.5 | summarize n = count(), s = sum(rand(1000))';
    const a = seeded(q, 99);
    expect(seeded(q, 99)).toEqual(a);
    expect(a[0]!.n).toBeGreaterThan(100);
    expect(a[0]!.n).toBeLessThan(200);
  });
  it('a seed that is not a finite number is an invalid option', () => {
    expect(() => runKql('print rand()', {}, { randomSeed: NaN })).toThrow(KqlError);
    expect(() => runKql('print rand()', {}, { randomSeed: NaN })).toThrow(/randomSeed/);
  });
});

describe('the modulo operator (numerical-operators.md: 0 <= N % D < abs(D))', () => {
  it('the docs example', () => {
    expect(rows('print plusPlus = 14 % 12, minusPlus = -14 % 12, plusMinus = 14 % -12, minusMinus = -14 % -12')).toEqual([
      { plusPlus: 2, minusPlus: 10, plusMinus: 2, minusMinus: 10 },
    ]);
  });
  it('exact longs, reals, zero and null', () => {
    expect(rows('print a = -9007199254740993 % 10, b = -9223372036854775808 % 10, c = 5 % -9223372036854775808, d = -5 % -9223372036854775808')).toEqual([
      { a: 7, b: 2, c: 5, d: 9223372036854775803n },
    ]);
    expect(rows('print a = -14.5 % 12, b = 14.5 % -12, c = -12.0 % 12, d = -7 % 0, e = int(null) % 3')).toEqual([
      { a: 9.5, b: 2.5, c: 0, d: null, e: null },
    ]);
    expect(cols('print a = -14 % 12, b = -14.5 % 12')).toBe('a:long, b:real');
  });
});
