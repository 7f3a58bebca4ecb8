/** IPv4 masks and formats, IPv6 parsing, comparison and ranges. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';
import { format_ipv4, format_ipv4_mask } from './format-ipv4.js';
import { has_any_ipv4_prefix, has_ipv4_prefix } from './has-ipv4-prefix.js';
import { ipv4_netmask_suffix, parse_ipv4_mask } from './ipv4-mask.js';
import { ipv4_range_to_cidr_list } from './ipv4-range-to-cidr-list.js';
import { ipv6_compare, ipv6_is_match } from './ipv6-compare.js';
import { ipv6_is_in_any_range, ipv6_is_in_range } from './ipv6-ranges.js';
import { parse_ipv6, parse_ipv6_mask } from './parse-ipv6.js';

export const IP_SCALARS: ScalarFunction[] = [
  parse_ipv4_mask, ipv4_netmask_suffix, format_ipv4, format_ipv4_mask, has_ipv4_prefix, has_any_ipv4_prefix, ipv4_range_to_cidr_list,
  parse_ipv6, parse_ipv6_mask, ipv6_compare, ipv6_is_match, ipv6_is_in_range, ipv6_is_in_any_range,
];
