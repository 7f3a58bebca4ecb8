/** Property-bag functions: bag_has_key, bag_set_key, bag_zip, bag_pack_columns, pack_all. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';

export const BAG_SCALARS: ScalarFunction[] = [];
