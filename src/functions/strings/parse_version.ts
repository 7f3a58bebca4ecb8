import { defineScalar } from '../define.js';

const VERSION = /^(\d{1,8})(?:\.(\d{1,8}))?(?:\.(\d{1,8}))?(?:\.(\d{1,8}))?$/;

/**
 * parse_version(v) (parse-version-function.md): one to four dot-separated parts of up to eight digits each, as
 * the decimal part1 * 10^24 + part2 * 10^16 + part3 * 10^8 + part4 (missing parts are 0); anything else is null.
 * Decimals are doubles here (docs/architecture.md), so a version whose first part is not 0 keeps about 16
 * significant digits: 1.2.3.4 and 1.2.3.5 compare equal (docs/differences-from-kusto.md).
 */
export const parse_version = defineScalar({
  name: 'parse_version',
  description: 'A version string of one to four numeric parts as a comparable decimal number.',
  overloads: [{
    params: ['string'], result: 'decimal',
    kernel: ([v]) => {
      const m = VERSION.exec(v as string);
      if (!m) return null;
      const digits = m[1] + [m[2], m[3], m[4]].map((p) => (p ?? '0').padStart(8, '0')).join('');
      return Number(digits);
    },
  }],
});
