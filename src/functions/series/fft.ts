/**
 * Discrete Fourier transform of any length in O(n log n): iterative radix-2 Cooley-Tukey for powers of two,
 * Bluestein's chirp-z algorithm (a radix-2 convolution of the next power of two >= 2n - 1) for other lengths.
 * Forward: X[k] = sum x[j] e^(-2 pi i jk/n), unscaled; inverse: e^(+2 pi i jk/n) divided by n.
 */

/** In-place radix-2 transform; re.length must be a power of two. */
function radix2(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i]; re[i] = re[j]; re[j] = t;
      t = im[i]; im[i] = im[j]; im[j] = t;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const angle = ((inverse ? 2 : -2) * Math.PI) / len;
    const half = len >> 1;
    // Twiddles computed directly (not by repeated multiplication) to keep rounding small.
    const wr = new Float64Array(half);
    const wi = new Float64Array(half);
    for (let k = 0; k < half; k++) { wr[k] = Math.cos(angle * k); wi[k] = Math.sin(angle * k); }
    for (let start = 0; start < n; start += len) {
      for (let k = 0; k < half; k++) {
        const a = start + k;
        const b = a + half;
        const xr = re[b] * wr[k] - im[b] * wi[k];
        const xi = re[b] * wi[k] + im[b] * wr[k];
        re[b] = re[a] - xr; im[b] = im[a] - xi;
        re[a] += xr; im[a] += xi;
      }
    }
  }
}

function bluestein(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  let m = 1;
  while (m < 2 * n - 1) m <<= 1;
  const sign = inverse ? 1 : -1;
  // Chirp w[k] = e^(sign * i pi k^2 / n); k^2 mod 2n keeps the angle small and exact.
  const cr = new Float64Array(n);
  const ci = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const k2 = (k * k) % (2 * n);
    const a = (sign * Math.PI * k2) / n;
    cr[k] = Math.cos(a);
    ci[k] = Math.sin(a);
  }
  const ar = new Float64Array(m);
  const ai = new Float64Array(m);
  for (let k = 0; k < n; k++) {
    ar[k] = re[k] * cr[k] - im[k] * ci[k];
    ai[k] = re[k] * ci[k] + im[k] * cr[k];
  }
  const br = new Float64Array(m);
  const bi = new Float64Array(m);
  br[0] = cr[0]; bi[0] = -ci[0];
  for (let k = 1; k < n; k++) {
    br[k] = br[m - k] = cr[k];
    bi[k] = bi[m - k] = -ci[k];
  }
  radix2(ar, ai, false);
  radix2(br, bi, false);
  for (let k = 0; k < m; k++) {
    const r = ar[k] * br[k] - ai[k] * bi[k];
    ai[k] = ar[k] * bi[k] + ai[k] * br[k];
    ar[k] = r;
  }
  radix2(ar, ai, true);
  for (let k = 0; k < n; k++) {
    const r = ar[k] / m;
    const i = ai[k] / m;
    re[k] = r * cr[k] - i * ci[k];
    im[k] = r * ci[k] + i * cr[k];
  }
}

/** The transform of (re, im), both of the same length; returns new arrays. */
export function dft(realPart: readonly number[], imagPart: readonly number[], inverse: boolean): { re: number[]; im: number[] } {
  const n = realPart.length;
  const re = Float64Array.from(realPart);
  const im = Float64Array.from(imagPart);
  if (n > 1) {
    if ((n & (n - 1)) === 0) radix2(re, im, inverse);
    else bluestein(re, im, inverse);
  }
  if (inverse && n > 0) {
    for (let k = 0; k < n; k++) { re[k] /= n; im[k] /= n; }
  }
  return { re: Array.from(re), im: Array.from(im) };
}
