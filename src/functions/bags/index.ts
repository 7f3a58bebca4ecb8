/**
 * Property-bag functions: bag_has_key, bag_set_key, bag_zip, bag_pack_columns. pack_all() needs the whole
 * row and its column names, so the binder implements it (src/binder/bind-expr.ts). One file per function
 * (or per small group of siblings) in this folder.
 */
import type { ScalarFunction } from '../registry-types.js';
import { bag_has_key } from './bag_has_key.js';
import { bag_set_key } from './bag_set_key.js';
import { bag_zip } from './bag_zip.js';
import { bag_pack_columns } from './bag_pack_columns.js';

export const BAG_SCALARS: ScalarFunction[] = [bag_has_key, bag_set_key, bag_zip, bag_pack_columns];
