/**
 * Numerical kernels of the special functions: gamma and log-gamma (Lanczos approximation, g = 7, 9 terms,
 * on [0.5, 1.5) with the recurrence above it, reflection below, and exact factorials at the positive integers), erf/erfc (a positive-term series near 0 and a continued
 * fraction in the tail, so neither cancels), the regularized incomplete beta function (continued fraction,
 * modified Lentz) and its inverse (bisection). All loops are bounded.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** n! for n = 0..170 (doubles; exact up to 22!). */
const FACTORIALS: number[] = (() => {
  const f = [1];
  for (let i = 1; i <= 170; i++) f.push(f[i - 1]! * i);
  return f;
})();

function lanczosSum(x: number): number {
  let a = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (x + i);
  return a;
}

/** The gamma function. 0 gives +-Infinity (by the sign of the zero), a negative integer NaN. */
export function gammaFn(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x === -Infinity) return NaN;
  if (Number.isInteger(x)) {
    if (x <= 0) return x === 0 ? (Object.is(x, -0) ? -Infinity : Infinity) : NaN;
    return x <= 171 ? FACTORIALS[x - 1]! : Infinity;
  }
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFn(1 - x));
  if (x > 171.7) return Infinity;
  if (x >= 1.5 && x < 40) {
    // gamma(x) = (x-1)(x-2)...(r) gamma(r) with r in [0.5, 1.5): x - 1 is exact, and the product's rounding
    // grows slower than that of the large power in the approximation.
    let r = x, p = 1;
    while (r >= 1.5) {
      r -= 1;
      p *= r;
    }
    return p * gammaFn(r);
  }
  const y = x - 1;
  const t = y + LANCZOS_G + 0.5;
  const half = Math.pow(t, (y + 0.5) / 2); // split so t^(y + 1/2) does not overflow before e^-t scales it
  return Math.sqrt(2 * Math.PI) * half * Math.exp(-t) * half * lanczosSum(y);
}

/** ln |gamma(x)|: +Infinity at 0 and the negative integers. */
export function logGammaFn(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity || x === -Infinity) return Infinity;
  if (Number.isInteger(x)) {
    if (x <= 0) return Infinity;
    if (x <= 171) return Math.log(FACTORIALS[x - 1]!);
  }
  if (x < 40 && x > -170) {
    const g = Math.abs(gammaFn(x));
    if (g > 0 && g < Infinity) return Math.log(g);
  }
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGammaFn(1 - x);
  const y = x - 1;
  const t = y + LANCZOS_G + 0.5;
  return LOG_SQRT_2PI + (y + 0.5) * Math.log(t) - t + Math.log(lanczosSum(y));
}

/** e^(-x^2) without the rounding of x^2: x = h + l with h on a 1/16 grid, so h^2 is exact. */
function expMinusSquare(x: number): number {
  const h = Math.trunc(x * 16) / 16;
  return Math.exp(-h * h) * Math.exp(-(x - h) * (x + h));
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** erf(x) for 0 <= x < 3: 2x/sqrt(pi) e^-x^2 sum (2x^2)^n / (1*3*...*(2n+1)), all terms positive. */
function erfSeries(x: number): number {
  const x2 = 2 * x * x;
  let term = 1, sum = 1;
  for (let n = 1; n < 500; n++) {
    term *= x2 / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * x * expMinusSquare(x) * sum;
}

/**
 * erfc(x) for x >= 1: e^-x^2/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated from a fixed
 * depth upward (backward evaluation does not accumulate the rounding of a forward product).
 */
function erfcFraction(x: number): number {
  const depth = x < 2 ? 400 : x < 4 ? 120 : 60;
  let f = x;
  for (let n = depth; n >= 1; n--) f = x + n / 2 / f;
  return expMinusSquare(x) / (Math.sqrt(Math.PI) * f);
}

export function erfFn(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  const r = a < 3 ? erfSeries(a) : a > 6 ? 1 : 1 - erfcFraction(a);
  return x < 0 ? -r : r;
}

export function erfcFn(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfcFn(-x);
  if (x < 1) return 1 - erfSeries(x);
  if (x > 27.3) return 0; // below the smallest double
  return erfcFraction(x);
}

/** The beta function B(a, b) = gamma(a) gamma(b) / gamma(a + b), through logarithms when that overflows. */
function logBeta(a: number, b: number): number {
  if (a + b < 171) {
    const v = (gammaFn(a) * gammaFn(b)) / gammaFn(a + b);
    if (Number.isFinite(v) && v > 0) return Math.log(v);
  }
  return logGammaFn(a) + logGammaFn(b) - logGammaFn(a + b);
}

function betaValue(a: number, b: number): number {
  if (a + b < 171) {
    const v = (gammaFn(a) * gammaFn(b)) / gammaFn(a + b);
    if (Number.isFinite(v) && v > 0) return v;
  }
  return Math.exp(logBeta(a, b));
}

/** x^(a-1) (1-x)^(b-1) / B(a, b) for 0 <= x <= 1, a, b > 0. */
export function betaPdf(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1 && a > 0 && b > 0)) return NaN;
  const direct = (Math.pow(x, a - 1) * Math.pow(1 - x, b - 1)) / betaValue(a, b);
  if (Number.isFinite(direct) && direct > 1e-290) return direct;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b));
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b, qap = a + 1, qam = a - 1;
  let c = 1, d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b): the beta distribution's CDF. NaN outside its domain. */
export function betaCdf(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1 && a > 0 && b > 0)) return NaN;
  if (x === 0 || x === 1) return x;
  if (a === Infinity || b === Infinity) return NaN;
  const front = (y: number, p: number, q: number) => Math.exp(p * Math.log(y) + q * Math.log1p(-y) - logBeta(p, q));
  if (x < (a + 1) / (a + b + 2)) return (front(x, a, b) * betaFraction(x, a, b)) / a;
  return 1 - (front(1 - x, b, a) * betaFraction(1 - x, b, a)) / b;
}

/** The x with betaCdf(x, a, b) = p: null for p outside [0, 1] (docs), NaN for a or b not positive. */
export function betaInv(p: number, a: number, b: number): number | null {
  if (Number.isNaN(p) || Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (p < 0 || p > 1) return null;
  if (!(a > 0 && b > 0) || a === Infinity || b === Infinity) return NaN;
  if (p === 0 || p === 1) return p;
  let lo = 0, hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (betaCdf(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Welch's unequal-variances t-test: the two-sided p-value for equal means, from each sample's mean,
 * variance and count. The t statistic has Welch-Satterthwaite degrees of freedom df, and
 * P(|T| >= |t|) = I_(df / (df + t^2))(df / 2, 1 / 2).
 */
export function welchTest(m1: number, v1: number, n1: number, m2: number, v2: number, n2: number): number {
  const s1 = v1 / n1, s2 = v2 / n2;
  const se2 = s1 + s2;
  const t = (m1 - m2) / Math.sqrt(se2);
  const df = (se2 * se2) / ((s1 * s1) / (n1 - 1) + (s2 * s2) / (n2 - 1));
  if (!Number.isFinite(t) || !(df > 0)) return NaN;
  return betaCdf(df / (df + t * t), df / 2, 0.5);
}
