/** All scalar functions by name and alias (exact, case-sensitive, as Kusto names are). */
import type { ScalarFunction } from './registry-types.js';
import { ago } from './scalar/ago.js';
import { array_length } from './scalar/array_length.js';
import { bin } from './scalar/bin.js';
import { caseFunction } from './scalar/case.js';
import { coalesce } from './scalar/coalesce.js';
import { datetime_add } from './scalar/datetime_add.js';
import { datetime_diff } from './scalar/datetime_diff.js';
import { iff } from './scalar/iff.js';
import { isempty } from './scalar/isempty.js';
import { isnotempty } from './scalar/isnotempty.js';
import { isnotnull } from './scalar/isnotnull.js';
import { isnull } from './scalar/isnull.js';
import { not } from './scalar/not.js';
import { now } from './scalar/now.js';
import { parse_json } from './scalar/parse_json.js';
import { split } from './scalar/split.js';
import { startofday } from './scalar/startofday.js';
import { strcat } from './scalar/strcat.js';
import { strlen } from './scalar/strlen.js';
import { substring } from './scalar/substring.js';
import { tobool } from './scalar/tobool.js';
import { todatetime } from './scalar/todatetime.js';
import { toint } from './scalar/toint.js';
import { tolong } from './scalar/tolong.js';
import { tolower } from './scalar/tolower.js';
import { toreal } from './scalar/toreal.js';
import { tostring } from './scalar/tostring.js';
import { totimespan } from './scalar/totimespan.js';
import { toupper } from './scalar/toupper.js';
import { EXTRA_SCALARS } from './scalar/extras-index.js';
import { SERIES_SCALARS } from './scalar/series-index.js';
import { MATH_SCALARS } from './math/index.js';
import { UNITS_SCALARS } from './units/index.js';
import { STRINGS_SCALARS } from './strings/index.js';
import { ENCODING_SCALARS } from './encoding/index.js';
import { DATETIME_SCALARS } from './datetime/index.js';
import { IP_SCALARS } from './ip/index.js';
import { WINDOW_SCALARS } from './windows/index.js';
import { ARRAY_SCALARS } from './arrays/index.js';
import { BAG_SCALARS } from './bags/index.js';
import { HASHING_SCALARS } from './hashing/index.js';
import { SKETCH_SCALARS } from './sketches/index.js';

const ALL: ScalarFunction[] = [
  tostring, toint, tolong, toreal, tobool, todatetime, totimespan, parse_json,
  isempty, isnotempty, isnull, isnotnull, iff, caseFunction, coalesce, not,
  strcat, strlen, tolower, toupper, substring, split, array_length,
  bin, ago, now, datetime_diff, datetime_add, startofday,
  ...EXTRA_SCALARS,
  ...SERIES_SCALARS,
  ...MATH_SCALARS,
  ...UNITS_SCALARS,
  ...STRINGS_SCALARS,
  ...ENCODING_SCALARS,
  ...DATETIME_SCALARS,
  ...IP_SCALARS,
  ...WINDOW_SCALARS,
  ...ARRAY_SCALARS,
  ...BAG_SCALARS,
  ...HASHING_SCALARS,
  ...SKETCH_SCALARS,
];

const BY_NAME = new Map<string, ScalarFunction>();
for (const f of ALL) {
  for (const n of [f.name, ...(f.aliases ?? [])]) {
    if (BY_NAME.has(n)) throw new Error(`duplicate scalar function ${n}`);
    BY_NAME.set(n, f);
  }
}

export function lookupScalarFunction(name: string): ScalarFunction | undefined {
  return BY_NAME.get(name);
}

export function listScalarFunctions(): ScalarFunction[] {
  return [...ALL];
}
