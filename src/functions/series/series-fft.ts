/**
 * series_fft(x_real [, x_imaginary]) and series_ifft(fft_real [, fft_imaginary]) -> real, imag
 * (series-fft-function.md, series-ifft-function.md): the discrete Fourier transform of a complex series of any
 * length (./fft.ts), forward unscaled, inverse divided by n, so series_ifft(series_fft(x)) is x.
 * A missing or non-numeric element counts as 0; an imaginary part shorter than the real one is padded with 0s
 * and a longer one cut to the real part's length.
 */
import { ErrorCodes, KqlRuntimeError } from '../../errors/index.js';
import { defineMultiColumn } from './define-multi.js';
import { numericElement } from './elementwise.js';
import { dft } from './fft.js';

/** Longest series transformed (Bluestein's work arrays are about 4 times as long). */
export const MAX_FFT_LENGTH = 1 << 22;

function numbers(v: unknown[], length: number): number[] {
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) {
    const x = numericElement(v[i]);
    out[i] = x !== null && Number.isFinite(x) ? x : 0;
  }
  return out;
}

function transform(name: string, inverse: boolean, description: string) {
  return defineMultiColumn({
    name,
    description,
    params: ['dynamic', 'dynamic'],
    optional: 1,
    columns: [{ suffix: 'real', type: 'dynamic' }, { suffix: 'imag', type: 'dynamic' }],
    kernel([x, y]) {
      if (!Array.isArray(x)) return [null, null];
      const n = x.length;
      if (n > MAX_FFT_LENGTH) {
        throw new KqlRuntimeError(ErrorCodes.RUN_LIMIT_EXCEEDED, `${name}() of ${n} points (at most ${MAX_FFT_LENGTH})`);
      }
      const re = numbers(x, n);
      const im = Array.isArray(y) ? numbers(y, n) : new Array<number>(n).fill(0);
      const r = dft(re, im, inverse);
      return [r.re, r.im];
    },
  });
}

export const series_fft = transform('series_fft', false, 'Fast Fourier Transform of a (complex) numeric series: the real and imaginary parts of its frequency components.');
export const series_ifft = transform('series_ifft', true, 'Inverse Fast Fourier Transform of a (complex) frequency series back to the time domain: real and imaginary parts.');
