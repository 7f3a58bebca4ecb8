import type { ScalarFunction } from '../registry-types.js';
import { abs } from './abs.js';
import { array_concat } from './array_concat.js';
import { array_index_of } from './array_index_of.js';
import { bag_keys } from './bag_keys.js';
import { bag_pack } from './bag_pack.js';
import { countof } from './countof.js';
import { dayofweek, hourofday } from './dayofweek.js';
import { gettype } from './gettype.js';
import { indexof } from './indexof.js';
import { isnan } from './isnan.js';
import { max_of, min_of } from './max_of.js';
import { pack_array } from './pack_array.js';
import { replace_string } from './replace_string.js';
import { round } from './round.js';
import { set_difference, set_intersect, set_union } from './sets.js';
import { endofday, endofmonth, endofweek, endofyear, startofmonth, startofweek, startofyear } from './startof.js';
import { strcat_array } from './strcat_array.js';
import { strcat_delim } from './strcat_delim.js';
import { tohex } from './tohex.js';
import { has_any_ipv4, has_ipv4, ipv4_compare, ipv4_is_in_any_range, ipv4_is_in_range, ipv4_is_match, ipv4_is_private, parse_ipv4 } from './ipv4.js';
import { todecimal, toguid } from './toguid.js';
import {
  base64_decode_toarray, base64_decode_tostring, base64_encode_tostring, isascii, isutf8, reverse, string_size, translate,
  url_decode, url_encode,
} from './strings_more.js';
import {
  array_slice, array_sort_asc, array_sort_desc, bag_merge, bag_remove_keys, dynamic_to_json, repeat, set_has_element, zip,
} from './arrays_more.js';
import { parse_url, parse_urlquery } from './parse_url.js';
import { range } from './range.js';
import { next, prev, row_number } from './row-window.js';
import { datetime_part, dayofmonth, dayofyear, getmonth, getyear, monthofyear, week_of_year, weekofyear } from './datetime_part.js';
import { format_datetime, format_timespan } from './format_datetime.js';
import { make_datetime, make_timespan } from './make_datetime.js';
import { extract, extract_all, indexof_regex } from './extract.js';
import { replace, replace_regex } from './replace_regex.js';
import { trim, trim_end, trim_start } from './trim.js';
import { PARSING_SCALARS } from './parsing-index.js';

/** Functions beyond the required set. */
export const EXTRA_SCALARS: ScalarFunction[] = [
  row_number, prev, next,
  strcat_delim, replace_string, indexof, pack_array, bag_pack, array_concat, round, abs, tohex,
  startofweek, startofmonth, startofyear, endofday, dayofweek, hourofday, isnan, array_index_of,
  set_union, set_intersect, set_difference, bag_keys, countof, strcat_array, gettype, max_of, min_of,
  extract, extract_all, indexof_regex, replace_regex, replace, trim, trim_start, trim_end,
  endofweek, endofmonth, endofyear, getyear, getmonth, monthofyear, dayofmonth, dayofyear, week_of_year, weekofyear,
  datetime_part, format_datetime, format_timespan, make_datetime, make_timespan,
  ipv4_is_private, ipv4_is_match, ipv4_compare, ipv4_is_in_range, ipv4_is_in_any_range, parse_ipv4, has_ipv4, has_any_ipv4,
  toguid, todecimal, reverse, string_size, isascii, isutf8, translate, url_encode, url_decode,
  base64_encode_tostring, base64_decode_tostring, base64_decode_toarray,
  array_slice, array_sort_asc, array_sort_desc, zip, repeat, set_has_element, bag_merge, bag_remove_keys, dynamic_to_json,
  parse_url, parse_urlquery, range,
  ...PARSING_SCALARS,
];
