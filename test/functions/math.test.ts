/**
 * The math family (issue 11). Expected values are the examples of the docs pages
 * data-explorer/kusto/query/<name>-function.md (MicrosoftDocs/dataexplorer-docs); result types are checked
 * against Kusto's analyzer (the oracle).
 */
import { describe, expect, it } from 'vitest';
import { analyzeKql, runKql, KqlSemanticError } from '../../src/index.js';
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
