/** String comparison, replacement and parsing functions. One file per function (or per small group of siblings) in this folder. */
import type { ScalarFunction } from '../registry-types.js';
import { strcmp } from './strcmp.js';
import { strrep } from './strrep.js';
import { regex_quote } from './regex_quote.js';
import { has_any_index } from './has_any_index.js';
import { replace_strings } from './replace_strings.js';
import { parse_version } from './parse_version.js';
import { treepath } from './treepath.js';
import { parse_csv } from './parse_csv.js';
import { parse_user_agent } from './parse_user_agent.js';
import { url_encode_component } from '../scalar/strings_more.js';

export const STRINGS_SCALARS: ScalarFunction[] = [
  strcmp, strrep, regex_quote, has_any_index, replace_strings, parse_version, treepath, parse_csv, parse_user_agent,
  // Defined next to url_encode (they share the encoder); registered here so the shared extras list stays untouched.
  url_encode_component,
];
