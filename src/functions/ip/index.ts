/** IPv4 masks and formats, IPv6 parsing, comparison and ranges. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';

export const IP_SCALARS: ScalarFunction[] = [];
